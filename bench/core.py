"""core: bench/core.js (the core library's hot paths, issue 25) under coil, node
and bun when present, alternating runtimes per case, medians of ops/s.

    python3 bench/core.py [runs=3] [case-name-substring ...]
    COIL_BEFORE=/path/to/older/coil python3 bench/core.py   # adds a "before" column
    BENCH_CLOCK=cpu python3 bench/core.py   # CPU time, not wall time (a busy machine)

Prints one line per case, "bench=<case> coil=<ops/s> node=<ops/s> bun=<ops/s>
speedup=<coil/node>x", then the geometric mean of coil/node over the cases.
Cases that run inside V8 alone (no lib/ code: the engine's floor, V8 10.2 in coil
against node 20's 11.3) end in "v8-alone"; a second geometric mean leaves them out."""
import math
import os
import re
import sys
from collections import defaultdict
from common import COIL, NODE, ROOT, output, median

runs = int(sys.argv[1]) if len(sys.argv) > 1 else 3
filters = sys.argv[2:]
script = os.path.join(ROOT, "bench/core.js")
BUN = os.environ.get("BUN", "/tmp/coil-bench-runtimes/node_modules/.bin/bun")
runtimes = [("coil", COIL), ("node", NODE)]
# COIL_BEFORE=<older coil binary> adds a column for a before/after comparison.
if os.environ.get("COIL_BEFORE"):
    runtimes.insert(1, ("before", os.environ["COIL_BEFORE"]))
if os.path.exists(BUN):
    runtimes.append(("bun", BUN))

cases = output([NODE, script, "list"]).split()
if filters:
    cases = [c for c in cases if any(f in c for f in filters)]

# No coil code runs in these: they measure the engine, not the core library.
V8_ALONE = {"json_roundtrip", "uint8array_new"}

ratios = []
lib_ratios = []
for case in cases:
    res = defaultdict(list)
    for _ in range(runs):
        for name, exe in runtimes:
            for ops in re.findall(r"case=\S+ ops=(\d+)", output([exe, script, case])):
                res[name].append(float(ops))
    med = {name: median(res[name]) for name, _ in runtimes}
    ratio = med["coil"] / med["node"]
    ratios.append(ratio)
    if case not in V8_ALONE:
        lib_ratios.append(ratio)
    others = " ".join(f"{name}={med[name]:.0f}" for name, _ in runtimes)
    tag = " v8-alone" if case in V8_ALONE else ""
    print(f"bench={case} {others} speedup={ratio:.2f}x{tag}", flush=True)

if ratios:
    geo = math.exp(sum(math.log(r) for r in ratios) / len(ratios))
    print(f"bench=geomean cases={len(ratios)} speedup={geo:.2f}x", flush=True)
if lib_ratios and len(lib_ratios) < len(ratios):
    geo = math.exp(sum(math.log(r) for r in lib_ratios) / len(lib_ratios))
    print(f"bench=geomean-lib cases={len(lib_ratios)} speedup={geo:.2f}x (without v8-alone)", flush=True)
