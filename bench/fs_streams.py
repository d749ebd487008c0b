"""fs streams and Dir: bench/fs_streams.js under coil and node, alternating runs,
medians per case. The files live on tmpfs (/dev/shm) when there is one: on a disk,
the writeback of the previous run's 256 MiB drowns the runtimes' difference."""
import os
import re
import shutil
import sys
import tempfile
from collections import defaultdict
from common import COIL, NODE, ROOT, output, median, report

runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
script = os.path.join(ROOT, "bench/fs_streams.js")
shm = "/dev/shm" if os.path.isdir("/dev/shm") else None
scratch = tempfile.mkdtemp(prefix="coil-bench-fs-", dir=shm)
try:
    with open(os.path.join(scratch, "big.bin"), "wb") as f:
        f.write(os.urandom(1 << 20) * 256)
    os.mkdir(os.path.join(scratch, "entries"))
    for i in range(10000):
        open(os.path.join(scratch, "entries", f"f{i}"), "w").close()
    res = {"coil": defaultdict(list), "node": defaultdict(list)}
    for _ in range(runs):
        for case in ("read64k", "read4k", "write", "writeSmall", "copy", "dir"):
            for name, exe in (("coil", COIL), ("node", NODE)):
                for label, ms in re.findall(r"case=(\S+) ms=([\d.]+)", output([exe, script, case, scratch])):
                    res[name][label].append(float(ms))
    for case in res["coil"]:
        report(case, median(res["coil"][case]), median(res["node"][case]), "ms")
finally:
    shutil.rmtree(scratch)
