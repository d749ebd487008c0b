"""Draws bench/matrix's CSV as SVG charts, by hand (no plotting library to install):
one chart per figure (rate, p99 latency, server CPU per operation), a small panel
per workload, each with its own y axis (the workloads' units differ by orders of
magnitude), a bar per runtime, named under it and valued above it.
Usage: python3 bench/matrix/chart.py docs/bench/matrix.csv [OUT_DIR]"""
import csv
import math
import os
import sys
from xml.sax.saxutils import escape

COLORS = {"coil-uring": "#1b7837", "coil-epoll": "#7fbf7b", "node": "#2166ac",
          "bun": "#e08214", "deno": "#542788"}
TITLES = {
    "http-ka50": "HTTP hello, keep-alive, 50 conns",
    "http-ka500": "HTTP hello, keep-alive, 500 conns",
    "http-close50": "HTTP hello, Connection: close, 50",
    "echo-64": "TCP echo 64 B, 50 conns",
    "echo-16k": "TCP echo 16 KiB, 50 conns",
    "readfile": "readFile 10,000 × 4 KiB",
    "stat": "stat × 10,000",
    "copy": "1 GiB copy by streams",
}
FIGURES = [
    ("rate", "matrix-rate.svg", "Throughput (higher is better)", lambda unit: unit),
    ("p99_us", "matrix-p99.svg", "p99 latency of one operation (lower is better)", lambda unit: "µs"),
    ("cpu_us_per_op", "matrix-cpu.svg", "Server CPU time per operation, user + sys (lower is better)",
     lambda unit: "µs CPU / " + {"req/s": "request", "msg/s": "message", "files/s": "file",
                                  "stats/s": "stat", "MiB/s": "MiB"}.get(unit, "op")),
]
NOTE = ("make bench-matrix: server (or fs program) pinned to one core, load generator to the other; "
        "one 3 s round per cell after a 1 s warm-up, on a shared 2-core machine: rates swing up to 2x between runs, CPU per op less.")
PANEL_W, PANEL_H, COLS = 250, 230, 4
LEFT, TOP, BOTTOM = 58, 34, 62


def short(v):
    if v == 0:
        return "0"
    if v >= 1e6:
        return f"{v / 1e6:.2f}M"
    if v >= 1e4:
        return f"{v / 1e3:.0f}k"
    if v >= 1e3:
        return f"{v / 1e3:.1f}k"
    if v >= 10:
        return f"{v:.0f}"
    return f"{v:.3g}"


def nice_max(v):
    """(top, intervals): the smallest 1, 2, 2.5 or 5 × 10^k at or above v, cut
    into intervals that give round tick values."""
    if v <= 0:
        return 1.0, 4
    e = 10 ** math.floor(math.log10(v))
    for m, n in ((1, 4), (2, 4), (2.5, 5), (5, 5), (10, 4)):
        if m * e >= v:
            return m * e, n
    return 10 * e, 4


def panel(x0, y0, title, axis, bars):
    """SVG of one panel at (x0, y0): bars = [(runtime, value)]."""
    out = [f'<text x="{x0 + PANEL_W / 2}" y="{y0 + 16}" text-anchor="middle" font-weight="bold">'
           f'{escape(title)}</text>']
    plot_x, plot_y = x0 + LEFT, y0 + TOP
    plot_w, plot_h = PANEL_W - LEFT - 10, PANEL_H - TOP - BOTTOM
    top, steps = nice_max(max([v for _, v in bars] + [0]))
    for i in range(steps + 1):
        v = top * i / steps
        y = plot_y + plot_h - plot_h * i / steps
        out.append(f'<line x1="{plot_x}" y1="{y:.1f}" x2="{plot_x + plot_w}" y2="{y:.1f}" stroke="#ddd"/>')
        out.append(f'<text x="{plot_x - 4}" y="{y + 4:.1f}" text-anchor="end" font-size="10">{short(v)}</text>')
    out.append(f'<text transform="translate({x0 + 12},{plot_y + plot_h / 2}) rotate(-90)" '
               f'text-anchor="middle" font-size="10">{escape(axis)}</text>')
    out.append(f'<line x1="{plot_x}" y1="{plot_y}" x2="{plot_x}" y2="{plot_y + plot_h}" stroke="#333"/>')
    out.append(f'<line x1="{plot_x}" y1="{plot_y + plot_h}" x2="{plot_x + plot_w}" y2="{plot_y + plot_h}" '
               f'stroke="#333"/>')
    slot = plot_w / max(len(bars), 1)
    for i, (name, v) in enumerate(bars):
        h = plot_h * v / top
        x = plot_x + i * slot + slot * 0.15
        w = slot * 0.7
        y = plot_y + plot_h - h
        out.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}" '
                   f'fill="{COLORS.get(name, "#888")}"><title>{escape(name)}: {v:.4g}</title></rect>')
        out.append(f'<text x="{x + w / 2:.1f}" y="{y - 3:.1f}" text-anchor="middle" font-size="9">{short(v)}</text>')
        lx, ly = x + w / 2, plot_y + plot_h + 10
        out.append(f'<text transform="translate({lx:.1f},{ly:.1f}) rotate(-40)" text-anchor="end" '
                   f'font-size="10">{escape(name)}</text>')
    return out


def figure(rows, key, title, axis_of):
    workloads = list(dict.fromkeys(r["workload"] for r in rows))
    runtimes = list(dict.fromkeys(r["runtime"] for r in rows))
    rows_n = math.ceil(len(workloads) / COLS)
    width, height = COLS * PANEL_W + 20, 80 + rows_n * PANEL_H
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
           f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="11">',
           f'<rect width="{width}" height="{height}" fill="white"/>',
           f'<text x="{width / 2}" y="22" text-anchor="middle" font-size="16" font-weight="bold">'
           f'{escape(title)}</text>']
    lx = 20
    for name in runtimes:  # the legend
        out.append(f'<rect x="{lx}" y="34" width="12" height="12" fill="{COLORS.get(name, "#888")}"/>')
        out.append(f'<text x="{lx + 16}" y="45">{escape(name)}</text>')
        lx += 30 + 7 * len(name)
    for i, wl in enumerate(workloads):
        bars, unit = [], ""
        for r in rows:
            if r["workload"] == wl and r[key] not in ("", "nan"):
                v = float(r[key])
                if not math.isnan(v):
                    bars.append((r["runtime"], v))
                    unit = r["unit"]
        x0, y0 = 10 + (i % COLS) * PANEL_W, 56 + (i // COLS) * PANEL_H
        if bars:
            out += panel(x0, y0, TITLES.get(wl, wl), axis_of(unit), bars)
        else:
            out.append(f'<text x="{x0 + PANEL_W / 2}" y="{y0 + 16}" text-anchor="middle" font-weight="bold">'
                       f'{escape(TITLES.get(wl, wl))}</text>')
            out.append(f'<text x="{x0 + PANEL_W / 2}" y="{y0 + PANEL_H / 2}" text-anchor="middle" '
                       f'fill="#666">not measured (one long operation)</text>')
    out.append(f'<text x="10" y="{height - 8}" font-size="10" fill="#555">{escape(NOTE)}</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


def draw(csv_path, out_dir):
    with open(csv_path) as f:
        rows = list(csv.DictReader(f))
    written = []
    for key, name, title, axis_of in FIGURES:
        path = os.path.join(out_dir, name)
        with open(path, "w") as f:
            f.write(figure(rows, key, title, axis_of))
        written.append(path)
    return written


if __name__ == "__main__":
    src = sys.argv[1]
    print(" ".join(draw(src, sys.argv[2] if len(sys.argv) > 2 else os.path.dirname(src))))
