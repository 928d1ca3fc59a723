"""The indicators' chart: plan against actual by year, one small panel per indicator.

matplotlib draws it once and writes it twice: SVG for the HTML page (sharp at any zoom, text
stays text) and PNG for the DOCX (Word and LibreOffice show a raster everywhere). It runs on the
Agg backend (no display), with the bundled DejaVu Sans (Cyrillic, the same on every machine),
and writes no dates into the files, so that the same data give the same bytes.
"""

from __future__ import annotations

import io
import textwrap
from dataclasses import dataclass

PLAN_COLOUR = "#b8c7d9"
ACTUAL_COLOUR = "#1f4e79"
COLUMNS = 2
CM = 1 / 2.54


@dataclass(frozen=True)
class Series:
    """One indicator's panel: its title, unit and the plan and actual value of each year."""

    title: str
    unit: str
    years: list[int]
    plan: list[float | None]
    actual: list[float | None]


def _figure(series: list[Series]):
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    rows = -(-len(series) // COLUMNS)
    columns = min(COLUMNS, len(series))
    figure = Figure(figsize=(8 * columns * CM * 1.6, 6.2 * rows * CM * 1.6))
    for index, one in enumerate(series):
        _panel(figure.add_subplot(rows, columns, index + 1), one)
    handles, labels = figure.axes[0].get_legend_handles_labels()
    figure.legend(handles, labels, loc="lower center", ncols=2, frameon=False, fontsize=9)
    figure.tight_layout(rect=(0, 0.06, 1, 1))
    return figure


def _panel(axes, one: Series) -> None:
    positions = list(range(len(one.years)))
    width = 0.38
    plan = [v if v is not None else 0 for v in one.plan]
    actual = [v if v is not None else 0 for v in one.actual]
    axes.bar([p - width / 2 for p in positions], plan, width, color=PLAN_COLOUR, label="План")
    bars = axes.bar([p + width / 2 for p in positions], actual, width, color=ACTUAL_COLOUR,
                    label="Факт")
    for bar, value in zip(bars, one.actual, strict=True):
        if value is None:
            bar.set_visible(False)
    axes.set_xticks(positions, [str(y) for y in one.years], fontsize=8)
    axes.tick_params(axis="y", labelsize=8)
    axes.set_title("\n".join(textwrap.wrap(one.title, 48)[:3]), fontsize=8.5, loc="left")
    if one.unit:
        axes.set_ylabel(one.unit, fontsize=8)
    axes.spines[["top", "right"]].set_visible(False)
    axes.set_xlim(-0.7, len(positions) - 0.3)
    axes.yaxis.set_major_formatter(lambda value, _: _number(value))  # «2,5», not «2.5»
    for shift, values in ((-width / 2, one.plan), (width / 2, one.actual)):
        for position, value in zip(positions, values, strict=True):
            if value is not None:
                axes.annotate(_number(value), (position + shift, value), ha="center",
                              va="bottom", fontsize=7, xytext=(0, 1), textcoords="offset points")


def _number(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".").replace(".", ",")


def render_chart(series: list[Series]) -> tuple[str, bytes]:
    """The chart as SVG text (for HTML) and PNG bytes (for DOCX)."""
    import matplotlib

    with matplotlib.rc_context({"svg.hashsalt": "shnor", "svg.fonttype": "path",
                                "font.family": "DejaVu Sans"}):
        figure = _figure(series)
        svg, png = io.BytesIO(), io.BytesIO()
        figure.savefig(svg, format="svg", metadata={"Date": None, "Creator": None})
        figure.savefig(png, format="png", dpi=160, metadata={"Software": None})
    text = svg.getvalue().decode("utf-8")
    return text[text.index("<svg"):], png.getvalue()
