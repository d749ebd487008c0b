"""fs: bench/fs.js under every runtime side by side, alternating runs (coil and
bun back to back in each round), medians per case: (a) readFile of 10,000 4 KiB
files at 64/256/all-at-once concurrency, (b) stat of 10,000 files, (c) a 1 GiB
file through createReadStream, (d) 1,000 x 64 KiB writeFile + fsync, (e) 200,000
writes of 100 B through createWriteStream. Runtimes:
coil on io_uring and on epoll, node, and bun and deno when they are installed
from npm (bench/common.py `runtime`, the helper bench/net uses). Each runtime is
pinned to one core (BENCH_CORE), and each run first waits (up to 10 s) for that
core to run at 0.9 of its usual speed (bench/common.py CoreSpeed). Prints one
line per case and runtime, then the table for docs/benchmarks.md, which
`--write` puts there.
BENCH_CLOCK=cpu reports the CPU time of the timed part (process.cpuUsage: every
thread of the process, user + system) instead of wall time: the figure to compare
while other work loads the machine.
COIL_FLAGS (for example --min-semi-space-size=16) are passed to coil before the script.
Usage: [BENCH_CLOCK=cpu] [COIL_FLAGS=...] python3 bench/fs.py [RUNS] [CASE...] [--write]"""
import os
import re
import sys
from collections import defaultdict
from common import BUN, COIL, CORE, DENO, NODE, ROOT, CoreSpeed, output, median, runtime

DATA = os.environ.get("BENCH_FS_DIR", "/var/tmp/coil-bench-fs")
CPU = os.environ.get("BENCH_CLOCK") == "cpu"


def prepare(data=DATA):
    """DATA/small: 10,000 files of 4 KiB; DATA/big.bin: 1 GiB (made once, kept)."""
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
    return data


def runtimes():
    """[(name, argv prefix)]: coil on both drivers, node, and bun and deno when
    they install from npm and run."""
    flags = os.environ.get("COIL_FLAGS", "").split()
    runners = [("coil-uring", [COIL, *flags, "--backend=uring"]), ("bun", None),
               ("coil-epoll", [COIL, *flags, "--backend=epoll"]), ("node", [NODE]), ("deno", None)]
    bun, deno = runtime("bun", BUN), runtime("deno", DENO)
    runners = [(n, c) for n, c in runners if c is not None or (n == "bun" and bun) or (n == "deno" and deno)]
    return [(n, c if c else ([bun] if n == "bun" else [deno, "run", "-A", "--unstable-detect-cjs"]))
            for n, c in runners]


def main():
    args = [a for a in sys.argv[1:] if a != "--write"]
    # The table in docs/benchmarks.md is of wall times on a quiet machine.
    write = "--write" in sys.argv and not CPU
    runs = int(args[0]) if args else 5
    cases = args[1:] or ["readfile-64", "readfile-256", "readfile-all", "stat-all",
                         "readstream-1g", "writefile-fsync", "write-small"]
    data = prepare()
    script = os.path.join(ROOT, "bench/fs.js")
    runners = runtimes()
    res = {name: defaultdict(list) for name, _ in runners}
    # Each run waits (up to 10 s) for its core to run at 0.9 of its usual speed:
    # this VM's host slows a core by up to 2x at times (bench/common.py CoreSpeed).
    speed = CoreSpeed([CORE])
    for _ in range(runs):
        for case in cases:
            for name, cmd in runners:
                speed.wait(0.9, 10)
                out = output(cmd + [script, case, data])
                for label, ms, cpu in re.findall(r"case=(\S+) ms=([\d.]+)(?: cpu=([\d.]+))?", out):
                    if CPU and not cpu:
                        continue
                    res[name][label].append(float(cpu if CPU else ms))

    names = [n for n, _ in runners]
    labels = {
        "readfile-64": "readFile × 10,000 × 4 KiB, 64 in flight",
        "readfile-256": "readFile × 10,000 × 4 KiB, 256 in flight",
        "readfile-all": "readFile × 10,000 × 4 KiB, all at once",
        "stat-all": "stat × 10,000, all at once",
        "readstream-1g": "createReadStream of 1 GiB",
        "writefile-fsync": "1,000 × (open, writeFile 64 KiB, fsync, close)",
        "write-small": "createWriteStream, 200,000 writes of 100 B",
    }
    rows = []
    for case in cases:
        meds = {n: median(res[n][case]) for n in names if res[n][case]}
        for n, ms in meds.items():
            print(f"bench={case} runtime={n} {'cpu_ms' if CPU else 'ms'}={ms:.3f}", flush=True)
        best = min(meds.values())
        cells = [(f"**{meds[n]:.0f} ms**" if meds[n] == best else f"{meds[n]:.0f} ms") for n in names]
        rows.append(f"| {labels.get(case, case)} | " + " | ".join(cells) + " |")
    table = "\n".join([f"| case | {' | '.join(names)} |", "|---|" + "---|" * len(names)] + rows)
    print(table)
    if write:
        doc = os.path.join(ROOT, "docs/benchmarks.md")
        text = open(doc).read()
        start, end = "<!-- bench/fs.py table -->", "<!-- end bench/fs.py table -->"
        block = f"{start}\n{table}\n{end}"
        if start in text:
            text = text[:text.index(start)] + block + text[text.index(end) + len(end):]
        else:
            text = text.replace("## fs streams and Dir", block + "\n\n## fs streams and Dir", 1)
        open(doc, "w").write(text)


if __name__ == "__main__":
    main()
