# outreach: the two everyday commands are `make run` and `make test`.
# Both prepare a fresh Debian machine first (system libraries, then the build).

PREFIX ?= /usr/local
SWIFT ?= swift
DB ?=
RUN_ARGS ?=
# Installed and benchmarked builds link the Swift runtime statically: it starts about a third faster.
# Each Swift function in its own section lets the linker's --gc-sections (SwiftPM passes it in
# release) drop unused code: about 1 MB less text, and `-c quit` starts about 0.5 ms sooner.
# The toolchain links with -export-dynamic; Sources/outreach/exports.map makes our symbols local
# again, so the dynamic symbol table holds 600 entries instead of 40,000 (about 0.5 ms a start).
RELEASE = -c release --static-swift-stdlib -Xswiftc -Xfrontend -Xswiftc -function-sections \
	-Xlinker --version-script=$(CURDIR)/Sources/outreach/exports.map

.PHONY: setup build run test bench fuzz install clean team-db team-db-stop

setup:
	@if ! pkg-config --exists libedit sqlite3 2>/dev/null; then \
		echo "outreach: installing libedit-dev and libsqlite3-dev with apt-get"; \
		apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q libedit-dev libsqlite3-dev pkg-config; \
	fi

build: setup
	$(SWIFT) build

run: build
	@$(SWIFT) run --skip-build outreach $(if $(DB),--db $(DB)) $(RUN_ARGS)

# The tests of the team database need a PostgreSQL server: a throwaway one (installed from apt when
# missing) runs on a free loopback port for the length of the run and is stopped afterwards,
# also when a test fails or the run is interrupted.
TEST_PG = .build/postgres-test
test: setup
	$(SWIFT) build --build-tests
	@.ci/postgres-server stop $(TEST_PG); rm -rf $(TEST_PG); \
	.ci/postgres-server start $(TEST_PG) || exit 1; \
	trap '.ci/postgres-server stop $(TEST_PG)' EXIT; trap 'exit 130' INT TERM; \
	OUTREACH_TEST_PG=$(TEST_PG)/env $(SWIFT) test --skip-build --disable-xctest

# Try the team mode in one command: a local PostgreSQL server (installed from apt when missing) in
# .build/team-db on a loopback port, with the database `outreach` and its owner role. Prints the
# --db address to use. `make team-db-stop` stops it; the data stays until `make clean`.
TEAM_DB = .build/team-db
team-db: build
	@.ci/postgres-server start $(TEAM_DB)
	@. $(TEAM_DB)/env; \
	echo "A team database is running. As its owner, in this shell:"; \
	echo "  export PGPASSWORD=\"\$$(sed -n 's/^OUTREACH_PG_OWNER_PASSWORD=//p' $(TEAM_DB)/env)\""; \
	echo "  make run DB=$$OUTREACH_PG_URL"; \
	echo "Add a lead with 'db add-lead NAME' inside outreach; see docs/team.md. Stop it with 'make team-db-stop'."

team-db-stop:
	@.ci/postgres-server stop $(TEAM_DB)

# Release build, its own data, one table of figures against references from the same run;
# the table is kept with the machine's description in docs/benchmarks.md. Not part of `make test`.
# The team database's rows run against a throwaway PostgreSQL server on a free loopback port,
# stopped afterwards, also when the bench fails or is interrupted. BENCH_ARGS=--quick (smaller
# data) or BENCH_ARGS="--only postgres" (just those rows, only their section of the file).
BENCH_PG = .build/postgres-bench
BENCH_ARGS ?=
bench: setup
	@command -v sqlite3 >/dev/null 2>&1 || DEBIAN_FRONTEND=noninteractive apt-get install -y -q sqlite3
	@test -x /usr/bin/time || DEBIAN_FRONTEND=noninteractive apt-get install -y -q time
	$(SWIFT) build $(RELEASE) --product outreach
	$(SWIFT) build $(RELEASE) --product outreach-bench
	$(SWIFT) build $(RELEASE) --product outreach-bare-open
	@.ci/postgres-server stop $(BENCH_PG); rm -rf $(BENCH_PG); \
	.ci/postgres-server start $(BENCH_PG) || exit 1; \
	trap '.ci/postgres-server stop $(BENCH_PG)' EXIT; trap 'exit 130' INT TERM; \
	"$$($(SWIFT) build $(RELEASE) --show-bin-path)/outreach-bench" --postgres $(BENCH_PG)/env --markdown docs/benchmarks.md $(BENCH_ARGS)

# libFuzzer on the YAML loaders and the bundle reader, FUZZ_SECONDS each, in its own build folder
# with the fuzzer and AddressSanitizer on Swift and C code (so libyaml is covered too). Seeds are
# the built-in content and the test fixtures; new inputs and any crash, timeout or leak go to
# .fuzz/TARGET/ (not in git). An input slower than 10 s counts as a failure. Not part of `make test`.
# A plain build's fuzz-TARGET replays files instead: `swift run fuzz-plugin .fuzz/plugin/crash-...`.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= plugin playbook answers bundle
FUZZ_BUILD = $(SWIFT) build -c release --build-path .build-fuzz -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING \
	-Xcc -fsanitize=fuzzer-no-link,address
FUZZ_SEEDS_plugin = Plugins Tests/Fixtures/plugins
FUZZ_SEEDS_playbook = playbooks Tests/Fixtures/playbooks
FUZZ_SEEDS_answers = playbooks/training Tests/Fixtures/answers
FUZZ_SEEDS_bundle = Tests/Fixtures/bundles

fuzz: setup
	@for target in $(FUZZ_TARGETS); do $(FUZZ_BUILD) --product fuzz-$$target || exit 1; done
	@bin="$$($(FUZZ_BUILD) --show-bin-path)"; \
	$(foreach target,$(FUZZ_TARGETS),mkdir -p .fuzz/$(target)/corpus && \
		echo "fuzz-$(target): $(FUZZ_SECONDS) s" && \
		LSAN_OPTIONS=suppressions=Fuzz/lsan-suppressions.txt "$$bin/fuzz-$(target)" -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
			-artifact_prefix=.fuzz/$(target)/ .fuzz/$(target)/corpus $(FUZZ_SEEDS_$(target)) || exit 1;) true

install: setup
	$(SWIFT) build $(RELEASE) --product outreach
	install -d $(PREFIX)/bin $(PREFIX)/share/outreach
	install -m 0755 "$$($(SWIFT) build $(RELEASE) --show-bin-path)/outreach" $(PREFIX)/bin/outreach
	rm -rf $(PREFIX)/share/outreach/Plugins $(PREFIX)/share/outreach/playbooks
	cp -R Plugins playbooks $(PREFIX)/share/outreach/

clean:
	rm -rf .build .build-fuzz
