"""workers: bench/workers.js under coil and node, alternating runs, medians per case.
usage: workers.py [RUNS] [SCALE] (SCALE 1: 100,000 round trips, 1,000 1 MiB transfers,
50 worker start-ups).

Each case runs in two setups, the same for both runtimes: the process pinned to two
cores (BENCH_CORES, default "0,1": a worker benchmark naturally has its two threads
on two cores), and to one core (BENCH_CORE, default "1": both threads share it, so
every message pays a context switch). coil busy-polls briefly for an expected
reply only when it may run on two cores or more (src/loop/spin.rs); COIL_SPIN_US=0
turns that off for an A/B."""
import os
import re
import subprocess
import sys
from collections import defaultdict
from common import COIL, NODE, ROOT, median, report

runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
scale = sys.argv[2] if len(sys.argv) > 2 else "1"
script = os.path.join(ROOT, "bench/workers.js")
setups = (("2cores", os.environ.get("BENCH_CORES", "0,1")), ("1core", os.environ.get("BENCH_CORE", "1")))
res = defaultdict(lambda: defaultdict(list))
for _ in range(runs):
    for setup, cores in setups:
        for case in ("pingpong", "transfer", "startup"):
            for name, exe in (("coil", COIL), ("node", NODE)):
                cmd = ["taskset", "-c", cores, exe, script, case, scale]
                out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
                for label, ms in re.findall(r"case=(\S+) ms=([\d.]+)", out):
                    res[(setup, name)][label].append(float(ms))
for setup, _ in setups:
    for case in res[(setup, "coil")]:
        report(f"{case}_{setup}", median(res[(setup, "coil")][case]), median(res[(setup, "node")][case]), "ms")
