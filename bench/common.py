"""Shared helpers for coil's benchmarks: run commands pinned to a core, take
medians, print one machine-readable line per result."""
import os
import statistics
import subprocess
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
COIL = os.environ.get("COIL", os.path.join(ROOT, "target/release/coil"))
NODE = os.environ.get("NODE", "node")
CORE = os.environ.get("BENCH_CORE", "1")


def pinned(cmd):
    return ["taskset", "-c", CORE] + cmd


def wall(cmd):
    """Wall time of one run, in seconds."""
    t = time.perf_counter()
    subprocess.run(pinned(cmd), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - t


def output(cmd):
    return subprocess.run(pinned(cmd), capture_output=True, text=True, check=True).stdout


def median(xs):
    return statistics.median(xs)


def report(name, coil, node, unit):
    """coil and node medians; ratio > 1 means coil is faster (for times: node/coil)."""
    print(f"bench={name} coil={coil:.3f}{unit} node={node:.3f}{unit} speedup={node / coil:.2f}x", flush=True)
