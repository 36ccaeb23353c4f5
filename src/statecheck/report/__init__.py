"""The static HTML report and the SVG charts it shares with the web pages."""

from statecheck.report.build import ReportResult, render_report, write_report
from statecheck.report.charts import Chart, ClaimMark, SeriesPoint, render_svg
from statecheck.report.record import ClaimLink, SeriesView, claim_charts, series_views

__all__ = [
    "Chart",
    "ClaimLink",
    "ClaimMark",
    "ReportResult",
    "SeriesPoint",
    "SeriesView",
    "claim_charts",
    "render_report",
    "render_svg",
    "series_views",
    "write_report",
]
