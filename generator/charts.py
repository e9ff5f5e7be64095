"""Static SVG charts, made at build time: no JavaScript, readable in light and dark mode.

Colours come from the theme's CSS variables, so the same SVG follows the reader's
colour scheme. Every label is escaped. Each chart has a text equivalent: its SVG is an
image whose description states every figure, and a table of the same figures follows
it (folded, for whoever prefers numbers to bars).
"""

from __future__ import annotations

from html import escape

from markupsafe import Markup

BAR, GAP, HEIGHT, TOP, BOTTOM, LEFT = 26, 10, 110, 16, 22, 8
MENTION_BAR = 12
"""Width of the bar of mentions in passing, beside a year's bar (narrower, lighter)."""
LEGEND = 230
"""The narrowest chart: the width its legend takes."""


def _figures(year: str, said: int, asked: int, mentioned: int) -> str:
    """One year's figures in words, as the chart's description and tooltips give them."""
    return (f"{year}: {said} said by speakers, {asked} in questions, "
            f"{mentioned} mentioned in passing")


def year_chart(title: str, rows: list[tuple[str, int, int, int]], ident: str = "chart"
               ) -> Markup:
    """A bar per year, stacked: what speakers said about the topic (``said``) and what
    was asked about it; beside it, a narrower, lighter bar of the paragraphs that only
    mention it in passing; then a folded table of the same figures.

    ``rows`` holds (year, said, asked, mentioned) in chronological order; ``ident`` makes
    the ids of the chart's title and description (unique on the page).
    """
    if not rows:
        return Markup("")
    peak = max(max(said + asked, mentioned) for _, said, asked, mentioned in rows) or 1
    step = BAR + MENTION_BAR + GAP
    width = max(LEFT * 2 + len(rows) * step, LEGEND)
    total = TOP + HEIGHT + BOTTOM
    figures = "; ".join(_figures(*row) for row in rows)
    parts = [
        f'<svg class="tx-chart" role="img" viewBox="0 0 {width} {total + 18}" '
        f'width="{width}" height="{total + 18}" '
        f'aria-labelledby="{ident}-title" aria-describedby="{ident}-desc">',
        f'<title id="{ident}-title">{escape(title)}</title>',
        f'<desc id="{ident}-desc">{escape(figures)}.</desc>',
    ]
    base = TOP + HEIGHT
    for index, (year, said, asked, mentioned) in enumerate(rows):
        x = LEFT + index * step
        said_h = round(HEIGHT * said / peak)
        asked_h = round(HEIGHT * asked / peak)
        mentioned_h = round(HEIGHT * mentioned / peak)
        parts.append(f"<g><title>{escape(_figures(year, said, asked, mentioned))}</title>")
        if said_h:
            parts.append(f'<rect class="tx-chart__said" x="{x}" y="{base - said_h}" '
                         f'width="{BAR}" height="{said_h}"/>')
        if asked_h:
            parts.append(f'<rect class="tx-chart__asked" x="{x}" y="{base - said_h - asked_h}" '
                         f'width="{BAR}" height="{asked_h}"/>')
        parts.append(f'<text class="tx-chart__count" x="{x + BAR / 2}" '
                     f'y="{base - said_h - asked_h - 4}">{said + asked}</text>')
        if mentioned_h:
            parts.append(f'<rect class="tx-chart__mentioned" x="{x + BAR}" '
                         f'y="{base - mentioned_h}" width="{MENTION_BAR}" '
                         f'height="{mentioned_h}"/>')
        parts.append(f'<text class="tx-chart__year" x="{x + (BAR + MENTION_BAR) / 2}" '
                     f'y="{base + 15}">{escape(year)}</text></g>')
    parts += _legend(total + 10)
    parts.append("</svg>")
    parts.append(figure_table(title, rows))
    return Markup("".join(parts))


def _legend(y: int) -> list[str]:
    """The legend under the bars: a swatch and a word for each series."""
    parts = []
    for x, cls, label in ((LEFT, "said", "said"), (LEFT + 50, "asked", "asked"),
                          (LEFT + 100, "mentioned", "mentioned in passing")):
        parts.append(f'<rect class="tx-chart__{cls}" x="{x}" y="{y - 8}" width="10" '
                     'height="10"/>')
        parts.append(f'<text class="tx-chart__legend" x="{x + 14}" y="{y}">{label}</text>')
    return parts


def figure_table(title: str, rows: list[tuple[str, int, int, int]]) -> str:
    """The chart's figures as a table (year, said, asked, about it together, mentioned
    in passing), folded."""
    body = "".join(
        f'<tr><th scope="row">{escape(year)}</th><td>{said}</td><td>{asked}</td>'
        f"<td>{said + asked}</td><td>{mentioned}</td></tr>"
        for year, said, asked, mentioned in rows
    )
    return (
        '<details class="tx-chart-data"><summary>The figures as a table</summary>'
        f"<table><caption>{escape(title)}</caption>"
        '<thead><tr><th scope="col">Year</th><th scope="col">Said by speakers</th>'
        '<th scope="col">In questions</th><th scope="col">About it together</th>'
        '<th scope="col">Mentioned in passing</th></tr></thead>'
        f"<tbody>{body}</tbody></table></details>"
    )
