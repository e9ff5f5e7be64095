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


def year_chart(title: str, rows: list[tuple[str, int, int]], ident: str = "chart") -> Markup:
    """A bar per year, stacked: what speakers said (``said``) and what was asked, then a
    folded table of the same figures.

    ``rows`` holds (year, said, asked) in chronological order; ``ident`` makes the ids
    of the chart's title and description (unique on the page).
    """
    if not rows:
        return Markup("")
    peak = max(said + asked for _, said, asked in rows) or 1
    width = LEFT * 2 + len(rows) * (BAR + GAP)
    total = TOP + HEIGHT + BOTTOM
    figures = "; ".join(f"{year}: {said} said by speakers, {asked} in questions"
                        for year, said, asked in rows)
    parts = [
        f'<svg class="tx-chart" role="img" viewBox="0 0 {width} {total + 18}" '
        f'width="{width}" height="{total + 18}" '
        f'aria-labelledby="{ident}-title" aria-describedby="{ident}-desc">',
        f'<title id="{ident}-title">{escape(title)}</title>',
        f'<desc id="{ident}-desc">{escape(figures)}.</desc>',
    ]
    for index, (year, said, asked) in enumerate(rows):
        x = LEFT + index * (BAR + GAP)
        said_h = round(HEIGHT * said / peak)
        asked_h = round(HEIGHT * asked / peak)
        base = TOP + HEIGHT
        label = f"{year}: {said} said by speakers, {asked} in questions"
        parts.append(f"<g><title>{escape(label)}</title>")
        if said_h:
            parts.append(f'<rect class="tx-chart__said" x="{x}" y="{base - said_h}" '
                         f'width="{BAR}" height="{said_h}"/>')
        if asked_h:
            parts.append(f'<rect class="tx-chart__asked" x="{x}" y="{base - said_h - asked_h}" '
                         f'width="{BAR}" height="{asked_h}"/>')
        parts.append(f'<text class="tx-chart__count" x="{x + BAR / 2}" '
                     f'y="{base - said_h - asked_h - 4}">{said + asked}</text>')
        parts.append(f'<text class="tx-chart__year" x="{x + BAR / 2}" y="{base + 15}">'
                     f"{escape(year)}</text></g>")
    legend_y = total + 10
    parts.append(f'<rect class="tx-chart__said" x="{LEFT}" y="{legend_y - 8}" width="10" '
                 'height="10"/>')
    parts.append(f'<text class="tx-chart__legend" x="{LEFT + 14}" y="{legend_y}">said</text>')
    parts.append(f'<rect class="tx-chart__asked" x="{LEFT + 50}" y="{legend_y - 8}" '
                 'width="10" height="10"/>')
    parts.append(f'<text class="tx-chart__legend" x="{LEFT + 64}" y="{legend_y}">asked</text>')
    parts.append("</svg>")
    parts.append(figure_table(title, rows))
    return Markup("".join(parts))


def figure_table(title: str, rows: list[tuple[str, int, int]]) -> str:
    """The chart's figures as a table (year, said, asked, together), folded."""
    body = "".join(
        f'<tr><th scope="row">{escape(year)}</th><td>{said}</td><td>{asked}</td>'
        f"<td>{said + asked}</td></tr>"
        for year, said, asked in rows
    )
    return (
        '<details class="tx-chart-data"><summary>The figures as a table</summary>'
        f"<table><caption>{escape(title)}</caption>"
        '<thead><tr><th scope="col">Year</th><th scope="col">Said by speakers</th>'
        '<th scope="col">In questions</th><th scope="col">Together</th></tr></thead>'
        f"<tbody>{body}</tbody></table></details>"
    )
