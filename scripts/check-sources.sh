#!/bin/sh
# The source gate of `make test`: no source file (src/, lib/) past 600 lines, and
# every JS test (tests/js/**/NAME.js outside fixtures/ and node_modules/) states its
# stdout in NAME.out. Prints each offender; exits 1 if there is any.
cd "$(dirname "$0")/.." || exit 2
# scripts/over-limit.txt names files already past the limit when the gate landed,
# each to be split by whoever owns it; they are reported, not failed. Keep it empty.
status=0
limit=600
allowed="$(dirname "$0")/over-limit.txt"
for f in $(find src lib -type f \( -name '*.rs' -o -name '*.js' -o -name '*.cc' -o -name '*.h' \)); do
  n=$(wc -l < "$f")
  if [ "$n" -gt "$limit" ]; then
    if grep -qx "$f" "$allowed" 2>/dev/null; then
      echo "$f: $n lines (allowed for now by scripts/over-limit.txt: split it)"
    else
      echo "$f: $n lines (the limit is $limit: split it by responsibility)"
      status=1
    fi
  fi
done
for f in $(find tests/js -name '*.js' -not -path '*/fixtures/*' -not -path '*/node_modules/*'); do
  if [ ! -f "${f%.js}.out" ]; then
    echo "$f: no ${f%.js}.out (an empty one if it prints nothing)"
    status=1
  fi
done
exit $status
