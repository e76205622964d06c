"""A dependency-free SVG bar chart of time ratios (log scale), for docs/benchmarks.md."""

from __future__ import annotations

import math
from xml.sax.saxutils import escape

WIDTH, LABEL, ROW, TOP = 760, 290, 22, 46
BAR = WIDTH - LABEL - 70


def ratio_chart(
    title: str, rows: list[tuple[str, float, bool, float | None]], low: float = 0.1, high: float = 1000.0
) -> str:
    """Horizontal bars of `ratio` (× the reference) per label, on a log axis from low to high.

    A row is (label, ratio, ours, goal): ours is drawn darker, a goal as a red mark on the row.
    The reference (1×) gets a vertical line.
    """
    span = math.log10(high) - math.log10(low)

    def x(value: float) -> float:
        clamped = min(max(value, low), high)
        return LABEL + BAR * (math.log10(clamped) - math.log10(low)) / span

    height = TOP + ROW * len(rows) + 34
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
        f'viewBox="0 0 {WIDTH} {height}" font-family="sans-serif" font-size="12">',
        f'<rect width="{WIDTH}" height="{height}" fill="white"/>',
        f'<text x="{WIDTH / 2:.0f}" y="20" text-anchor="middle" font-size="14">{escape(title)}</text>',
    ]
    bottom = TOP + ROW * len(rows)
    for power in range(round(math.log10(low)), round(math.log10(high)) + 1):
        tick = 10.0**power
        out.append(f'<line x1="{x(tick):.1f}" y1="{TOP - 4}" x2="{x(tick):.1f}" y2="{bottom}" stroke="#ddd"/>')
        out.append(f'<text x="{x(tick):.1f}" y="{bottom + 16}" text-anchor="middle">{tick:g}×</text>')
    for i, (label, ratio, ours, goal) in enumerate(rows):
        y = TOP + i * ROW
        colour = "#1f5fa8" if ours else "#9db7d5"
        out.append(f'<text x="{LABEL - 8}" y="{y + 14}" text-anchor="end">{escape(label)}</text>')
        out.append(f'<rect x="{LABEL}" y="{y + 3}" width="{x(ratio) - LABEL:.1f}" height="{ROW - 6}" fill="{colour}"/>')
        out.append(f'<text x="{max(x(ratio), x(goal or low)) + 4:.1f}" y="{y + 14}">{ratio:.2f}×</text>')
        if goal is not None:
            mark = f'x1="{x(goal):.1f}" y1="{y}" x2="{x(goal):.1f}" y2="{y + ROW}"'
            out.append(f'<line {mark} stroke="#c0392b" stroke-width="3"/>')
    out.append(f'<line x1="{x(1):.1f}" y1="{TOP - 4}" x2="{x(1):.1f}" y2="{bottom}" stroke="#333"/>')
    out.append("</svg>")
    return "\n".join(out) + "\n"
