"""bench/net: a TCP echo over loopback, every server in one run. Each server (the raw
io_uring one, coil on io_uring and on epoll, node, bun, deno) runs bench/net/echo.js
(raw: bench/net's own Rust server) pinned to core 0; the load generator (echo-load,
Rust over io_uring) runs pinned to core 1. For each cell (message size x connections)
every server is started fresh, the rounds alternate between servers, and the median
round counts; the server's peak RSS (VmHWM) is read at the end of the cell.

On a machine shared with other work, a round is disturbed when another process takes
the server's or the load generator's core. `noise` is the larger of the two shares of
the round each spent waiting for its core (run-queue time from schedstat); a round
noisier than NET_MAX_WAIT (0.05) is run again, up to NET_TRIES (4) times, each time
after waiting (up to NET_QUIET_WAIT, 15 s) for both cores to fall quiet; the least
disturbed attempt counts (`retried` says how many were dropped). A round also
counts as disturbed when either core ran below BENCH_MIN_SPEED (0.9) of its usual
speed just before or after it (`speed`, bench/common.py CoreSpeed: this VM's host
slows a core by up to 2x with no run-queue wait to show it). The load
generator runs under SCHED_FIFO (chrt -f 1) unless NET_LOAD_RT=0: it is one thread
of ours and the same for every server. The servers stay in the normal scheduling
class (under a real-time class a runtime's helper threads could not preempt its main
thread on the shared core, which would change what is measured).

Besides the rate, the load generator reads the server's CPU time (all its threads)
over the counted seconds: `msgs per CPU-s` is what a message costs the server, and
other work taking the server's core changes it far less than the rate. Where the
server uses its whole core (`server CPU` near 100%) the two agree; where it does not
(raw, usually), the rate is bounded by the load generator or the wake-ups between
the cores and msgs per CPU-s says what the server would do with a whole core.

Prints one line per server and cell ("bench=net-echo server=... msgs_per_s=..."), then
a Markdown table. Environment: NET_ROUNDS (3), NET_DURATION seconds per round (3),
NET_WARMUP seconds before counting (1), NET_QUICK=1 (1 round of 1 s), NET_SERVERS
(comma list, all by default), NET_CELLS ("64x50,64x1000,16384x50,16384x1000"),
NET_RUNTIMES (where bun and deno are installed from npm: /tmp/coil-bench-runtimes),
NET_PORT (first port, 19200)."""
import os
import signal
import socket
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
from common import COIL, NODE, CoreSpeed, median, runtime  # noqa: E402

SERVER_CORE = os.environ.get("NET_SERVER_CORE", "0")
LOAD_CORE = os.environ.get("NET_LOAD_CORE", "1")
QUICK = os.environ.get("NET_QUICK") == "1"
ROUNDS = int(os.environ.get("NET_ROUNDS", "1" if QUICK else "3"))
DURATION = float(os.environ.get("NET_DURATION", "1" if QUICK else "3"))
WARMUP = float(os.environ.get("NET_WARMUP", "0.3" if QUICK else "1"))
CELLS = [tuple(int(n) for n in c.split("x")) for c in
         os.environ.get("NET_CELLS", "64x50,64x1000,16384x50,16384x1000").split(",")]
PORT = int(os.environ.get("NET_PORT", "19200"))
LOAD_RT = [] if os.environ.get("NET_LOAD_RT") == "0" else ["chrt", "-f", "1"]
TRIES = int(os.environ.get("NET_TRIES", "4"))
MAX_WAIT = float(os.environ.get("NET_MAX_WAIT", "0.05"))
QUIET_WAIT = float(os.environ.get("NET_QUIET_WAIT", "15"))
# A round run while either core ran slower than this share of its usual speed
# (bench/common.py CoreSpeed) counts as disturbed, like one that waited for its core.
MIN_SPEED = float(os.environ.get("BENCH_MIN_SPEED", "0.9"))
_speed = []  # the CoreSpeed of SERVER_CORE and LOAD_CORE, made at first use


def core_speed():
    if not _speed:
        _speed.append(CoreSpeed([SERVER_CORE, LOAD_CORE]))
    return _speed[0]
TARGET = os.path.join(HERE, "target", "release")
ECHO_JS = os.path.join(HERE, "echo.js")


def build_native():
    """echo-raw and echo-load; offline first, as the crates are usually cached."""
    cmd = ["cargo", "build", "--release", "--quiet", "--manifest-path", os.path.join(HERE, "Cargo.toml")]
    if subprocess.run(cmd + ["--offline"], stderr=subprocess.DEVNULL).returncode != 0:
        subprocess.run(cmd, check=True)


def servers():
    """name -> (argv without the port, extra environment)."""
    out = {"raw": ([os.path.join(TARGET, "echo-raw")], {})}
    out["coil-uring"] = ([COIL, ECHO_JS], {"COIL_BACKEND": "uring"})
    out["coil-epoll"] = ([COIL, ECHO_JS], {"COIL_BACKEND": "epoll"})
    out["node"] = ([NODE, ECHO_JS], {})
    bun = runtime("bun", [".bin/bun", "@oven/bun-linux-x64/bin/bun", "bun/bin/bun.exe"])
    if bun:
        out["bun"] = ([bun, ECHO_JS], {})
    deno = runtime("deno", [".bin/deno", "@deno/linux-x64-glibc/deno", "deno/deno"])
    if deno:
        out["deno"] = ([deno, "run", "-A", ECHO_JS], {})
    wanted = os.environ.get("NET_SERVERS")
    if wanted:
        out = {k: v for k, v in out.items() if k in wanted.split(",")}
    return out


def peak_rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


def wait_listening(proc, port, name):
    deadline = time.time() + 20
    while time.time() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"{name} exited with {proc.returncode} before listening")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"{name} is not listening on {port}")


def start(name, argv, env, port):
    full_env = dict(os.environ, **env)
    err = open(f"/tmp/coil-bench-net-{name}.err", "w+")
    proc = subprocess.Popen(["taskset", "-c", SERVER_CORE] + argv + [str(port)], env=full_env,
                            stdout=subprocess.DEVNULL, stderr=err)
    proc.err = err
    wait_listening(proc, port, name)
    return proc


def stop(proc):
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def load(port, conns, size, server_pid):
    """One round: a dict of the loader's figures, or None if it failed."""
    cmd = LOAD_RT + ["taskset", "-c", LOAD_CORE, os.path.join(TARGET, "echo-load"), str(port), str(conns),
                     str(size), str(DURATION), str(WARMUP), str(server_pid)]
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=DURATION + WARMUP + 60)
    if r.returncode != 0:
        print(f"# echo-load failed: {r.stderr.strip()}", file=sys.stderr, flush=True)
        return None
    return {k: float(v) for k, v in (kv.split("=") for kv in r.stdout.split())}


def core_busy(core, seconds):
    """Share of the time a core was busy over `seconds` (/proc/stat)."""
    def sample():
        with open("/proc/stat") as f:
            for line in f:
                if line.startswith(f"cpu{core} "):
                    v = [int(x) for x in line.split()[1:]]
                    return sum(v) - v[3] - v[4], sum(v)
        return 0, 1
    b0, t0 = sample()
    time.sleep(seconds)
    b1, t1 = sample()
    return (b1 - b0) / max(t1 - t0, 1)


def wait_quiet():
    """Before a retry: wait (up to NET_QUIET_WAIT seconds) until both cores, idle
    between rounds, are at most 10% busy with other work, then (as long again at
    most) until both run at MIN_SPEED of their usual speed."""
    deadline = time.time() + QUIET_WAIT
    while time.time() < deadline:
        if max(core_busy(SERVER_CORE, 0.3), core_busy(LOAD_CORE, 0.3)) <= 0.10:
            break
    core_speed().wait(MIN_SPEED, QUIET_WAIT)


def judge(r, speed_before, max_wait):
    """Notes a round's core speed (the slower of its probes before and after) and
    its score (run-queue wait plus slowdown: the least disturbed attempt has the
    lowest); true when it was undisturbed: waited at most max_wait of the time for
    its cores, which ran at MIN_SPEED or better."""
    r["speed"] = min(speed_before, core_speed().after())
    r["score"] = r["noise"] + max(0.0, 1.0 - r["speed"])
    return r["noise"] <= max_wait and r["speed"] >= MIN_SPEED


def clean_round(name, proc, port, size, conns):
    """One round against a running server. A round in which the server or the load
    generator waited more than NET_MAX_WAIT of the time for its core (another process
    had it) is run again, up to NET_TRIES times; the least disturbed attempt counts."""
    best = None
    for attempt in range(TRIES):
        if proc.poll() is not None:
            return None
        if attempt > 0:
            wait_quiet()
        speed = core_speed().after()
        r = load(port, conns, size, proc.pid)
        if proc.poll() is not None:
            proc.err.seek(0)
            err = proc.err.read().strip()[-500:]
            print(f"# {name} died (exit {proc.returncode}): {err}", file=sys.stderr, flush=True)
            return None
        if not r:
            return None
        r["noise"] = max(r["server_wait_pct"], r["wait_pct"]) / 100
        r["retried"] = attempt
        clean = judge(r, speed, MAX_WAIT)
        if best is None or r["score"] < best["score"]:
            best = r
        if clean:
            break
    return best


def run_cell(all_servers, size, conns, first_port):
    """Starts every server, alternates rounds between them; name -> result. Each cell
    has its own ports: a ring torn down after its process exits can hold a listening
    socket a little longer."""
    procs, results = {}, {}
    for i, (name, (argv, env)) in enumerate(all_servers.items()):
        try:
            procs[name] = (start(name, argv, env, first_port + i), first_port + i)
        except RuntimeError as e:
            print(f"# {e}", file=sys.stderr, flush=True)
    rounds = {name: [] for name in procs}
    for _ in range(ROUNDS):
        for name, (proc, port) in procs.items():
            r = clean_round(name, proc, port, size, conns)
            if r:
                rounds[name].append(r)
    for name, (proc, _) in procs.items():
        alive = proc.poll() is None
        rss = peak_rss_mb(proc.pid) if alive else 0.0
        stop(proc)
        runs = rounds[name]
        if not runs:
            continue
        mid = sorted(runs, key=lambda r: r["msgs_per_s"])[len(runs) // 2]
        results[name] = dict(mid, msgs_per_s=median([r["msgs_per_s"] for r in runs]), rss_mb=rss,
                             msgs_per_cpu_s=median([r["msgs_per_cpu_s"] for r in runs]),
                             cpu=median([r["server_cpu"] for r in runs]),
                             noise=max(r["noise"] for r in runs), speed=min(r["speed"] for r in runs),
                             retried=sum(r["retried"] for r in runs), rounds=len(runs))
    return results


def fmt_rate(x):
    return f"{x / 1000:.1f}k"


def main():
    build_native()
    core_speed()
    all_servers = servers()
    print(f"# rounds={ROUNDS} duration={DURATION}s warmup={WARMUP}s tries={TRIES} max_wait={MAX_WAIT} "
          f"load_rt={bool(LOAD_RT)} servers={','.join(all_servers)}", file=sys.stderr, flush=True)
    table = []
    for c, (size, conns) in enumerate(CELLS):
        res = run_cell(all_servers, size, conns, PORT + c * len(all_servers))
        node, raw = res.get("node"), res.get("raw")

        def ratio(r, base, key):
            return r[key] / base[key] if base and base[key] else float("nan")
        for name, r in res.items():
            vs = [ratio(r, node, "msgs_per_s"), ratio(r, raw, "msgs_per_s"),
                  ratio(r, node, "msgs_per_cpu_s"), ratio(r, raw, "msgs_per_cpu_s")]
            print(f"bench=net-echo server={name} size={size} conns={conns} msgs_per_s={r['msgs_per_s']:.0f} "
                  f"mb_per_s={r['msgs_per_s'] * size / 1e6:.1f} p50_us={r['p50_us']:.0f} p99_us={r['p99_us']:.0f} "
                  f"active={r['active']:.0f} msgs_per_cpu_s={r['msgs_per_cpu_s']:.0f} server_cpu={r['cpu']:.2f} "
                  f"noise={r['noise']:.2f} speed={r['speed']:.2f} retried={r['retried']} rss_mb={r['rss_mb']:.1f} vs_node={vs[0]:.2f}x "
                  f"vs_raw={vs[1]:.2f}x cpu_vs_node={vs[2]:.2f}x cpu_vs_raw={vs[3]:.2f}x", flush=True)
            table.append((size, conns, name, r, vs))
    print()
    print("| size | conns | server | msgs/s | vs node | vs raw | msgs per CPU-s | vs node | vs raw "
          "| p50 / p99 µs | peak RSS | server CPU | noise | speed |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for size, conns, name, r, vs in table:
        print(f"| {size} B | {conns} | {name} | {fmt_rate(r['msgs_per_s'])} | {vs[0]:.2f}x | {vs[1]:.2f}x "
              f"| {fmt_rate(r['msgs_per_cpu_s'])} | {vs[2]:.2f}x | {vs[3]:.2f}x "
              f"| {r['p50_us']:.0f} / {r['p99_us']:.0f} | {r['rss_mb']:.1f} MB | {r['cpu'] * 100:.0f}% "
              f"| {r['noise'] * 100:.0f}% | {r['speed'] * 100:.0f}% |")


if __name__ == "__main__":
    main()
