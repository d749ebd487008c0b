#!/usr/bin/env python3
"""`make conformance`: Node's own tests (the public list in ../shared/node-suite) run
against coil and against node in one go; writes docs/conformance.md (the per-area
table, node beside coil, and one line per failing test saying how it failed) and
keeps tests/conformance/passing.txt, the tests coil passed before: a test on that
list that fails now makes this exit 1 (a regression), and the list only grows.
tests/conformance/beyond.txt lists Node's tests beyond the public list in the areas
of the open issues; they run the same way and get a table of their own.

Node's test tree lives outside the repository (run.sh extracts it once from a git
snapshot of denoland/node_test given as NODE_TEST_GIT) and is never committed, so
this is not part of `make test`.

Environment: COIL (target/release/coil), NODE (node), NODE_SUITE (../shared/node-suite),
NODE_TEST_GIT and the other NODE_SUITE_* variables run.sh reads, CONFORMANCE_NODE=0
to skip the node baseline (the table then keeps node's column from the last run).
Built-ins coil still lacks among those test/common loads get run.sh's stand-ins."""
import datetime
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SUITE = os.environ.get("NODE_SUITE", os.path.join(os.path.dirname(ROOT), "shared", "node-suite"))
COIL = os.environ.get("COIL", os.path.join(ROOT, "target", "release", "coil"))
NODE = os.environ.get("NODE", "node")
DOC = os.path.join(ROOT, "docs", "conformance.md")
BEYOND = os.path.join(ROOT, "tests", "conformance", "beyond.txt")
PASSING = os.path.join(ROOT, "tests", "conformance", "passing.txt")
# A line of a failure's output that says what went wrong (the first one that does).
TELLING = re.compile(r"(Error|error|assert|Assert|expected|Expected|not (a function|supported|defined|implemented)"
                     r"|Cannot|Unexpected|Timeout|timed out|stand-in|Missing)")


def run_suite(runtime, tag, lst=None):
    """Runs a list (run.sh's own by default) on `runtime`: ({area: (passed, total)},
    passed tests, {test: why})."""
    with tempfile.TemporaryDirectory() as tmp:
        passed_file = os.path.join(tmp, "passed")
        log = os.path.join(tmp, "log")
        env = dict(os.environ, NODE_SUITE_PASSED=passed_file, NODE_SUITE_LOG=log)
        print(f"conformance: running the list on {tag} ...", file=sys.stderr, flush=True)
        r = subprocess.run(["bash", os.path.join(SUITE, "run.sh"), runtime] + ([lst] if lst else []),
                           env=env, capture_output=True, text=True)
        if "passed, " not in r.stdout:
            sys.exit(f"conformance: run.sh failed on {tag}:\n{r.stderr[-2000:]}")
        areas = {}
        table = r.stdout.split("\narea")[1].split("failures:")[0]
        for line in table.strip().splitlines()[1:]:
            name, p, t = line.split()
            areas[name] = (int(p), int(t))
        with open(passed_file) as f:
            passed = [l.strip() for l in f if l.strip()]
        why = {}
        with open(log, errors="replace") as f:
            text = f.read()
        for block in text.split("=== FAIL ")[1:]:
            head, _, body = block.partition("\n")
            m = re.match(r"\[(\S+)\] (\S+) \((.*)\)", head)
            if not m:
                continue
            telling = next((l.strip() for l in body.splitlines() if TELLING.search(l)), "")
            why[m.group(2)] = (m.group(3), telling[:160])
        return areas, passed, why


def run_both(runtime, tag):
    """The public list, then beyond.txt: (areas, beyond's areas, passed, why)."""
    areas, passed, why = run_suite(runtime, tag)
    beyond, passed_b, why_b = run_suite(runtime, tag + " (beyond the list)", BEYOND)
    return areas, beyond, passed + passed_b, {**why, **why_b}


def table(areas, node_areas):
    rows = ["| area | coil | node |", "|---|---|---|"]
    for name, (p, t) in areas.items():
        np_, nt = node_areas.get(name, (0, t))
        rows.append(f"| {name} | {p} / {t} | {np_} / {nt} |")
    return rows


def node_column_from_doc():
    """node's passed counts per area from the last docs/conformance.md."""
    out = {}
    if os.path.exists(DOC):
        for line in open(DOC):
            m = re.match(r"\| (\S+) \| \d+ / \d+ \| (\d+) / (\d+) \|", line)
            if m:
                out[m.group(1)] = (int(m.group(2)), int(m.group(3)))
    return out


def stubs_needed():
    """test/common loads these three at start: a runtime lacking one gets run.sh's
    throw-on-call stand-in, so the other tests still load (see run.sh)."""
    missing = [m for m in ("child_process", "net", "worker_threads")
               if subprocess.run([COIL, "-e", f"require('{m}')"], capture_output=True).returncode != 0]
    return " ".join(missing)


def main():
    if "NODE_SUITE_STUBS" not in os.environ:
        os.environ["NODE_SUITE_STUBS"] = stubs_needed()
    areas, beyond, passed, why = run_both(COIL, "coil")
    if os.environ.get("CONFORMANCE_NODE") == "0":
        node_areas = node_column_from_doc()
    else:
        node_list, node_beyond, _, _ = run_both(NODE, "node")
        node_areas = {**node_list, **node_beyond}

    before = []
    if os.path.exists(PASSING):
        before = [l.strip() for l in open(PASSING) if l.strip() and not l.startswith("#")]
    now = set(passed)
    # Under NODE_SUITE_FILTER only the tests it selects ran: the others keep their place.
    ran = re.compile(os.environ.get("NODE_SUITE_FILTER") or "")
    regressions = [t for t in before if ran.search(t) and t not in now]
    kept = {t for t in before if not ran.search(t)}

    total_p = sum(p for p, _ in areas.values())
    total_t = sum(t for _, t in areas.values())
    node_p = sum(node_areas.get(name, (0, 0))[0] for name in areas)
    today = datetime.date.today().isoformat()
    lines = [
        "# Conformance: Node's own tests",
        "",
        "Written by `make conformance` (scripts/conformance.py), which runs the public list",
        "of Node v20.11.1's tests (`../shared/node-suite/list.txt`: test/parallel and",
        "test/es-module) on coil and on node, with the leaked-globals check on. A test passes",
        "when it exits 0 within 10 s and does not skip itself. tests/conformance/passing.txt",
        "keeps what coil passed; `make conformance` fails when one of those stops passing.",
        "",
        f"Run on {today}: coil passes **{total_p} of {total_t}**; node {node_p}.",
        "",
    ] + table(areas, node_areas)
    beyond_p = sum(p for p, _ in beyond.values())
    beyond_t = sum(t for _, t in beyond.values())
    lines += ["", "## Beyond the public list", "",
              "tests/conformance/beyond.txt: the rest of Node's test/parallel in the areas of the",
              "open issues (every `test-http-*`, `test-net-*` and `test-fs-*` the public list leaves out). Some",
              "use Node's internals (`--expose-internals`, `process.binding`, the internal HTTP",
              f"parser), which coil does not offer. coil passes **{beyond_p} of {beyond_t}**.", ""]
    lines += table(beyond, node_areas)
    lines += ["", "## Failing tests, and how each failed", "",
              "The exit (code, signal or timeout) and the first line of the test's output that",
              "names what went wrong.", ""]
    for test, (reason, telling) in sorted(why.items()):
        telling = telling.replace("|", "\\|").replace("`", "'")
        lines.append(f"- `{test}` ({reason}){': ' + telling if telling else ''}")
    with open(DOC, "w") as f:
        f.write("\n".join(lines) + "\n")

    if regressions:
        print("conformance: these passed before and fail now:", file=sys.stderr)
        for t in regressions:
            print(f"  {t}  {why.get(t, ('', ''))}", file=sys.stderr)
        sys.exit(1)
    os.makedirs(os.path.dirname(PASSING), exist_ok=True)
    with open(PASSING, "w") as f:
        f.write("# Node tests coil passes (make conformance keeps this; a test leaving it is a regression)\n")
        for t in sorted(now | kept):
            f.write(t + "\n")
    print(f"conformance: coil {total_p}/{total_t}, node {node_p}; {DOC} written", file=sys.stderr)


if __name__ == "__main__":
    main()
