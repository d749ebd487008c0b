"""A burst of new connections to a busy server: bench/http/hello.js pinned to core 0
serves wrk's 50 keep-alive connections (core 1) while this script opens N more
connections at once (core 1) and sends one GET on each as soon as it connects;
it prints when each first response arrived, counted from the burst's start
(p50, p99, max), for coil on io_uring and on epoll and node, medians of ROUNDS.
A server that accepts one connection per loop turn makes the burst's last
connection wait for a turn per connection before it, each turn serving every
connection already open.
Usage: python3 bench/net/accept_burst.py [ROUNDS=3] [N=500]"""
import os
import selectors
import socket
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
from common import COIL, NODE, median  # noqa: E402

HELLO = os.path.join(os.path.dirname(HERE), "http", "hello.js")


def burst(port, n):
    """Seconds from the burst's start to each connection's first response."""
    sel = selectors.DefaultSelector()
    t0 = time.perf_counter()
    for i in range(n):
        s = socket.socket()
        s.setblocking(False)
        try:
            s.connect(("127.0.0.1", port))
        except BlockingIOError:
            pass
        sel.register(s, selectors.EVENT_WRITE)
    got = []
    while len(got) < n and time.perf_counter() - t0 < 30:
        for key, ev in sel.select(1):
            s = key.fileobj
            if ev & selectors.EVENT_WRITE:
                s.send(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
                sel.modify(s, selectors.EVENT_READ)
            elif s.recv(4096):
                got.append(time.perf_counter() - t0)
                sel.unregister(s)
                s.close()
    return sorted(got)


def one(argv, env, port, n):
    server = subprocess.Popen(["taskset", "-c", "0"] + argv + [str(port)], env={**os.environ, **env},
                              stdout=subprocess.DEVNULL)
    try:
        time.sleep(0.5)
        load = subprocess.Popen(["taskset", "-c", "1", "wrk", "-t1", "-c50", "-d4",
                                 f"http://127.0.0.1:{port}/"], stdout=subprocess.DEVNULL)
        time.sleep(1)
        os.sched_setaffinity(0, {1})
        got = burst(port, n)
        load.wait()
        return got
    finally:
        server.kill()
        server.wait()


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 500
    servers = [("coil-uring", [COIL, HELLO], {"COIL_BACKEND": "uring"}),
               ("coil-epoll", [COIL, HELLO], {"COIL_BACKEND": "epoll"}),
               ("node", [NODE, HELLO], {})]
    res = {name: [] for name, _, _ in servers}
    port = 19500
    for _ in range(rounds):
        for name, argv, env in servers:
            port += 1
            got = one(argv, env, port, n)
            if len(got) == n:
                res[name].append((got[n // 2], got[int(n * 0.99) - 1], got[-1]))
    for name, runs in res.items():
        if runs:
            p50, p99, mx = (median([r[i] for r in runs]) * 1e3 for i in range(3))
            print(f"bench=accept-burst server={name} n={n} p50_ms={p50:.1f} p99_ms={p99:.1f} max_ms={mx:.1f}")


if __name__ == "__main__":
    main()
