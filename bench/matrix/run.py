"""bench/matrix: every runtime on every workload in one command (`make bench-matrix`),
for docs/reactor-vs-proactor.md. Runtimes: coil on io_uring, coil on epoll, node,
and bun and deno (installed from npm into /tmp/coil-bench-runtimes when missing, as
bench/net does; left out when they do not run). Workloads:

  http-ka50, http-ka500   HTTP hello, keep-alive, 50 / 500 connections (wrk)
  http-close50            HTTP hello, `Connection: close`, 50 connections
  echo-64, echo-16k       TCP echo, 64 B / 16 KiB messages, 50 connections (echo-load)
  readfile                fs.promises.readFile of 10,000 files of 4 KiB, 256 in flight
  stat                    fs.promises.stat of the same 10,000 files, 256 in flight
  copy                    a 1 GiB file copied by createReadStream().pipe(createWriteStream())

It reuses bench/http (wrk, noise), bench/net (servers, echo-load, runtimes) and
bench/fs.py (the data); the server (or the fs program) is pinned to core 0, the load
generator to core 1. Each cell is short: one warm-up second and one counted round
of MATRIX_DURATION (3) seconds, run again (up to MATRIX_TRIES, 2) when another
process took a core; the fs cells run MATRIX_FS_RUNS (3) times and keep the
median. The whole matrix takes about 5 minutes. For every cell it
records the rate, p99 latency, and the server's CPU time per operation (user+sys of
all its threads over the counted run, divided by the operations); coil runs with
--stats, and its syscalls per operation are recorded too (http: per request, as
coil counts them; fs: per file or per MiB, warm-up pass included).

Writes docs/bench/matrix.csv and the charts (bench/matrix/chart.py). A progress
line on stderr names each cell as it starts. Environment: MATRIX_RUNTIMES and
MATRIX_CELLS (comma lists; all by default), MATRIX_DURATION, MATRIX_TRIES, MATRIX_FS_RUNS,
MATRIX_OUT (docs/bench), BENCH_FS_DIR (/var/tmp/coil-bench-fs)."""
import csv
import importlib.util
import os
import re
import subprocess
import sys
import time

sys.dont_write_bytecode = True  # no __pycache__ left in the checkout
HERE = os.path.dirname(os.path.abspath(__file__))
BENCH = os.path.dirname(HERE)
sys.path.insert(0, BENCH)
from common import BUN, COIL, DENO, NODE, ROOT, runtime  # noqa: E402


def load(name, path):
    spec = importlib.util.spec_from_file_location(name, os.path.join(BENCH, path))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


net = load("net_run", "net/run.py")
http = load("http_run", "http/run.py")
fsb = load("bench_fs", "fs.py")
sys.path.insert(0, HERE)
import chart  # noqa: E402  (bench/matrix/chart.py)

DURATION = int(os.environ.get("MATRIX_DURATION", "3"))
TRIES = int(os.environ.get("MATRIX_TRIES", "2"))
FS_RUNS = int(os.environ.get("MATRIX_FS_RUNS", "3"))
OUT = os.environ.get("MATRIX_OUT", os.path.join(ROOT, "docs", "bench"))
# Short cells: one round each, bench/http's and bench/net's settings otherwise.
http.ROUNDS, http.DURATION, http.WARMUP, http.TRIES = 1, DURATION, 1, TRIES
net.ROUNDS, net.DURATION, net.WARMUP, net.TRIES = 1, DURATION, 1, TRIES
http.QUIET_WAIT = net.QUIET_WAIT = 5
SERVER_CORE = net.SERVER_CORE

HELLO_JS = os.path.join(HERE, "hello.js")
ECHO_JS = os.path.join(BENCH, "net", "echo.js")
FS_JS = os.path.join(HERE, "fs.js")
CELLS = [
    ("http-ka50", "http", (50, [])),
    ("http-ka500", "http", (500, [])),
    ("http-close50", "http", (50, ["-H", "Connection: close"])),
    ("echo-64", "echo", (64, 50)),
    ("echo-16k", "echo", (16384, 50)),
    ("readfile", "fs", "readfile"),
    ("stat", "fs", "stat"),
    ("copy", "fs", "copy"),
]
UNITS = {"http": "req/s", "echo": "msg/s", "readfile": "files/s", "stat": "stats/s", "copy": "MiB/s"}
PORT = 19500


def runtimes():
    """name -> argv prefix (the program and its arguments follow) and environment."""
    out = {
        "coil-uring": ([COIL, "--stats"], {"COIL_BACKEND": "uring"}),
        "coil-epoll": ([COIL, "--stats"], {"COIL_BACKEND": "epoll"}),
        "node": ([NODE], {}),
    }
    bun = runtime("bun", BUN)
    if bun:
        out["bun"] = ([bun], {})
    deno = runtime("deno", DENO)
    if deno:
        out["deno"] = ([deno, "run", "-A", "--unstable-detect-cjs"], {})
    wanted = os.environ.get("MATRIX_RUNTIMES")
    return {k: v for k, v in out.items() if not wanted or k in wanted.split(",")}


def coil_stats(text):
    """The figures of coil's --stats lines (last value of each key)."""
    return {k: float(v) for k, v in re.findall(r"(\w+)=([\d.]+)(?=\s|$)", "\n".join(
        line for line in text.splitlines() if line.startswith("coil stats:")))}


def server_cell(name, argv, env, kind, params, port):
    """One http or echo cell against a fresh server: a row of figures, or None."""
    script = HELLO_JS if kind == "http" else ECHO_JS
    try:
        proc = net.start(name, argv + [script], env, port)
    except RuntimeError as e:
        print(f"# {e}", file=sys.stderr, flush=True)
        return None
    if kind == "http":
        conns, header = params
        r = http.clean_round(name, proc, port, conns, header)
    else:
        size, conns = params
        r = net.clean_round(name, proc, port, size, conns)
    net.stop(proc)
    proc.err.seek(0)
    stats = coil_stats(proc.err.read())
    if not r:
        return None
    if kind == "http":
        row = {"rate": r["req_per_s"], "p99_us": r["p99_us"], "cpu_us_per_op": r["cpu_us_per_req"],
               "errors": r["errors"], "noise": r["noise"]}
    else:
        row = {"rate": r["msgs_per_s"], "p99_us": r["p99_us"], "cpu_us_per_op": 1e6 / r["msgs_per_cpu_s"],
               "errors": 0, "noise": r["noise"]}
    row["syscalls_per_op"] = stats.get("syscalls_per_request", "")
    return row


def warm_source(data):
    """Reads the copy's 1 GiB source through the page cache, so that every runtime
    copies from cache: the copy has no warm-up pass of its own, and without this the
    first runtime of the cell read part of the file from disk (io_uring, run first,
    came out 0.77x epoll in the matrix and 1.05x when run alone)."""
    with open(os.path.join(data, "big.bin"), "rb") as f:
        while f.read(1 << 20):
            pass


def fs_cell(argv, env, case, data):
    """One fs cell: the program pinned to the server's core."""
    if case == "copy":
        warm_source(data)
    cmd = ["taskset", "-c", SERVER_CORE] + argv + [FS_JS, case, data]
    r = subprocess.run(cmd, capture_output=True, text=True, env=dict(os.environ, **env), timeout=300)
    m = re.search(r"ops=(\d+) ms=([\d.]+) p99_us=(\S+) cpu_us=(\d+)", r.stdout)
    if r.returncode != 0 or not m:
        print(f"# {case} failed: {r.stderr.strip()[-300:]}", file=sys.stderr, flush=True)
        return None
    ops, ms, p99, cpu_us = int(m.group(1)), float(m.group(2)), float(m.group(3)), int(m.group(4))
    stats = coil_stats(r.stderr)
    if case == "copy":  # one 1 GiB operation: counted per MiB
        ops = 1024
    # The warm-up pass made the same syscalls again (not for the copy).
    passes = 1 if case == "copy" else 2
    sys_per_op = stats["syscalls"] / (ops * passes) if "syscalls" in stats else ""
    return {"rate": ops / (ms / 1000), "p99_us": p99, "cpu_us_per_op": cpu_us / ops, "errors": 0,
            "noise": "", "syscalls_per_op": sys_per_op}


def fs_median(argv, env, case, data):
    """An fs cell run FS_RUNS times, the run of median rate: one 1 GiB copy swung
    by ±10% from run to run (0.81x to 1.12x epoll in single runs), more than the
    two models differ by."""
    runs = [r for r in (fs_cell(argv, env, case, data) for _ in range(FS_RUNS)) if r]
    if not runs:
        return None
    return sorted(runs, key=lambda r: r["rate"])[len(runs) // 2]


def fmt(v):
    """A CSV cell: whole numbers from 1000 up, four significant digits below."""
    if not isinstance(v, float) or v != v:
        return v
    return f"{v:.0f}" if abs(v) >= 1000 else f"{v:.4g}"


def main():
    t0 = time.time()
    http.build_native()
    net.build_native()
    data = fsb.prepare()
    rts = runtimes()
    wanted = os.environ.get("MATRIX_CELLS")
    cells = [c for c in CELLS if not wanted or c[0] in wanted.split(",")]
    total = len(cells) * len(rts)
    rows, n = [], 0
    for ci, (cell, kind, params) in enumerate(cells):
        for ri, (name, (argv, env)) in enumerate(rts.items()):
            n += 1
            print(f"[{n}/{total} {time.time() - t0:5.0f}s] {cell} · {name}", file=sys.stderr, flush=True)
            if kind == "fs":
                row = fs_median(argv, env, params, data)
            else:
                row = server_cell(name, argv, env, kind, params, PORT + ci * len(rts) + ri)
            if row is None:
                continue
            row = dict(workload=cell, runtime=name, unit=UNITS[params if kind == "fs" else kind], **row)
            rows.append(row)
            print(f"bench=matrix workload={cell} runtime={name} rate={row['rate']:.0f} unit={row['unit']} "
                  f"p99_us={row['p99_us']:.0f} cpu_us_per_op={row['cpu_us_per_op']:.2f} "
                  f"syscalls_per_op={row['syscalls_per_op'] if row['syscalls_per_op'] == '' else round(row['syscalls_per_op'], 3)} "
                  f"noise={row['noise'] if row['noise'] == '' else round(row['noise'], 2)}", flush=True)
    os.makedirs(OUT, exist_ok=True)
    path = os.path.join(OUT, "matrix.csv")
    fields = ["workload", "runtime", "rate", "unit", "p99_us", "cpu_us_per_op", "syscalls_per_op", "errors", "noise"]
    with open(path, "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=fields)
        w.writeheader()
        for r in rows:
            w.writerow({k: fmt(v) for k, v in r.items()})
    written = chart.draw(path, OUT)
    print(f"# {len(rows)} cells in {time.time() - t0:.0f} s: {path} {' '.join(written)}", file=sys.stderr, flush=True)


if __name__ == "__main__":
    main()
