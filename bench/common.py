"""Shared helpers for coil's benchmarks: run commands pinned to a core, take
medians, print one machine-readable line per result."""
import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
COIL = os.environ.get("COIL", os.path.join(ROOT, "target/release/coil"))
NODE = os.environ.get("NODE", "node")
CORE = os.environ.get("BENCH_CORE", "1")
# Where bun and deno are installed from npm, outside the repository.
RUNTIMES = os.environ.get("NET_RUNTIMES", "/tmp/coil-bench-runtimes")
BUN = [".bin/bun", "@oven/bun-linux-x64/bin/bun", "bun/bin/bun.exe"]
DENO = [".bin/deno", "@deno/linux-x64-glibc/deno", "deno/deno"]


def pinned(cmd):
    return ["taskset", "-c", CORE] + cmd


def wall(cmd, env=None):
    """Wall time of one run, in seconds (`env`: variables added to ours)."""
    full = None if env is None else {**os.environ, **env}
    t = time.perf_counter()
    subprocess.run(pinned(cmd), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, env=full)
    return time.perf_counter() - t


def output(cmd):
    return subprocess.run(pinned(cmd), capture_output=True, text=True, check=True).stdout


def median(xs):
    return statistics.median(xs)


def report(name, coil, node, unit):
    """coil and node medians; ratio > 1 means coil is faster (for times: node/coil)."""
    print(f"bench={name} coil={coil:.3f}{unit} node={node:.3f}{unit} speedup={node / coil:.2f}x", flush=True)


def works(binary):
    try:
        return subprocess.run([binary, "--version"], capture_output=True, timeout=30).returncode == 0
    except OSError:
        return False


def runtime(name, candidates):
    """A runtime from the npm registry, installed outside the repository."""
    paths = [os.path.join(RUNTIMES, "node_modules", c) for c in candidates]
    if not any(works(p) for p in paths):
        os.makedirs(RUNTIMES, exist_ok=True)
        pkg = os.path.join(RUNTIMES, "package.json")
        if not os.path.exists(pkg):
            with open(pkg, "w") as f:
                f.write('{"private": true}\n')
        print(f"# installing {name} from npm into {RUNTIMES}", file=sys.stderr, flush=True)
        subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--prefix", RUNTIMES, name],
                       stdout=subprocess.DEVNULL, check=False)
    for p in paths:
        if works(p):
            return p
    print(f"# {name}: not installed or does not run; left out", file=sys.stderr, flush=True)
    return None


class CoreSpeed:
    """How fast the benchmark's cores run right now, against how fast each usually
    runs (the median of its last 40 probes). This machine is a VM whose host slows
    a core down by up to 2x for seconds or minutes (a busy loop's rate was seen to
    swing between 2.8 and 5.2 M/s on an idle machine) without any run-queue wait
    to show it, so a round measured while a core dipped is as disturbed as one
    that waited for its core. A slowdown that lasts becomes the usual speed: then
    every server is measured under it, and ratios between them stay fair. `now()`
    is the slower core's rate over its usual one, at most 1.0."""

    def __init__(self, cores, probe_s=0.03):
        self.cores = sorted({int(c) for c in cores})
        self.probe_s = probe_s
        self.seen = {c: [] for c in self.cores}
        for _ in range(5):
            self.now()
            time.sleep(0.02)

    def rate(self, core):
        """Busy-loop turns per ms on `core` (this process moves there meanwhile)."""
        old = os.sched_getaffinity(0)
        os.sched_setaffinity(0, {core})
        try:
            n, t0 = 0, time.perf_counter()
            end = t0 + self.probe_s
            while time.perf_counter() < end:
                n += 1
            return n / ((time.perf_counter() - t0) * 1e3)
        finally:
            os.sched_setaffinity(0, old)

    def after(self, settle=0.3):
        """`now()` once a server has had `settle` seconds to finish what the last
        load left it (closing its connections), which would otherwise share its
        core with the probe."""
        time.sleep(settle)
        return self.now()

    def now(self):
        speeds = []
        for c in self.cores:
            r = self.rate(c)
            seen = self.seen[c]
            seen.append(r)
            del seen[:-40]
            speeds.append(min(1.0, r / median(seen)))
        return min(speeds)

    def wait(self, min_speed, seconds):
        """Waits up to `seconds` for both cores to run at min_speed or faster."""
        deadline = time.time() + seconds
        while time.time() < deadline and self.now() < min_speed:
            time.sleep(0.5)
