"""module_startup: start-up of a large module graph, coil vs node, without and with
the module compile cache (NODE_COMPILE_CACHE; node 20 ignores it, node 22 uses it):
- esm300: an ES module dependency graph of 300 files (each imports up to three later
  ones and defines a few functions and a class), made afresh in a temporary folder;
- tsc: `tsc --version` of typescript 5 (one 6 MB CommonJS file), from tests/npm's
  pinned install (run tests/npm/run.sh once first).
The cached case runs with a cache one earlier run filled. Alternating runs, medians."""
import os
import shutil
import sys
import tempfile
from common import COIL, NODE, ROOT, wall, median, report

runs = int(sys.argv[1]) if len(sys.argv) > 1 else 20
MODULES = 300


def make_graph(folder):
    """m0 .. m299; m<i> imports m<i+1>, m<2i+2>, m<3i+3> where they exist (a DAG with
    shared dependencies); main.mjs imports m0 and prints the sum it computes."""
    for i in range(MODULES):
        deps = sorted({j for j in (i + 1, 2 * i + 2, 3 * i + 3) if j < MODULES})
        lines = [f"import {{ value as v{j}, Shape{j} }} from './m{j}.mjs';" for j in deps]
        lines += [
            f"export class Shape{i} {{",
            "  constructor(w, h) { this.w = w; this.h = h; }",
            "  area() { return this.w * this.h; }",
            "  scale(k) { return new this.constructor(this.w * k, this.h * k); }",
            "  toString() { return `${this.constructor.name}(${this.w}x${this.h})`; }",
            "}",
            f"function mix{i}(a, b) {{ let s = 0; for (let k = 0; k < 4; k++) s += (a * k) ^ b; return s; }}",
            f"export function describe{i}(items) {{ return items.map((x) => `${{x}}:{i}`).join(','); }}",
            f"const own = new Shape{i}({i % 7 + 1}, {i % 5 + 1}).area() + mix{i}({i}, 3);",
            "export const value = own" + "".join(f" + (v{j} % 1000)" for j in deps) + ";",
        ]
        with open(os.path.join(folder, f"m{i}.mjs"), "w") as f:
            f.write("\n".join(lines) + "\n")
    with open(os.path.join(folder, "main.mjs"), "w") as f:
        f.write("import { value } from './m0.mjs';\nconsole.log(value);\n")
    return os.path.join(folder, "main.mjs")


def measure(name, args):
    cache = tempfile.mkdtemp(prefix="coil-bench-cache-")
    try:
        with_cache = {"NODE_COMPILE_CACHE": cache}
        for _ in range(2):  # warm the page cache, fill the compile caches
            wall([COIL] + args, with_cache); wall([NODE] + args, with_cache)
        coil, node, coil_c, node_c = [], [], [], []
        for _ in range(runs):
            coil.append(wall([COIL] + args) * 1000)
            node.append(wall([NODE] + args) * 1000)
            coil_c.append(wall([COIL] + args, with_cache) * 1000)
            node_c.append(wall([NODE] + args, with_cache) * 1000)
        report(name, median(coil), median(node), "ms")
        report(name + "-cached", median(coil_c), median(node_c), "ms")
    finally:
        shutil.rmtree(cache, ignore_errors=True)


graph = tempfile.mkdtemp(prefix="coil-bench-esm-")
try:
    measure("startup-esm300", [make_graph(graph)])
finally:
    shutil.rmtree(graph, ignore_errors=True)
tsc = os.path.join(ROOT, "tests/npm/node_modules/typescript/bin/tsc")
if os.path.exists(tsc):
    measure("startup-tsc-version", [tsc, "--version"])
else:
    print("# tsc: tests/npm/node_modules/typescript is missing (run tests/npm/run.sh once); left out",
          file=sys.stderr, flush=True)
