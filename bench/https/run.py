"""bench/https: an HTTPS hello over loopback under wrk, coil (io_uring and epoll)
against node in one run: bench/http's runner and method (servers pinned to core 0,
wrk to core 1, alternating rounds, medians, noise checks; see bench/http/run.py),
with wrk speaking TLS (TLSv1.3, the servers' default) to bench/https/hello.js. A
throwaway P-256 certificate is made with the openssl CLI for the run.

Cells: keep-alive at 50 and 500 connections (HTTPS_CELLS, default "ka50,ka500";
"close50" adds a full handshake per request). The other knobs are bench/http's
(HTTP_ROUNDS, HTTP_DURATION, HTTP_QUICK=1, HTTP_SERVERS, HTTP_PORT...).
Prints one line per server and cell ("bench=http-hello ... cell=..." with the
https cells), then a Markdown table."""
import importlib.util
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
from common import COIL, NODE  # noqa: E402

_spec = importlib.util.spec_from_file_location("http_run", os.path.join(os.path.dirname(HERE), "http", "run.py"))
http = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(http)

HELLO_JS = os.path.join(HERE, "hello.js")


def make_certificate(directory):
    key, cert = os.path.join(directory, "key.pem"), os.path.join(directory, "cert.pem")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256",
                    "-nodes", "-keyout", key, "-out", cert, "-days", "2", "-subj", "/CN=127.0.0.1"],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return key, cert


def main():
    with tempfile.TemporaryDirectory(prefix="coil-bench-https-") as tmp:
        key, cert = make_certificate(tmp)
        env = {"HTTPS_KEY": key, "HTTPS_CERT": cert}
        servers = {
            "coil-uring": ([COIL, HELLO_JS], {**env, "COIL_BACKEND": "uring"}),
            "coil-epoll": ([COIL, HELLO_JS], {**env, "COIL_BACKEND": "epoll"}),
            "node": ([NODE, HELLO_JS], env),
        }
        wanted = os.environ.get("HTTP_SERVERS")
        if wanted:
            servers = {k: v for k, v in servers.items() if k in wanted.split(",")}
        http.SCHEME = "https"
        http.CELLS = os.environ.get("HTTPS_CELLS", "ka50,ka500").split(",")
        http.servers = lambda: servers
        http.build_native = lambda: None
        http.main()


if __name__ == "__main__":
    main()
