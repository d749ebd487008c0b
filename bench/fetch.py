"""fetch: N sequential and concurrent fetches of a 5-byte body from a local node
HTTP server (bench/http/hello.js, on core 0) by coil and by node (on core 1),
alternating, medians per case (bench/fetch.js), plus http.get for the layer
below. Short by design: FETCH_N requests per case (default 2000)."""
import os
import re
import socket
import subprocess
import sys
import time
from collections import defaultdict
from common import COIL, NODE, ROOT, output, median, report

runs = int(sys.argv[1]) if len(sys.argv) > 1 else 3
n = os.environ.get("FETCH_N", "2000")
with socket.socket() as s:
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
server = subprocess.Popen(["taskset", "-c", os.environ.get("SERVER_CORE", "0"), NODE,
                           os.path.join(ROOT, "bench/http/hello.js"), str(port)])
try:
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
            break
        except OSError:
            time.sleep(0.05)
    res = {"coil": defaultdict(list), "node": defaultdict(list)}
    for _ in range(runs):
        for name, exe in (("coil", COIL), ("node", NODE)):
            out = output([exe, os.path.join(ROOT, "bench/fetch.js"), str(port), n])
            for label, ms in re.findall(r"case=(\S+) ms=([\d.]+)", out):
                res[name][label].append(float(ms))
    for case in res["coil"]:
        report(case, median(res["coil"][case]), median(res["node"][case]), "ms")
finally:
    server.kill()
