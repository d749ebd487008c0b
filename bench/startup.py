"""startup: wall time of `coil -e 0` vs `node -e 0`, alternating runs, medians."""
import sys
from common import COIL, NODE, wall, median, report

runs = int(sys.argv[1]) if len(sys.argv) > 1 else 40
coil, node = [], []
for _ in range(3):  # warm the page cache
    wall([COIL, "-e", "0"]); wall([NODE, "-e", "0"])
for _ in range(runs):
    coil.append(wall([COIL, "-e", "0"]) * 1000)
    node.append(wall([NODE, "-e", "0"]) * 1000)
report("startup", median(coil), median(node), "ms")
