#!/bin/sh
# The source gate of `make test`: no source file (src/, lib/) past 600 lines, and
# every JS test (tests/js/**/NAME.js outside fixtures/ and node_modules/) states its
# stdout in NAME.out. Prints each offender; exits 1 if there is any.
cd "$(dirname "$0")/.." || exit 2
status=0
limit=600
for f in $(find src lib -type f \( -name '*.rs' -o -name '*.js' -o -name '*.cc' -o -name '*.h' \)); do
  n=$(wc -l < "$f")
  if [ "$n" -gt "$limit" ]; then
    echo "$f: $n lines (the limit is $limit: split it by responsibility)"
    status=1
  fi
done
for f in $(find tests/js -name '*.js' -not -path '*/fixtures/*' -not -path '*/node_modules/*'); do
  if [ ! -f "${f%.js}.out" ]; then
    echo "$f: no ${f%.js}.out (an empty one if it prints nothing)"
    status=1
  fi
done
exit $status
