"""zlib: gzip (level 6) of 100 MiB of text and gunzip of it, as a stream and as one
Sync call (bench/zlib.js), coil and node alternating, medians per case. The text
(words drawn from a fixed list by a seeded generator, in lines) is made once on
tmpfs when there is one."""
import os
import random
import re
import shutil
import sys
import tempfile
from collections import defaultdict
from common import COIL, NODE, ROOT, output, median, report

runs = int(sys.argv[1]) if len(sys.argv) > 1 else 3
size = int(os.environ.get("ZLIB_BENCH_MIB", "100")) << 20
script = os.path.join(ROOT, "bench/zlib.js")
shm = "/dev/shm" if os.path.isdir("/dev/shm") else None
scratch = tempfile.mkdtemp(prefix="coil-bench-zlib-", dir=shm)
try:
    rng = random.Random(42)
    words = ["".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(2, 10)))
             for _ in range(5000)]
    block = "\n".join(" ".join(rng.choice(words) for _ in range(rng.randint(4, 16)))
                      for _ in range(20000)).encode()
    path = os.path.join(scratch, "text.txt")
    with open(path, "wb") as f:
        written = 0
        while written < size:
            # Each block once more with its lines in another order: text that
            # repeats, but not at a fixed distance.
            lines = block.split(b"\n")
            rng.shuffle(lines)
            chunk = b"\n".join(lines)[: size - written]
            f.write(chunk)
            written += len(chunk)
    res = {"coil": defaultdict(list), "node": defaultdict(list)}
    for _ in range(runs):
        for mode in ("stream", "sync"):
            for name, exe in (("coil", COIL), ("node", NODE)):
                for label, ms in re.findall(r"case=(\S+) ms=([\d.]+)", output([exe, script, mode, path])):
                    res[name][label].append(float(ms))
    for case in res["coil"]:
        report(case, median(res["coil"][case]), median(res["node"][case]), "ms")
finally:
    shutil.rmtree(scratch)
