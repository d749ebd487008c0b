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

# The gate: sources stay under 600 lines and every JS test has its .out
# (scripts/check-sources.sh); clippy denies every warning, rustc's included (dead
# code, and a SAFETY comment on every unsafe block); the Rust tests (loop, both
# backends, CLI, the epoll fallback); the JS suite on io_uring and again on epoll;
# then the npm-package tests if npm is present.
test: build
	@scripts/check-sources.sh
	@$(CARGO) clippy --version >/dev/null 2>&1 || { echo "make test needs clippy (rustup component add clippy)"; exit 1; }
	$(CARGO) clippy --release --all-targets --quiet -- -D warnings
	COIL_BACKEND=uring $(CARGO) test --release -- --test-threads=2
	COIL_BACKEND=epoll $(CARGO) test --release --test js
	@tests/npm/run.sh $(BIN)

bench: build
	bench/run.sh

fmt:
	$(CARGO) fmt

clean:
	$(CARGO) clean
