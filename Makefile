# coil's two commands: `make run` (build, run examples/hello.js) and `make test`
# (build, run every test). Both install what is missing first (scripts/setup.sh).
CARGO ?= cargo
BIN := target/release/coil

.PHONY: all setup build run test bench clean fmt

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

bench: build
	bench/run.sh

fmt:
	$(CARGO) fmt

clean:
	$(CARGO) clean
