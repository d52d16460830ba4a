# outreach: the two everyday commands are `make run` and `make test`.
# Both prepare a fresh Debian machine first (system libraries, then the build).

PREFIX ?= /usr/local
SWIFT ?= swift
DB ?=
RUN_ARGS ?=

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

bench: setup
	$(SWIFT) build -c release
	$(SWIFT) run -c release --skip-build outreach-bench

install: setup
	$(SWIFT) build -c release
	install -d $(PREFIX)/bin $(PREFIX)/share/outreach
	install -m 0755 "$$($(SWIFT) build -c release --show-bin-path)/outreach" $(PREFIX)/bin/outreach
	rm -rf $(PREFIX)/share/outreach/Plugins $(PREFIX)/share/outreach/playbooks
	cp -R Plugins playbooks $(PREFIX)/share/outreach/

clean:
	rm -rf .build
