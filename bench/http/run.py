"""bench/http: an HTTP hello over loopback under wrk, every server in one run. Each
server (the raw io_uring responder, coil on io_uring and on epoll, node, bun, deno)
runs bench/http/hello.js (raw: bench/http's own Rust responder, which sends the
same 172 bytes node's http does for hello.js: Date, Connection, Keep-Alive, a
chunked body; `raw-min`, named in HTTP_SERVERS, is its older 69-byte answer) pinned to core 0;
wrk (`-t1`, `--latency`) runs pinned to core 1. The cells: keep-alive at 50 and 500
connections, and `Connection: close` at 50 (a new connection per request). For each
cell every server is started fresh, the rounds alternate between servers (each
round: a short wrk warm-up, then the counted wrk run), and the median round counts;
the server's peak RSS (VmHWM) is read at the end of the cell.

Noise as in bench/net: `noise` is the larger of the shares of the counted run that
the server's main thread and wrk's threads spent waiting for their core (run-queue
time from /proc/.../schedstat); a round noisier than HTTP_MAX_WAIT (0.05) is run
again, up to HTTP_TRIES (3) times, after waiting (up to HTTP_QUIET_WAIT, 10 s) for
both cores to fall quiet; the least disturbed attempt counts. A round also counts
as disturbed when either core ran below BENCH_MIN_SPEED (0.9) of its usual speed
just before or after it (`speed`, bench/common.py CoreSpeed: this VM's host slows
a core by up to 2x with no run-queue wait to show it). wrk runs under
SCHED_FIFO (chrt -f 1) unless HTTP_LOAD_RT=0; the servers stay in the normal class.

The `Connection: close` cell is not steady: the server closes first, so every
request leaves a TIME-WAIT socket on the server's side, the client's ephemeral
ports (28k) come round again within seconds, and new connections land on 4-tuples
still in TIME-WAIT; how many such sockets earlier rounds left (`time_wait`, the
machine's count before the counted run) moves its figures by 2x between runs.

Besides wrk's requests/s and p99, the server's CPU time (all its threads, from
schedstat) over the counted run gives `µs CPU per request` and requests per
server CPU-second, which other work taking the server's core disturbs far less
than the rate.

Prints one line per server and cell ("bench=http-hello server=... req_per_s=..."),
then a Markdown table. Environment: HTTP_ROUNDS (3), HTTP_DURATION seconds per
counted run (3), HTTP_WARMUP (1; whole seconds, as wrk takes), HTTP_QUICK=1 (1 round of
2 s),
HTTP_SERVERS (comma list, all but raw-min by default), HTTP_CELLS ("ka50,ka500,close50"),
NET_RUNTIMES (where bun and deno are installed from npm: /tmp/coil-bench-runtimes),
HTTP_PORT (first port, 19300)."""
import importlib.util
import os
import re
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
from common import COIL, NODE, median  # noqa: E402

# bench/net's runner: runtimes from npm, starting, stopping and watching servers.
_spec = importlib.util.spec_from_file_location("net_run", os.path.join(os.path.dirname(HERE), "net", "run.py"))
net = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(net)

SERVER_CORE = os.environ.get("HTTP_SERVER_CORE", "0")
LOAD_CORE = os.environ.get("HTTP_LOAD_CORE", "1")
QUICK = os.environ.get("HTTP_QUICK") == "1"
ROUNDS = int(os.environ.get("HTTP_ROUNDS", "1" if QUICK else "3"))
DURATION = int(os.environ.get("HTTP_DURATION", "2" if QUICK else "3"))
WARMUP = int(os.environ.get("HTTP_WARMUP", "1"))
CELLS = os.environ.get("HTTP_CELLS", "ka50,ka500,close50").split(",")
PORT = int(os.environ.get("HTTP_PORT", "19300"))
LOAD_RT = [] if os.environ.get("HTTP_LOAD_RT") == "0" else ["chrt", "-f", "1"]
TRIES = int(os.environ.get("HTTP_TRIES", "3"))
MAX_WAIT = float(os.environ.get("HTTP_MAX_WAIT", "0.05"))
QUIET_WAIT = float(os.environ.get("HTTP_QUIET_WAIT", "10"))
TARGET = os.path.join(HERE, "target", "release")
# bench/https sets "https" (wrk then speaks TLS to the same kind of hello server).
SCHEME = "http"
HELLO_JS = os.path.join(HERE, "hello.js")
net.SERVER_CORE, net.LOAD_CORE, net.QUIET_WAIT = SERVER_CORE, LOAD_CORE, QUIET_WAIT


def build_native():
    """http-raw; offline first, as the crates are usually cached."""
    cmd = ["cargo", "build", "--release", "--quiet", "--manifest-path", os.path.join(HERE, "Cargo.toml")]
    if subprocess.run(cmd + ["--offline"], stderr=subprocess.DEVNULL).returncode != 0:
        subprocess.run(cmd, check=True)


def servers():
    """name -> (argv without the port, extra environment)."""
    raw = os.path.join(TARGET, "http-raw")
    out = {"raw": ([raw], {})}
    # raw-min: the answer sessions 4-15 measured raw with (69 bytes, Content-Length,
    # no Date/Connection/Keep-Alive); only when HTTP_SERVERS names it.
    out["raw-min"] = ([raw, "--minimal"], {})
    out["coil-uring"] = ([COIL, HELLO_JS], {"COIL_BACKEND": "uring"})
    out["coil-epoll"] = ([COIL, HELLO_JS], {"COIL_BACKEND": "epoll"})
    out["node"] = ([NODE, HELLO_JS], {})
    bun = net.runtime("bun", [".bin/bun", "@oven/bun-linux-x64/bin/bun", "bun/bin/bun.exe"])
    if bun:
        out["bun"] = ([bun, HELLO_JS], {})
    deno = net.runtime("deno", [".bin/deno", "@deno/linux-x64-glibc/deno", "deno/deno"])
    if deno:
        out["deno"] = ([deno, "run", "-A", HELLO_JS], {})
    wanted = os.environ.get("HTTP_SERVERS")
    if wanted:
        out = {k: v for k, v in out.items() if k in wanted.split(",")}
    else:
        del out["raw-min"]
    return out


def cell_params(cell):
    """'ka50' -> (50 connections, no extra header); 'close50' -> Connection: close."""
    m = re.fullmatch(r"(ka|close)(\d+)", cell)
    if not m:
        raise SystemExit(f"bad cell {cell!r}: ka<N> or close<N>")
    return int(m.group(2)), (["-H", "Connection: close"] if m.group(1) == "close" else [])


def schedstat(pid, tasks=True):
    """(ns on CPU, ns waiting for a CPU) summed over the process's threads (or of
    its main thread only); None once it is gone."""
    paths = ([f"/proc/{pid}/task/{t}/schedstat" for t in os.listdir(f"/proc/{pid}/task")]
             if tasks else [f"/proc/{pid}/schedstat"])
    run = wait = 0
    for p in paths:
        try:
            with open(p) as f:
                v = f.read().split()
            run, wait = run + int(v[0]), wait + int(v[1])
        except (OSError, IndexError):
            pass
    return run, wait


def time_wait_sockets():
    """TCP sockets in TIME-WAIT on the machine (/proc/net/tcp, state 06): in the
    Connection: close cell the server closes first, so each request leaves one, and
    the 28k-port ephemeral range cycles within seconds at these rates."""
    n = 0
    for path in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            with open(path) as f:
                n += sum(1 for line in f if line.split()[3:4] == ["06"])
        except OSError:
            pass
    return n


def wrk(port, conns, header, seconds, server_pid=None):
    """One wrk run; with server_pid, a dict of its figures and the server's."""
    cmd = LOAD_RT + ["taskset", "-c", LOAD_CORE, "wrk", "-t1", f"-c{conns}", f"-d{seconds}s", "--latency",
                     "--timeout", "5s"] + header + [f"{SCHEME}://127.0.0.1:{port}/"]
    if server_pid is None:
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=seconds + 60)
        return None
    tw = time_wait_sockets()
    s_run0, _ = schedstat(server_pid)
    _, s_wait0 = schedstat(server_pid, tasks=False)
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    # wrk's own wait for its core: the last reading before it exits (every 0.1 s).
    first = last = None
    while proc.poll() is None:
        try:
            r = schedstat(proc.pid)
            first = first or r
            last = r
        except OSError:
            pass
        time.sleep(0.1)
    wall = time.perf_counter() - t0
    s_run1, _ = schedstat(server_pid)
    _, s_wait1 = schedstat(server_pid, tasks=False)
    out, err = proc.communicate()
    m = re.search(r"Requests/sec:\s+([\d.]+)", out)
    n = re.search(r"(\d+) requests in ([\d.]+)(\w+)", out)
    if proc.returncode != 0 or not m or not n:
        print(f"# wrk failed: {err.strip()} {out.strip()[-300:]}", file=sys.stderr, flush=True)
        return None
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)\b", out)
    p99_us = float(p99.group(1)) * {"us": 1, "ms": 1e3, "s": 1e6}[p99.group(2)] if p99 else float("nan")
    errs = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    requests = int(n.group(1))
    cpu_s = (s_run1 - s_run0) / 1e9
    wrk_wait = (last[1] - first[1]) / 1e9 / max(wall, 1e-9) if first and last else 0.0
    return {
        "req_per_s": float(m.group(1)), "p99_us": p99_us, "requests": requests,
        "errors": (sum(int(x) for x in errs.groups()) if errs else 0) + (int(non2xx.group(1)) if non2xx else 0),
        "server_cpu": cpu_s / wall, "cpu_us_per_req": cpu_s * 1e6 / max(requests, 1),
        "req_per_cpu_s": requests / cpu_s if cpu_s > 0 else float("nan"),
        "noise": max((s_wait1 - s_wait0) / 1e9 / wall, wrk_wait), "time_wait": tw,
    }


def clean_round(name, proc, port, conns, header):
    """One round (warm-up, then the counted run) against a running server; rounds
    noisier than HTTP_MAX_WAIT are run again, the least disturbed attempt counts."""
    best = None
    for attempt in range(TRIES):
        if proc.poll() is not None:
            return None
        if attempt > 0:
            net.wait_quiet()
        if WARMUP > 0:
            wrk(port, conns, header, WARMUP)
        speed = net.core_speed().after()
        r = wrk(port, conns, header, DURATION, proc.pid)
        if proc.poll() is not None:
            proc.err.seek(0)
            err = proc.err.read().strip()[-500:]
            print(f"# {name} died (exit {proc.returncode}): {err}", file=sys.stderr, flush=True)
            return None
        if not r:
            return None
        r["retried"] = attempt
        clean = net.judge(r, speed, MAX_WAIT)
        if best is None or r["score"] < best["score"]:
            best = r
        if clean:
            break
    return best


def run_cell(all_servers, conns, header, first_port):
    """Starts every server, alternates rounds between them; name -> result."""
    procs, results = {}, {}
    for i, (name, (argv, env)) in enumerate(all_servers.items()):
        try:
            procs[name] = (net.start(name, argv, env, first_port + i), first_port + i)
        except RuntimeError as e:
            print(f"# {e}", file=sys.stderr, flush=True)
    rounds = {name: [] for name in procs}
    for _ in range(ROUNDS):
        for name, (proc, port) in procs.items():
            r = clean_round(name, proc, port, conns, header)
            if r:
                rounds[name].append(r)
    for name, (proc, _) in procs.items():
        rss = net.peak_rss_mb(proc.pid) if proc.poll() is None else 0.0
        net.stop(proc)
        runs = rounds[name]
        if not runs:
            continue
        results[name] = {
            "req_per_s": median([r["req_per_s"] for r in runs]),
            "p99_us": median([r["p99_us"] for r in runs]),
            "cpu_us_per_req": median([r["cpu_us_per_req"] for r in runs]),
            "req_per_cpu_s": median([r["req_per_cpu_s"] for r in runs]),
            "server_cpu": median([r["server_cpu"] for r in runs]),
            "errors": sum(r["errors"] for r in runs),
            "noise": max(r["noise"] for r in runs),
            "speed": min(r["speed"] for r in runs),
            "retried": sum(r["retried"] for r in runs),
            "rss_mb": rss,
            "time_wait": max(r["time_wait"] for r in runs),
        }
    return results


def main():
    build_native()
    net.core_speed()
    all_servers = servers()
    print(f"# rounds={ROUNDS} duration={DURATION}s warmup={WARMUP}s tries={TRIES} max_wait={MAX_WAIT} "
          f"load_rt={bool(LOAD_RT)} servers={','.join(all_servers)}", file=sys.stderr, flush=True)
    table = []
    for c, cell in enumerate(CELLS):
        conns, header = cell_params(cell)
        res = run_cell(all_servers, conns, header, PORT + c * len(all_servers))
        node, raw = res.get("node"), res.get("raw")

        def ratio(r, base, key):
            return r[key] / base[key] if base and base[key] else float("nan")
        for name, r in res.items():
            vs = [ratio(r, node, "req_per_s"), ratio(r, raw, "req_per_s"),
                  ratio(r, node, "req_per_cpu_s"), ratio(r, raw, "req_per_cpu_s")]
            print(f"bench=http-hello server={name} cell={cell} req_per_s={r['req_per_s']:.0f} "
                  f"p99_us={r['p99_us']:.0f} cpu_us_per_req={r['cpu_us_per_req']:.2f} "
                  f"req_per_cpu_s={r['req_per_cpu_s']:.0f} server_cpu={r['server_cpu']:.2f} "
                  f"errors={r['errors']} noise={r['noise']:.2f} speed={r['speed']:.2f} retried={r['retried']} time_wait={r['time_wait']} "
                  f"rss_mb={r['rss_mb']:.1f} "
                  f"vs_node={vs[0]:.2f}x vs_raw={vs[1]:.2f}x cpu_vs_node={vs[2]:.2f}x cpu_vs_raw={vs[3]:.2f}x",
                  flush=True)
            table.append((cell, name, r, vs))
    print()
    print("| cell | server | req/s | vs node | vs raw | p99 | µs CPU / req | req per CPU-s vs node | vs raw "
          "| peak RSS | server CPU | errors | noise | speed |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for cell, name, r, vs in table:
        print(f"| {cell} | {name} | {r['req_per_s'] / 1000:.1f}k | {vs[0]:.2f}x | {vs[1]:.2f}x "
              f"| {r['p99_us'] / 1000:.2f} ms | {r['cpu_us_per_req']:.2f} | {vs[2]:.2f}x | {vs[3]:.2f}x "
              f"| {r['rss_mb']:.1f} MB | {r['server_cpu'] * 100:.0f}% | {r['errors']} | {r['noise'] * 100:.0f}% "
              f"| {r['speed'] * 100:.0f}% |")


if __name__ == "__main__":
    main()
