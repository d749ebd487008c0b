#!/usr/bin/env bash
# Runs real npm packages (pinned by tests/npm/package-lock.json, installed from the
# registry at test time, never committed) under coil and under node, and checks
# that both print the same results. Skipped with a message when npm is missing.
set -euo pipefail
bin=$(realpath "$1")
cd "$(dirname "$0")"
[ -f package.json ] || exit 0
if ! command -v npm >/dev/null; then echo "npm tests: skipped (npm not installed)"; exit 0; fi
# Reinstall when the lock file changed since the last install (a package was added).
[ node_modules/.package-lock.json -nt package-lock.json ] || npm ci --silent --no-audit --no-fund
fail=0
for t in check-*.js; do
  [ -f "$t" ] || continue
  want=$(node "$t" 2>&1) || { echo "npm $t: node itself failed"; fail=1; continue; }
  got=$("$bin" "$t" 2>&1) || true
  if [ "$want" == "$got" ]; then echo "npm $t: ok"; else
    echo "npm $t: FAILED"; diff <(echo "$want") <(echo "$got") | head -20; fail=1; fi
done
exit $fail
