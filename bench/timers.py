"""timers: bench/timers.js under coil and node, alternating runs, medians per case."""
import os
import re
import sys
from collections import defaultdict
from common import COIL, NODE, ROOT, output, median, report

runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
script = os.path.join(ROOT, "bench/timers.js")
res = {"coil": defaultdict(list), "node": defaultdict(list)}
for _ in range(runs):
    for case in ("timers", "ticks", "promises", "immediates"):
        for name, exe in (("coil", COIL), ("node", NODE)):
            for label, ms in re.findall(r"case=(\S+) ms=([\d.]+)", output([exe, script, case])):
                res[name][label].append(float(ms))
for case in res["coil"]:
    report(case, median(res["coil"][case]), median(res["node"][case]), "ms")
