# coil's two commands: `make run` (build, start examples/server.js) and `make test`
# (build, run every test). Both install what is missing first (scripts/setup.sh).
# Then `make install` / `make uninstall` (PREFIX, DESTDIR), `make dist`, `make deb`.
CARGO ?= cargo
BIN := target/release/coil

# conformance: Node's own tests on coil and node (scripts/conformance.py; needs the
# test tree, see ../shared/node-suite/run.sh), not part of `test`.
.PHONY: all setup build run test conformance bench bench-net bench-http bench-cluster bench-matrix clean fmt install uninstall dist deb

all: build

setup:
	@scripts/setup.sh

build: setup
	$(CARGO) build --release

PORT ?= 8080

run: build
	$(BIN) examples/hello.js
	$(BIN) examples/server.js $(PORT)

# The gate: sources stay under 600 lines and every JS test has its .out
# (scripts/check-sources.sh); clippy denies every warning, rustc's included (dead
# code, and a SAFETY comment on every unsafe block); the Rust tests (loop, both
# backends, CLI, the epoll fallback); the JS suite on io_uring and again on epoll;
# then the npm-package tests if npm is present.
test: build
	@scripts/setup.sh --test-tools
	@scripts/check-sources.sh
	@$(CARGO) clippy --version >/dev/null 2>&1 || { echo "make test needs clippy (rustup component add clippy)"; exit 1; }
	$(CARGO) clippy --release --all-targets --quiet -- -D warnings
	COIL_BACKEND=uring $(CARGO) test --release -- --test-threads=2
	COIL_BACKEND=epoll $(CARGO) test --release --test js
	COIL_BACKEND=uring COIL_LENT_BUFFERS=0 $(CARGO) test --release --test js -- net/
	@tests/npm/run.sh $(BIN)

conformance: build
	python3 scripts/conformance.py

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

# The TCP echo benchmark (bench/net/run.py): builds its own Rust server and load
# generator, installs bun and deno from npm outside the tree. NET_QUICK=1 for a short run.
bench-net: build
	python3 bench/net/run.py

# The HTTP hello benchmark (bench/http/run.py): wrk against bench/http/hello.js on
# coil, node, bun, deno and against its own raw Rust responder. HTTP_QUICK=1 for a short run.
bench-http: build
	python3 bench/http/run.py

# The cluster benchmark (bench/cluster/run.py): bench/http's hello on 2 cluster
# workers in each mode (coil rr/none/reuseport, node rr/none) under wrk; requests/s
# and each worker's share of the connections. CLUSTER_QUICK=1 for a short run.
bench-cluster: build
	python3 bench/cluster/run.py

# The matrix (bench/matrix/run.py): coil on io_uring and on epoll, node, bun, deno
# x HTTP hello (keep-alive 50 and 500, Connection: close), TCP echo (64 B, 16 KiB),
# readFile of 10,000 small files, a stat storm and a 1 GiB stream copy; short cells
# (about 5 minutes in all). Writes docs/bench/matrix.csv and its SVG charts.
bench-matrix: build
	python3 bench/matrix/run.py

fmt:
	$(CARGO) fmt

clean:
	$(CARGO) clean
