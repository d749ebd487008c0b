# coil's two commands: `make run` (build, run examples/hello.js) and `make test`
# (build, run every test). Both install what is missing first (scripts/setup.sh).
# Then `make install` / `make uninstall` (PREFIX, DESTDIR), `make dist`, `make deb`.
CARGO ?= cargo
BIN := target/release/coil

.PHONY: all setup build run test bench clean fmt install uninstall dist deb

all: build

setup:
	@scripts/setup.sh

build: setup
	$(CARGO) build --release

run: build
	$(BIN) examples/hello.js

# Rust unit tests (loop, backend, timers, CLI) and the JS harness (tests/js.rs),
# all against the release binary, then the npm-package tests if npm is present,
# then clippy (when installed): it enforces a SAFETY comment on every unsafe block.
test: build
	$(CARGO) test --release -- --test-threads=2
	@tests/npm/run.sh $(BIN)
	@if $(CARGO) clippy --version >/dev/null 2>&1; then $(CARGO) clippy --release --quiet; \
	else echo "clippy not installed: SAFETY-comment lint skipped"; fi

# Installing (see README "Install"). The layout is the same everywhere: bin/coil finds
# its engine in ../lib/coil (its RUNPATH is $ORIGIN/../lib/coil, see build.rs), so the
# tree can live under any prefix. `install` does not build: `make && make install`.
PREFIX ?= /usr/local
DESTDIR ?=
VERSION := $(shell sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n1)
# The engine as linked: build.rs symlinks it beside the build tree's binary.
ENGINE_DIR = $(dir $(BIN))../lib/coil
ENGINE = $(firstword $(wildcard $(ENGINE_DIR)/libnode.so.[0-9]*))
# The engine's own copyright notice, from the Debian package it came from.
ENGINE_COPYRIGHT ?= $(firstword $(wildcard target/libnode/usr/share/doc/libnode108/copyright \
	/usr/share/doc/libnode108/copyright))
STRIP ?= strip
DISTNAME := coil-$(VERSION)-linux-$(shell uname -m)
# Every path `install` writes, relative to $(DESTDIR)$(PREFIX) (and the engine,
# lib/coil/libnode.so.N): `uninstall` removes these, and the two directories of coil's own.
INSTALLED = bin/coil share/man/man1/coil.1 \
	share/doc/coil/README.md share/doc/coil/LICENSE share/doc/coil/libnode.copyright

install:
	@test -x $(BIN) || { echo "install: $(BIN) is not built: run make first" >&2; exit 1; }
	@test -n "$(ENGINE)" || { echo "install: no engine in $(ENGINE_DIR): run make first" >&2; exit 1; }
	@test -n "$(ENGINE_COPYRIGHT)" || { echo "install: the engine's copyright notice was not found" >&2; exit 1; }
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib/coil \
		$(DESTDIR)$(PREFIX)/share/man/man1 $(DESTDIR)$(PREFIX)/share/doc/coil
	install -m 0755 $(BIN) $(DESTDIR)$(PREFIX)/bin/coil
	$(STRIP) --strip-debug $(DESTDIR)$(PREFIX)/bin/coil
	install -m 0644 $(ENGINE) $(DESTDIR)$(PREFIX)/lib/coil/$(notdir $(ENGINE))
	install -m 0644 docs/coil.1 $(DESTDIR)$(PREFIX)/share/man/man1/coil.1
	install -m 0644 README.md LICENSE $(DESTDIR)$(PREFIX)/share/doc/coil/
	install -m 0644 $(ENGINE_COPYRIGHT) $(DESTDIR)$(PREFIX)/share/doc/coil/libnode.copyright

uninstall:
	rm -f $(addprefix $(DESTDIR)$(PREFIX)/,$(INSTALLED)) $(DESTDIR)$(PREFIX)/lib/coil/libnode.so.[0-9]*
	-rmdir $(DESTDIR)$(PREFIX)/lib/coil $(DESTDIR)$(PREFIX)/share/doc/coil 2>/dev/null

# $(DISTDIR)/coil-VERSION-linux-ARCH.tar.gz: the installed tree under one directory.
DISTDIR ?= target/dist
dist: build
	rm -rf $(DISTDIR)/stage && mkdir -p $(DISTDIR)
	$(MAKE) --no-print-directory install DESTDIR=$(abspath $(DISTDIR))/stage PREFIX=/$(DISTNAME)
	tar -C $(DISTDIR)/stage --owner=0 --group=0 --numeric-owner --sort=name \
		-czf $(DISTDIR)/$(DISTNAME).tar.gz $(DISTNAME)
	rm -rf $(DISTDIR)/stage
	@echo "dist: $(DISTDIR)/$(DISTNAME).tar.gz"

# target/dist/coil_VERSION_ARCH.deb, made with dpkg-deb (scripts/mkdeb.sh).
deb: build
	scripts/mkdeb.sh $(VERSION)

bench: build
	bench/run.sh

fmt:
	$(CARGO) fmt

clean:
	$(CARGO) clean
