"""Hand-built SVG charts: a reference series over time, with claims plotted on it.

Why by hand rather than Altair + vl-convert: one small chart type, drawn in
milliseconds with no JavaScript engine, identical bytes every run (testable), and
nothing to load at view time (the report opens offline). Every piece of text is escaped.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta
from html import escape

from markupsafe import Markup

#: Fill colour and marker shape per verdict: shape as well as colour, for readers who cannot
#: tell red from green.
VERDICT_STYLE: dict[str, tuple[str, str]] = {
    "consistent": ("#1a7f37", "circle"),
    "above_record": ("#cf222e", "up"),
    "below_record": ("#bf8700", "down"),
    "unverifiable": ("#6e7781", "square"),
    "unchecked": ("#8250df", "diamond"),
}

VERDICT_LABEL: dict[str, str] = {
    "consistent": "consistent",
    "above_record": "above the record",
    "below_record": "below the record",
    "unverifiable": "unverifiable",
    "unchecked": "not checked",
}


@dataclass(frozen=True)
class SeriesPoint:
    day: date
    value: float


@dataclass(frozen=True)
class ClaimMark:
    """A claim drawn on a chart: where, what colour, and what a hover or a click shows."""

    day: date
    value: float
    verdict: str
    label: str
    href: str | None = None


@dataclass(frozen=True)
class Chart:
    title: str
    series: tuple[SeriesPoint, ...]
    claims: tuple[ClaimMark, ...] = ()
    unit: str = ""


def parse_day(text: str | None) -> date | None:
    """A spec date (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``) as a day to plot: mid-month, mid-year."""
    if not text:
        return None
    try:
        if len(text) == 10:
            return date.fromisoformat(text)
        if len(text) == 7:
            return date(int(text[:4]), int(text[5:7]), 15)
        if len(text) == 4:
            return date(int(text), 7, 1)
    except ValueError:
        return None
    return None


def format_number(value: float) -> str:
    """``12,345``, ``1.5M``: short enough for an axis."""
    magnitude = abs(value)
    if magnitude >= 1_000_000:
        return f"{value / 1_000_000:.3g}M"
    if magnitude >= 10_000:
        return f"{value / 1000:.3g}k"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values (1, 2 or 5 times a power of ten) covering ``[low, high]``."""
    if high <= low:
        high = low + 1
    raw = (high - low) / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    ticks = [math.floor(low / step) * step]
    while ticks[-1] < high - step * 1e-9:  # the last tick is at or above the highest value
        ticks.append(round(ticks[-1] + step, 10))
    return ticks


def _date_ticks(start: date, end: date, count: int = 6) -> list[date]:
    span = max((end - start).days, 1)
    months = max(1, round(span / 30.4 / count))
    ticks = []
    year, month = start.year, start.month
    while True:
        tick = date(year, month, 1)
        if tick > end:
            break
        if tick >= start:
            ticks.append(tick)
        month += months
        year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    return ticks or [start]


def _marker(shape: str, x: float, y: float, size: float = 5.5) -> str:
    if shape == "circle":
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{size:.1f}"'
    if shape == "square":
        return f'<rect x="{x - size:.1f}" y="{y - size:.1f}" width="{2 * size:.1f}" height="{2 * size:.1f}"'
    if shape == "up":
        points = f"{x:.1f},{y - size * 1.2:.1f} {x - size:.1f},{y + size * 0.8:.1f} {x + size:.1f},{y + size * 0.8:.1f}"
    elif shape == "down":
        points = f"{x:.1f},{y + size * 1.2:.1f} {x - size:.1f},{y - size * 0.8:.1f} {x + size:.1f},{y - size * 0.8:.1f}"
    else:
        points = f"{x:.1f},{y - size:.1f} {x + size:.1f},{y:.1f} {x:.1f},{y + size:.1f} {x - size:.1f},{y:.1f}"
    return f'<polygon points="{points}"'


def render_svg(chart: Chart, *, width: int = 720, height: int = 280) -> Markup:
    """The chart as an inline ``<svg>`` element: the series as a line, each claim as a marker."""
    left, right, top, bottom = 64, 16, 40, 46
    days = [p.day for p in chart.series] + [c.day for c in chart.claims]
    values = [p.value for p in chart.series] + [c.value for c in chart.claims]
    parts = [
        (
            f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" viewBox="0 0 {width} {height}" '
            f'width="{width}" height="{height}" font-family="system-ui, sans-serif" font-size="11">'
        ),
        f"<title>{escape(chart.title)}</title>",
        f'<text x="{left}" y="16" font-size="13" font-weight="600">{escape(chart.title)}</text>',
    ]
    if not days:
        parts.append(f'<text x="{left}" y="{height / 2}">No data to plot.</text></svg>')
        return Markup("".join(parts))
    start, end = min(days), max(days)
    if start == end:
        start, end = start - timedelta(days=15), end + timedelta(days=15)
    ticks_y = nice_ticks(min(0.0, min(values)), max(values) * 1.05 or 1.0)
    low, high = ticks_y[0], ticks_y[-1]
    plot_w, plot_h = width - left - right, height - top - bottom

    def x_of(day: date) -> float:
        return left + plot_w * (day - start).days / max((end - start).days, 1)

    def y_of(value: float) -> float:
        return top + plot_h * (1 - (value - low) / ((high - low) or 1))

    parts.append('<g class="axis" stroke="#d0d7de">')
    for tick in ticks_y:
        y = y_of(tick)
        parts.append(f'<line x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}"/>')
    parts.append("</g><g class=\"axis-labels\" fill=\"#57606a\">")
    for tick in ticks_y:
        parts.append(f'<text x="{left - 6}" y="{y_of(tick) + 4:.1f}" text-anchor="end">{escape(format_number(tick))}</text>')
    for day_tick in _date_ticks(start, end):
        x = x_of(day_tick)
        parts.append(f'<text x="{x:.1f}" y="{height - bottom + 16}" text-anchor="middle">{day_tick:%Y-%m}</text>')
    if chart.unit:
        parts.append(f'<text x="{left - 6}" y="{top - 10}" text-anchor="end">{escape(chart.unit)}</text>')
    parts.append("</g>")

    if chart.series:
        ordered = sorted(chart.series, key=lambda p: p.day)
        path = " ".join(f"{'M' if i == 0 else 'L'}{x_of(p.day):.1f},{y_of(p.value):.1f}" for i, p in enumerate(ordered))
        parts.append(f'<path class="series" d="{path}" fill="none" stroke="#0969da" stroke-width="1.8"/>')
        if len(ordered) <= 60:
            for point in ordered:
                parts.append(
                    f'<circle class="series-point" cx="{x_of(point.day):.1f}" cy="{y_of(point.value):.1f}" r="2" '
                    f'fill="#0969da"><title>{point.day.isoformat()}: {escape(format_number(point.value))}</title></circle>'
                )

    for mark in chart.claims:
        colour, shape = VERDICT_STYLE.get(mark.verdict, VERDICT_STYLE["unchecked"])
        tooltip = escape(f"{mark.label} ({VERDICT_LABEL.get(mark.verdict, mark.verdict)})")
        shape_svg = (
            f'{_marker(shape, x_of(mark.day), y_of(mark.value))} class="claim-point v-{escape(mark.verdict)}" '
            f'fill="{colour}" stroke="#fff" stroke-width="1"><title>{tooltip}</title>'
        )
        closing = "</circle>" if shape == "circle" else "</rect>" if shape == "square" else "</polygon>"
        element = shape_svg + closing
        if mark.href:
            element = f'<a href="{escape(mark.href)}">{element}</a>'
        parts.append(element)

    # The legend: only the verdicts present, so it explains exactly what is drawn.
    x = left
    legend_y = height - 10
    for verdict, (colour, shape) in VERDICT_STYLE.items():
        if any(mark.verdict == verdict for mark in chart.claims):
            closing = "</circle>" if shape == "circle" else "</rect>" if shape == "square" else "</polygon>"
            parts.append(f'{_marker(shape, x + 5, legend_y - 4, 4.5)} fill="{colour}">{closing}')
            label = VERDICT_LABEL[verdict]
            parts.append(f'<text x="{x + 14}" y="{legend_y}">{escape(label)}</text>')
            x += 24 + 6.5 * len(label)
    if chart.series:
        parts.append(f'<line x1="{x}" x2="{x + 16}" y1="{legend_y - 4}" y2="{legend_y - 4}" stroke="#0969da" stroke-width="2"/>')
        parts.append(f'<text x="{x + 20}" y="{legend_y}">the record</text>')
    parts.append("</svg>")
    return Markup("".join(parts))
