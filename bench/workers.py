"""workers: bench/workers.js under coil and node, alternating runs, medians per case.
usage: workers.py [RUNS] [SCALE] (SCALE 1: 100,000 round trips, 1,000 1 MiB transfers,
50 worker start-ups)."""
import os
import re
import sys
from collections import defaultdict
from common import COIL, NODE, ROOT, output, median, report

runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
scale = sys.argv[2] if len(sys.argv) > 2 else "1"
script = os.path.join(ROOT, "bench/workers.js")
res = {"coil": defaultdict(list), "node": defaultdict(list)}
for _ in range(runs):
    for case in ("pingpong", "transfer", "startup"):
        for name, exe in (("coil", COIL), ("node", NODE)):
            for label, ms in re.findall(r"case=(\S+) ms=([\d.]+)", output([exe, script, case, scale])):
                res[name][label].append(float(ms))
for case in res["coil"]:
    report(case, median(res["coil"][case]), median(res["node"][case]), "ms")
