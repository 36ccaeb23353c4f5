"""The Jinja environment shared by the report and the web pages: autoescaping, filters, helpers.

Autoescaping is on for every template, so document text (which may hold ``<script>``)
always renders as text; only the SVG built by :mod:`statecheck.report.charts`, which
escapes its own text, is marked safe.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from statecheck.model import Claim
from statecheck.report.charts import VERDICT_LABEL, render_svg
from statecheck.report.highlight import runs
from statecheck.report.record import claim_charts

TEMPLATES = Path(__file__).parent / "templates"

#: Verdicts in the order tables and legends list them.
VERDICT_NAMES: tuple[str, ...] = ("consistent", "above_record", "below_record", "unverifiable", "unchecked")


def verdict_of(claim: Claim) -> str:
    return claim.verdict.verdict if claim.verdict else "unchecked"


def number(value: Any) -> str:
    """``8005`` → ``8,005``; ``80.5`` → ``80.5``; None → an em dash."""
    if value is None:
        return "—"
    number = float(value)
    if number.is_integer():
        return f"{int(number):,}"
    return f"{number:,.2f}".rstrip("0").rstrip(".")


def environment(*template_dirs: Path) -> Environment:
    """Templates from ``template_dirs`` first, then the report's own (the shared macros and CSS)."""
    env = Environment(
        loader=FileSystemLoader([*template_dirs, TEMPLATES]),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["number"] = number
    env.filters["verdict_of"] = verdict_of
    env.filters["verdict_label"] = lambda name: VERDICT_LABEL.get(name, name)
    env.globals["highlight"] = runs
    env.globals["claim_charts"] = claim_charts
    env.globals["svg"] = render_svg
    env.globals["verdict_names"] = VERDICT_NAMES
    return env
