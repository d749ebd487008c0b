"""fs: bench/fs.js under coil and node, alternating runs, medians per case.
(a) readFile of 10,000 4 KiB files at 64/256/all-at-once concurrency, (b) stat of
10,000 files, (c) a 1 GiB file through createReadStream, (d) 1,000 x 64 KiB
writeFile + fsync. coil runs on both backends (io_uring, then epoll with its thread
pool) beside node. Usage: python3 bench/fs.py [RUNS] [CASE...]"""
import os
import re
import sys
from collections import defaultdict
from common import COIL, NODE, ROOT, output, median, report

runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
cases = sys.argv[2:] or ["readfile-64", "readfile-256", "readfile-all", "stat-all",
                         "readstream-1g", "writefile-fsync"]
data = os.environ.get("BENCH_FS_DIR", "/var/tmp/coil-bench-fs")
small = os.path.join(data, "small")
if not os.path.isdir(small) or len(os.listdir(small)) != 10000:
    os.makedirs(small, exist_ok=True)
    block = os.urandom(4096)
    for i in range(10000):
        with open(os.path.join(small, f"f{i:05}"), "wb") as f:
            f.write(block)
big = os.path.join(data, "big.bin")
if not os.path.exists(big) or os.path.getsize(big) != 1 << 30:
    with open(big, "wb") as f:
        chunk = os.urandom(1 << 20)
        for _ in range(1024):
            f.write(chunk)

script = os.path.join(ROOT, "bench/fs.js")
runners = (("coil", [COIL, "--backend=uring"]), ("coil_epoll", [COIL, "--backend=epoll"]),
           ("node", [NODE]))
res = {name: defaultdict(list) for name, _ in runners}
for _ in range(runs):
    for case in cases:
        for name, cmd in runners:
            for label, ms in re.findall(r"case=(\S+) ms=([\d.]+)", output(cmd + [script, case, data])):
                res[name][label].append(float(ms))
for case in res["coil"]:
    coil, epoll, node = (median(res[n][case]) for n, _ in runners)
    report(case, coil, node, "ms")
    print(f"bench={case} backend=epoll coil={epoll:.3f}ms node={node:.3f}ms "
          f"speedup={node / epoll:.2f}x", flush=True)
