"""bench/cluster: bench/http's hello served by 2 cluster workers, in each of the
ways the workers share the port (coil: rr, none, reuseport; node: rr, none), under
wrk as a third process. Reports requests/s and how the connections (and the
requests) were shared between the two workers.

Pinning: with 2 cores there is no core to spare for each party, so none is
pinned to one core: the primary, its 2 workers and wrk (`-t1`, in the normal
scheduling class, not SCHED_FIFO) all run on cores 0 and 1 (taskset -c 0,1) and
the kernel shares them. wrk's own thread thus takes CPU from the workers, and in
rr mode so does the primary, which accepts every connection: that is part of
what is measured. The figures are for comparing the modes on one machine, not
for absolute throughput.

The cells: keep-alive at 50 connections (`ka50`: 50 connections opened at the
start, then reused — the share is of those 50), and `Connection: close` at 50
(`close50`: a new connection per request, so accepting is the work and the
share covers thousands of connections). For each cell every server is started
fresh and the rounds alternate between the servers (each round: a warm-up, then
the counted run); the median round's requests/s is reported, with the workers'
shares summed over the counted runs (a snapshot of each worker's counts, asked
of the primary with SIGUSR2, before and after each counted run).

Helpers (wrk, schedstat, cells, starting and stopping servers) are bench/http's
and bench/net's. Environment: CLUSTER_ROUNDS (3), CLUSTER_DURATION seconds per
counted run (5), CLUSTER_WARMUP (1), CLUSTER_QUICK=1 (1 round of 2 s),
CLUSTER_SERVERS (comma list of coil-rr,coil-none,coil-reuseport,node-rr,node-none),
CLUSTER_CELLS ("ka50,close50"), CLUSTER_CORES ("0,1"), CLUSTER_PORT (19400)."""
import importlib.util
import json
import os
import signal
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
from common import COIL, NODE, median  # noqa: E402

# bench/http's runner (which loads bench/net's): wrk, schedstat, cells, start/stop.
_spec = importlib.util.spec_from_file_location("http_run", os.path.join(os.path.dirname(HERE), "http", "run.py"))
http = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(http)
net = http.net

CORES = os.environ.get("CLUSTER_CORES", "0,1")
QUICK = os.environ.get("CLUSTER_QUICK") == "1"
ROUNDS = int(os.environ.get("CLUSTER_ROUNDS", "1" if QUICK else "3"))
DURATION = int(os.environ.get("CLUSTER_DURATION", "2" if QUICK else "5"))
WARMUP = int(os.environ.get("CLUSTER_WARMUP", "1"))
CELLS = os.environ.get("CLUSTER_CELLS", "ka50,close50").split(",")
PORT = int(os.environ.get("CLUSTER_PORT", "19400"))
HELLO_JS = os.path.join(HERE, "hello.js")
STATS_DIR = "/tmp/coil-bench-cluster"

# Everything on all the cores (see above): the servers through net.start, wrk
# through http.wrk, which read these module globals.
net.SERVER_CORE = CORES
http.LOAD_CORE = CORES
http.LOAD_RT = []


def servers():
    """name -> (argv without the port, extra environment)."""
    out = {}
    for mode in ("rr", "none", "reuseport"):
        out[f"coil-{mode}"] = ([COIL, HELLO_JS, mode], {"COIL_BACKEND": "uring"})
    for mode in ("rr", "none"):
        out[f"node-{mode}"] = ([NODE, HELLO_JS, mode], {})
    wanted = os.environ.get("CLUSTER_SERVERS")
    if wanted:
        out = {k: v for k, v in out.items() if k in wanted.split(",")}
    return out


def stats(proc, path):
    """{worker id: (connections, requests)} of the listening workers, asked of the
    primary; None if it does not answer within 5 s."""
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass
    proc.send_signal(signal.SIGUSR2)
    deadline = time.time() + 5
    while time.time() < deadline:
        try:
            with open(path) as f:
                return {k: tuple(v) for k, v in json.load(f).items()}
        except FileNotFoundError:
            time.sleep(0.02)
    return None


def start(name, argv, env, port):
    """The cluster, once both workers listen (the port answers when one does)."""
    path = os.path.join(STATS_DIR, f"{name}.json")
    proc = net.start(name, argv, dict(env, STATS_FILE=path), port)
    deadline = time.time() + 20
    while time.time() < deadline:
        s = stats(proc, path)
        if s is not None and len(s) == 2:
            return proc, path
        time.sleep(0.1)
    net.stop(proc)
    raise RuntimeError(f"{name}: its 2 workers did not both listen")


def cpu_ns(pids):
    return sum(http.schedstat(p)[0] for p in pids if os.path.isdir(f"/proc/{p}"))


def worker_pids(pid):
    out = []
    for t in os.listdir(f"/proc/{pid}/task"):
        with open(f"/proc/{pid}/task/{t}/children") as f:
            out += [int(x) for x in f.read().split()]
    return out


def one_round(proc, path, port, conns, header):
    if WARMUP > 0:
        http.wrk(port, conns, header, WARMUP)
    before = stats(proc, path)
    pids = [proc.pid] + worker_pids(proc.pid)
    c0, t0 = cpu_ns(pids), time.perf_counter()
    r = http.wrk(port, conns, header, DURATION, proc.pid)
    c1, wall = cpu_ns(pids), time.perf_counter() - t0
    after = stats(proc, path)
    if not r or before is None or after is None or proc.poll() is not None:
        return None
    r["delta"] = {k: (after[k][0] - before.get(k, (0, 0))[0], after[k][1] - before.get(k, (0, 0))[1])
                  for k in after}
    r["cluster_cpu"] = (c1 - c0) / 1e9 / wall  # cores used by the primary and its workers
    return r


def share(delta, index):
    """'w1/w2' percentages of connections (index 0) or requests (1)."""
    vals = [delta[k][index] for k in sorted(delta)]
    total = sum(vals)
    if total == 0:
        return "-"
    return "/".join(f"{100 * v / total:.0f}" for v in vals) + f" of {total}"


def run_cell(all_servers, conns, header, first_port):
    procs, rounds = {}, {}
    for i, (name, (argv, env)) in enumerate(all_servers.items()):
        try:
            procs[name] = start(name, argv, env, first_port + i) + (first_port + i,)
            rounds[name] = []
        except RuntimeError as e:
            print(f"# {e}", file=sys.stderr, flush=True)
    for _ in range(ROUNDS):
        for name, (proc, path, port) in procs.items():
            r = one_round(proc, path, port, conns, header)
            if r:
                rounds[name].append(r)
            else:
                print(f"# {name}: a round failed", file=sys.stderr, flush=True)
    results = {}
    for name, (proc, _, _) in procs.items():
        net.stop(proc)
        runs = rounds[name]
        if not runs:
            continue
        total = {}
        for r in runs:
            for k, (c, q) in r["delta"].items():
                tc, tq = total.get(k, (0, 0))
                total[k] = (tc + c, tq + q)
        results[name] = {
            "req_per_s": median([r["req_per_s"] for r in runs]),
            "p99_us": median([r["p99_us"] for r in runs]),
            "primary_cpu": median([r["server_cpu"] for r in runs]),
            "cluster_cpu": median([r["cluster_cpu"] for r in runs]),
            "errors": sum(r["errors"] for r in runs),
            "conn_share": share(total, 0), "req_share": share(total, 1),
        }
    return results


def main():
    os.makedirs(STATS_DIR, exist_ok=True)
    all_servers = servers()
    print(f"# rounds={ROUNDS} duration={DURATION}s warmup={WARMUP}s cores={CORES} "
          f"servers={','.join(all_servers)}", file=sys.stderr, flush=True)
    table = []
    for c, cell in enumerate(CELLS):
        conns, header = http.cell_params(cell)
        res = run_cell(all_servers, conns, header, PORT + c * len(all_servers))
        for name, r in res.items():
            print(f"bench=cluster-hello server={name} cell={cell} req_per_s={r['req_per_s']:.0f} "
                  f"p99_us={r['p99_us']:.0f} primary_cpu={r['primary_cpu']:.2f} "
                  f"cluster_cpu={r['cluster_cpu']:.2f} errors={r['errors']} "
                  f"conn_share={r['conn_share'].replace(' ', '_')} req_share={r['req_share'].replace(' ', '_')}",
                  flush=True)
            table.append((cell, name, r))
    print()
    print("| cell | server | req/s | p99 | primary CPU | primary + workers CPU | errors "
          "| connections w1/w2 % | requests w1/w2 % |")
    print("|---|---|---|---|---|---|---|---|---|")
    for cell, name, r in table:
        print(f"| {cell} | {name} | {r['req_per_s'] / 1000:.1f}k | {r['p99_us'] / 1000:.2f} ms "
              f"| {r['primary_cpu'] * 100:.0f}% | {r['cluster_cpu'] * 100:.0f}% | {r['errors']} "
              f"| {r['conn_share']} | {r['req_share']} |")


if __name__ == "__main__":
    main()
