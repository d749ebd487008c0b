#!/usr/bin/env bash
# Runs every benchmark, coil beside node in one run. Each prints
# "bench=<name> coil=<median> node=<median> speedup=<node/coil>x".
# The TCP echo (bench/net, with bun, deno and a raw server) runs apart: make bench-net.
set -euo pipefail
cd "$(dirname "$0")"
python3 startup.py "${STARTUP_RUNS:-40}"
python3 module_startup.py "${MODULE_STARTUP_RUNS:-20}"
python3 timers.py "${TIMER_RUNS:-5}"
python3 buffer.py "${BUFFER_RUNS:-3}"
python3 fs.py "${FS_RUNS:-3}"
python3 fs_streams.py "${FS_STREAMS_RUNS:-5}"
python3 core.py "${CORE_RUNS:-3}"
python3 zlib.py "${ZLIB_RUNS:-3}"
python3 crypto.py "${CRYPTO_RUNS:-3}"
