#!/bin/sh
# Memory checking now and then: runs JS tests (tests/js, cargo's filter syntax) with
# coil under valgrind memcheck, on the epoll backend by default; COIL_BACKEND=uring
# runs them on io_uring, whose kernel-written buffers coil marks as defined for
# memcheck (src/backend/valgrind.rs).
# A test fails if its output differs, as always, or if memcheck reports an invalid
# read or write, a use of uninitialised memory or a bad free (exit 97).
# V8 writes code at run time: --smc-check makes valgrind see it.
#   scripts/memcheck.sh [FILTER]         e.g. scripts/memcheck.sh net/echo (one filter: the JS
#   runner takes a single one; run it again for another)
# Slow (30-50x): each test gets COIL_TEST_TIMEOUT seconds (600 by default).
set -e
cd "$(dirname "$0")/.."
cargo build --release -q
wrapper=$(mktemp /tmp/coil-memcheck.XXXXXX)
trap 'rm -f "$wrapper"' EXIT
cat > "$wrapper" <<WRAP
#!/bin/sh
exec valgrind -q --error-exitcode=97 --smc-check=all-non-file --leak-check=no \
  --suppressions=$(pwd)/scripts/memcheck.supp "$(pwd)/target/release/coil" "\$@"
WRAP
chmod +x "$wrapper"
COIL_BACKEND=${COIL_BACKEND:-epoll} COIL_TEST_BIN="$wrapper" COIL_TEST_TIMEOUT=${COIL_TEST_TIMEOUT:-600} \
  cargo test --release -q --test js -- --test-threads=1 "$@"
