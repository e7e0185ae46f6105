"""Small bar charts drawn on the server as inline SVG.

Why not a charting plugin: the site must work offline and under a Content-Security-Policy, and
the charts it needs are a handful of bar charts; SVG strings need no JavaScript and no bundle.
Every label is escaped.
"""
from __future__ import annotations

from markupsafe import Markup, escape

COLORS = ["#2b6cb0", "#c05621", "#2f855a", "#6b46c1"]


def _frame(width: int, height: int, title: str, inner: list[str]) -> Markup:
    return Markup(
        f'<svg class="govcrawl-chart" role="img" aria-label="{escape(title)}" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg" font-family="sans-serif" font-size="11">'
        f'<title>{escape(title)}</title><text x="4" y="14" font-size="13" font-weight="bold">{escape(title)}</text>'
        + "".join(inner) + "</svg>")


def bars(points: list[tuple[str, float]], title: str, height: int = 220) -> Markup:
    """Vertical bars, one per (label, value), in the order given."""
    if not points:
        return Markup("")
    step = max(22, min(60, 640 // len(points)))
    width = 40 + step * len(points)
    top = max(v for _, v in points) or 1
    plot = height - 60
    inner = []
    for i, (label, value) in enumerate(points):
        h = plot * value / top
        x, y = 30 + i * step, 30 + plot - h
        inner.append(f'<rect x="{x}" y="{y:.1f}" width="{step - 6}" height="{h:.1f}" fill="{COLORS[0]}">'
                     f'<title>{escape(label)}: {value:g}</title></rect>'
                     f'<text x="{x + (step - 6) / 2}" y="{y - 3:.1f}" text-anchor="middle">{value:g}</text>'
                     f'<text x="{x + (step - 6) / 2}" y="{height - 14}" text-anchor="middle">{escape(label)}</text>')
    return _frame(width, height, title, inner)


def hbars(points: list[tuple[str, float]], title: str) -> Markup:
    """Horizontal bars, one per (label, value), for long labels such as province names."""
    if not points:
        return Markup("")
    top = max(v for _, v in points) or 1
    height = 30 + 22 * len(points)
    inner = []
    for i, (label, value) in enumerate(points):
        y, w = 24 + i * 22, 360 * value / top
        inner.append(f'<text x="124" y="{y + 13}" text-anchor="end">{escape(label)}</text>'
                     f'<rect x="130" y="{y}" width="{w:.1f}" height="16" fill="{COLORS[0]}"/>'
                     f'<text x="{134 + w:.1f}" y="{y + 13}">{value:g}</text>')
    return _frame(540, height, title, inner)


def grouped(points: list[tuple[str, list[float]]], series: list[str], title: str, height: int = 240) -> Markup:
    """Groups of vertical bars: per label, one bar per series, with a legend."""
    if not points:
        return Markup("")
    n = len(series)
    step = max(12 * n + 10, min(80, 640 // len(points)))
    width = max(40 + step * len(points), 420)
    top = max((v for _, vs in points for v in vs), default=0) or 1
    plot = height - 80
    inner = [f'<rect x="{10 + k * 130}" y="22" width="10" height="10" fill="{COLORS[k]}"/>'
             f'<text x="{24 + k * 130}" y="31">{escape(name)}</text>' for k, name in enumerate(series)]
    if not any(v for _, vs in points for v in vs):
        inner.append(f'<text x="10" y="{height / 2:.0f}">各年均为 0 / zero in every year</text>')
    bar = (step - 10) / n
    for i, (label, values) in enumerate(points):
        x0 = 30 + i * step
        for k, value in enumerate(values):
            h = plot * value / top
            y = 50 + plot - h
            inner.append(f'<rect x="{x0 + k * bar:.1f}" y="{y:.1f}" width="{bar - 1:.1f}" height="{h:.1f}" '
                         f'fill="{COLORS[k]}"><title>{escape(label)} {escape(series[k])}: {value:g}</title></rect>'
                         + (f'<text x="{x0 + k * bar + bar / 2:.1f}" y="{y - 2:.1f}" text-anchor="middle" '
                            f'font-size="9">{value:g}</text>' if value else ""))
        inner.append(f'<text x="{x0 + (step - 10) / 2:.1f}" y="{height - 12}" text-anchor="middle">{escape(label)}</text>')
    return _frame(width, height, title, inner)
