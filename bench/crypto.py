"""crypto: bench/crypto.js under coil and node, alternating runs, medians per case.
The CPU cases run pinned to one core; pbkdf2's concurrent case is not pinned, since
it measures how the work pool spreads derivations over the machine's cores (both
runtimes default to 4 pool threads)."""
import os
import re
import subprocess
import sys
from collections import defaultdict
from common import COIL, NODE, ROOT, output, median, report

runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
script = os.path.join(ROOT, "bench/crypto.js")
res = {"coil": defaultdict(list), "node": defaultdict(list)}


def unpinned(cmd):
    return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout


for _ in range(runs):
    for case in ("sha256", "aesgcm", "pbkdf2"):
        for name, exe in (("coil", COIL), ("node", NODE)):
            run = unpinned if case == "pbkdf2" else output
            for label, ms in re.findall(r"case=(\S+) ms=([\d.]+)", run([exe, script, case])):
                res[name][label].append(float(ms))
for case in res["coil"]:
    report(case, median(res["coil"][case]), median(res["node"][case]), "ms")
