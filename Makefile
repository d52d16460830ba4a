# outreach: the two everyday commands are `make run` and `make test`.
# Both prepare a fresh Debian machine first (system libraries, then the build).

PREFIX ?= /usr/local
SWIFT ?= swift
DB ?=
RUN_ARGS ?=
# Installed and benchmarked builds link the Swift runtime statically: it starts about a third faster.
RELEASE = -c release --static-swift-stdlib

.PHONY: setup build run test bench install clean

setup:
	@if ! pkg-config --exists libedit sqlite3 2>/dev/null; then \
		echo "outreach: installing libedit-dev and libsqlite3-dev with apt-get"; \
		apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q libedit-dev libsqlite3-dev pkg-config; \
	fi

build: setup
	$(SWIFT) build

run: build
	@$(SWIFT) run --skip-build outreach $(if $(DB),--db $(DB)) $(RUN_ARGS)

test: setup
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --disable-xctest

# Release build, its own data, one table of figures against references from the same run;
# the table is kept with the machine's description in docs/benchmarks.md. Not part of `make test`.
bench: setup
	@command -v sqlite3 >/dev/null 2>&1 || DEBIAN_FRONTEND=noninteractive apt-get install -y -q sqlite3
	$(SWIFT) build $(RELEASE) --product outreach
	$(SWIFT) build $(RELEASE) --product outreach-bench
	"$$($(SWIFT) build $(RELEASE) --show-bin-path)/outreach-bench" --markdown docs/benchmarks.md

install: setup
	$(SWIFT) build $(RELEASE) --product outreach
	install -d $(PREFIX)/bin $(PREFIX)/share/outreach
	install -m 0755 "$$($(SWIFT) build $(RELEASE) --show-bin-path)/outreach" $(PREFIX)/bin/outreach
	rm -rf $(PREFIX)/share/outreach/Plugins $(PREFIX)/share/outreach/playbooks
	cp -R Plugins playbooks $(PREFIX)/share/outreach/

clean:
	rm -rf .build
