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
