"""buffer: bench/buffer.js under coil and node, alternating, medians per case."""
import os
import re
import sys
from collections import defaultdict
from common import COIL, NODE, ROOT, output, median, report

runs = int(sys.argv[1]) if len(sys.argv) > 1 else 3
script = os.path.join(ROOT, "bench/buffer.js")
cases = [f"{e}:{s}" for e in ("utf8", "base64", "hex") for s in (65536, 16 << 20)] + ["emit"]
res = {"coil": defaultdict(list), "node": defaultdict(list)}
for _ in range(runs):
    for case in cases:
        for name, exe in (("coil", COIL), ("node", NODE)):
            for label, ms in re.findall(r"case=(\S+) ms=([\d.]+)", output([exe, script, case])):
                res[name][label].append(float(ms))
for label in res["coil"]:
    report(label, median(res["coil"][label]), median(res["node"][label]), "ms")
