"""The report's charts as SVG, drawn with matplotlib, their text kept as text (so Chinese renders in the page's font).

matplotlib is the extra ``report`` (``pip install 'rectmodel[report]'``); without it the report
has its tables and no charts, and says so.
"""

from __future__ import annotations

import io
import logging
import warnings
from collections.abc import Sequence
from typing import Any, cast

__all__ = ["bar_chart", "can_draw"]

_FONTS = ["Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "DejaVu Sans"]


def can_draw() -> bool:
    """Whether matplotlib is installed."""
    try:
        import matplotlib  # noqa: F401, PLC0415
    except ImportError:
        return False
    return True


def bar_chart(title: str, labels: Sequence[str], series: Sequence[tuple[str, Sequence[int]]]) -> str:
    """An SVG bar chart: one group of bars per label, one bar per series, titled; the SVG's text as text."""
    import matplotlib  # noqa: PLC0415 -- the plotting library loads only to draw

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt  # noqa: PLC0415

    logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)
    style = {"svg.fonttype": "none", "font.family": "sans-serif", "font.sans-serif": _FONTS, "svg.hashsalt": "rm"}
    with matplotlib.rc_context(cast(Any, style)), warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a glyph the measuring font lacks: the browser's font draws it
        figure, axes = plt.subplots(figsize=(max(4.0, 0.6 * len(labels) + 2), 3.0))
        width = 0.8 / max(len(series), 1)
        for k, (name, values) in enumerate(series):
            positions = [i + (k - (len(series) - 1) / 2) * width for i in range(len(labels))]
            axes.bar(positions, values, width, label=name)
        axes.set_xticks(range(len(labels)), labels, rotation=45 if len(labels) > 6 else 0, ha="right")
        axes.set_title(title)
        if len(series) > 1:
            axes.legend()
        figure.tight_layout()
        out = io.StringIO()
        figure.savefig(out, format="svg", metadata={"Date": None})
        plt.close(figure)
    svg = out.getvalue()
    return svg[svg.index("<svg") :]
