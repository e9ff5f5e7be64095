"""Static SVG charts, made at build time: no JavaScript, readable in light and dark mode.

Colours come from the theme's CSS variables, so the same SVG follows the reader's
colour scheme. Every label is escaped.
"""

from __future__ import annotations

from html import escape

from markupsafe import Markup

BAR, GAP, HEIGHT, TOP, BOTTOM, LEFT = 26, 10, 110, 16, 22, 8


def year_chart(title: str, rows: list[tuple[str, int, int]]) -> Markup:
    """A bar per year, stacked: what speakers said (``said``) and what was asked.

    ``rows`` holds (year, said, asked) in chronological order.
    """
    if not rows:
        return Markup("")
    peak = max(said + asked for _, said, asked in rows) or 1
    width = LEFT * 2 + len(rows) * (BAR + GAP)
    total = TOP + HEIGHT + BOTTOM
    parts = [
        f'<svg class="tx-chart" role="img" viewBox="0 0 {width} {total + 18}" '
        f'width="{width}" height="{total + 18}" aria-labelledby="chart-title">',
        f'<title id="chart-title">{escape(title)}</title>',
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
    return Markup("".join(parts))
