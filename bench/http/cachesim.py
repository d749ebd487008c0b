"""bench/http/cachesim.py: what one keep-alive request costs the server's user
space in instructions and cache misses, counted rather than timed, so that a
change of a few misses per request shows on this noisy VM (docs/http.md,
"Counting misses instead of timing").

The server (bench/http/hello.js on coil, or BINARY) runs under callgrind with a
cache model whose last level is this machine's L2 (1 MiB, 16-way): an "LL miss"
is a line that had left the core's own caches. A lockstep client here keeps
CONNS keep-alive connections; each round every connection sends one request
and waits for its whole answer, so the server sees the same batches on every
run. Counting is on for the middle quarter of ROUNDS (after the JIT and the
heap have settled), and the totals are divided by the requests of that part.

    python3 bench/http/cachesim.py [BINARY] [CONNS=500] [ROUNDS=80]

CACHESIM_KEEP=1 keeps callgrind's output (for callgrind_annotate). Prints one line: instructions (Ir), data reads and writes, L1 and LL misses per
request. The kernel is not simulated (valgrind sees user space only), and what
the kernel writes (CQEs, received bytes) looks cold to the model. Timer-driven
work (the http server's 1 s sweep) is inflated, as the server runs ~50x slower.
"""
import os
import shutil
import selectors
import socket
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REQUEST = b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"


def lockstep(port, conns, rounds, on_round, off_round, pid):
    socks = [socket.create_connection(("127.0.0.1", port)) for _ in range(conns)]
    sel = selectors.DefaultSelector()
    for s in socks:
        s.setblocking(False)
        sel.register(s, selectors.EVENT_READ)
    for r in range(rounds):
        if r in (on_round, off_round):
            subprocess.run(["callgrind_control", "-i", "on" if r == on_round else "off", str(pid)],
                           capture_output=True, check=True)
        for s in socks:
            s.sendall(REQUEST)
        pending = {s.fileno(): b"" for s in socks}
        while pending:
            for key, _ in sel.select():
                if key.fd not in pending:
                    continue
                data = key.fileobj.recv(65536)
                if not data:
                    sys.exit("cachesim: the server closed a connection")
                pending[key.fd] += data
                # hello.js answers chunked: the answer ends with the last chunk.
                if pending[key.fd].endswith(b"\r\n0\r\n\r\n"):
                    del pending[key.fd]
    for s in socks:
        s.close()
    return (off_round - on_round) * conns


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "..", "target", "release", "coil")
    conns = int(sys.argv[2]) if len(sys.argv) > 2 else 500
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 80
    port = 19700 + os.getpid() % 200
    out = tempfile.mkdtemp(prefix="coil-cachesim-")
    cmd = ["taskset", "-c", os.environ.get("HTTP_SERVER_CORE", "0"), "valgrind", "--tool=callgrind",
           f"--callgrind-out-file={out}/cg.%p", "--instr-atstart=no", "--cache-sim=yes",
           "--LL=1048576,16,64", binary, os.path.join(HERE, "hello.js"), str(port)]
    server = subprocess.Popen(cmd, stderr=subprocess.DEVNULL)
    try:
        for _ in range(200):
            try:
                socket.create_connection(("127.0.0.1", port)).close()
                break
            except OSError:
                time.sleep(0.1)
        n = lockstep(port, conns, rounds, rounds // 2, rounds // 2 + rounds // 4, server.pid)
        subprocess.run(["callgrind_control", "-d", str(server.pid)], capture_output=True, check=True)
        time.sleep(1)
    finally:
        server.kill()
        server.wait()
    dumps = sorted(f for f in os.listdir(out) if f.startswith("cg."))
    events = totals = None
    with open(os.path.join(out, dumps[-1])) as f:
        for line in f:
            if line.startswith("events:"):
                events = line.split()[1:]
            elif line.startswith("totals:"):
                totals = [int(x) for x in line.split()[1:]]
    if os.environ.get("CACHESIM_KEEP") != "1":
        shutil.rmtree(out)
    else:
        print(f"callgrind output: {out}/{dumps[-1]}")
    per = " ".join(f"{e}={t / n:.1f}" for e, t in zip(events, totals))
    print(f"bench=http-cachesim binary={os.path.basename(binary)} conns={conns} requests={n} per_request: {per}")


if __name__ == "__main__":
    main()
