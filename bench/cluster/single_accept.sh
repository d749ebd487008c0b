#!/bin/sh
# The thundering herd in cluster's shared mode (SCHED_NONE), with and without
# UV_TCP_SINGLE_ACCEPT=1: RUNS runs (10) of tests/js/cluster/modes.js in its
# 'none' mode (2 workers on one shared socket, 40 connections opened at once),
# each printing how many connections each worker accepted, on both of coil's
# backends and under node for reference. Usage: bench/cluster/single_accept.sh
# [coil binary] (target/release/coil).
COIL=${1:-target/release/coil}
RUNS=${RUNS:-10}
TEST=tests/js/cluster/modes.js
run() { # label, then the command
  label=$1; shift
  shares=""
  i=0
  while [ $i -lt "$RUNS" ]; do
    share=$("$@" "$TEST" 2>&1 >/dev/null | sed -n 's/.*w1 \([0-9]*\), w2 \([0-9]*\).*/\1-\2/p')
    shares="$shares $share"
    i=$((i + 1))
  done
  echo "$label:$shares"
}
for single in 0 1; do
  for backend in uring epoll; do
    run "coil $backend UV_TCP_SINGLE_ACCEPT=$single" \
      env TEST_POLICY=none COIL_BACKEND=$backend UV_TCP_SINGLE_ACCEPT=$single "$COIL"
  done
  run "node UV_TCP_SINGLE_ACCEPT=$single" env TEST_POLICY=none UV_TCP_SINGLE_ACCEPT=$single node
done
