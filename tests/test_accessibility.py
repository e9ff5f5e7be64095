"""Accessibility in a real browser: axe-core (WCAG 2.0–2.2, A and AA) on every kind of
page, light and dark, desktop and phone, with the search open; keyboard walks through
the search, the paragraph menu, the colour-scheme switch and the pages of a long topic;
what a screen reader is told about turns, paragraph links and charts; the printed page.

axe-core is the copy bundled with axe-playwright-python (pinned in constraints.txt):
nothing is fetched at test time. ``benchmarks/bench_accessibility.py`` prints the counts
these tests require to be zero.
"""

from __future__ import annotations

import base64
import contextlib
import functools
import http.server
import re
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import synthetic
from conftest import _REPORTS, PROJECT, SAMPLE_ID

from generator.build import Paths, build
from generator.yamlio import dump

# The WCAG 2.0, 2.1 and 2.2 success criteria of levels A and AA; best practices are not
# asked for.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

# A page of each kind, by kind, in the sample site.
SAMPLE_PAGES = {
    "home": "/",
    "transcripts": "/transcripts/",
    "year": "/transcripts/2016/",
    "transcript": f"/transcripts/{SAMPLE_ID}/",
    "topic": "/topics/japan/",
    "topic's mentions": "/topics/japan/mentions/",
    "speaker": "/speakers/sergey-lavrov/",
    "about": "/about/",
    "404": "/404.html",
}
VIEWS = {
    "desktop": {"viewport": {"width": 1280, "height": 900}},
    "phone": {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True},
}
SCHEMES = {"light": ("light", "default"), "dark": ("dark", "slate")}


@contextlib.contextmanager
def serve(folder: Path) -> Iterator[str]:
    """``folder`` served over HTTP on a free local port; yields its base URL."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    handler = functools.partial(Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


def new_page(browser, view: str = "desktop", scheme: str = "light"):
    """A page in a fresh context of the ``view`` size, the reader's system set to
    ``scheme``: Material then opens the matching palette."""
    context = browser.new_context(**VIEWS[view], color_scheme=SCHEMES[scheme][0])
    return context.new_page()


def axe(page) -> list[dict]:
    """axe-core's WCAG A and AA violations on ``page`` as it is now."""
    from axe_playwright_python.sync_playwright import Axe

    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    return Axe().run(page, options=options).response["violations"]


def report(violations: list[dict]) -> str:
    """One line per failing element: rule, element, axe's reason."""
    lines = []
    for violation in violations:
        for node in violation["nodes"]:
            lines.append(f"{violation['id']}: {' '.join(map(str, node['target']))}: "
                         f"{node.get('failureSummary', '').splitlines()[-1].strip()}")
    return "\n".join(lines)


def open_search(page, view: str, term: str) -> None:
    """Open the header search, search ``term``, wait for results and open the filters."""
    if view == "phone":
        page.click("label.md-header__button[for=__search]")
        page.wait_for_selector("[data-tx-search-input]", state="visible")
    else:
        page.click("[data-tx-search-input]")
    page.fill("[data-tx-search-input]", term)
    page.wait_for_selector(".tx-search__hit", timeout=15000)
    page.click("[data-tx-search-filters] summary")
    page.wait_for_function(
        "() => document.querySelectorAll('select[data-tx-filter=year] option').length > 1"
    )


def visit(page, base: str, path: str, scheme: str) -> None:
    """Open ``path`` and wait until the page and Material's palette are in place."""
    page.goto(base + path)
    page.wait_for_load_state("load")
    if page.locator("body[data-md-color-scheme]").count():
        expected = SCHEMES[scheme][1]
        page.wait_for_function(
            f"() => document.body.getAttribute('data-md-color-scheme') === '{expected}'"
        )


# --- the sites ---------------------------------------------------------------------------

# A small made-up archive: eight made-up news conferences, long enough that a topic and a
# speaker run to several pages (200 passages a page: their last pages are checked, with
# the pager; the sample checks what else the first pages hold), one of them renamed, so
# that its old address is a redirect page, and a short interview whose topic is asked
# about (a chart of what was said and asked; a speaker page with questions put to him).
SYNTHETIC_OLD_ID = "2019-02-02-made-up-old-name"
SYNTHETIC_ID = synthetic.transcript(1, 80)["id"]
INTERVIEW = {
    "id": "2018-05-05-firefly-freedonia", "title": "Made-up interview with Rufus Firefly",
    "date": "2018-05-05", "place": "Freedonia", "event": "interview",
    "source": {"publisher": "Freedonia Broadcasting"},
    "participants": [{"speaker": "rufus-firefly"}],
    "turns": [
        {"speaker": None, "kind": "question", "to": ["rufus-firefly"],
         "paragraphs": ["Will the zeppelins fly?"]},
        {"speaker": "rufus-firefly", "kind": "answer",
         "paragraphs": ["The zeppelins fly tomorrow.", "That is all."]},
    ],
}
ZEPPELINS = {"id": "zeppelins", "title": "Zeppelins", "kind": "issue",
             "description": "Airships.", "patterns": ["zeppelins"]}
SYNTHETIC_PAGES = {
    "home": "/",
    "transcripts": "/transcripts/",
    "year": "/transcripts/2019/",
    "transcript": f"/transcripts/{SYNTHETIC_ID}/",
    "topic": "/topics/zeppelins/",
    "topic, last page": "/topics/testing/page-2/",
    "topic no passage is about": "/topics/fixtures/",
    "topic's mentions": "/topics/fixtures/mentions/",
    "speaker": "/speakers/rufus-firefly/",
    "speaker, last page": "/speakers/ivan-testov/page-4/",
    "about": "/about/",
    "404": "/404.html",
    "redirect": f"/transcripts/{SYNTHETIC_OLD_ID}/",
    "transcript with a line said before": "/transcripts/2019-06-01-fictown-briefing-3/",
    "talking points": "/talking-points/",
    "talking points, newest first": "/talking-points/newest/",
    "speaker's talking points": "/speakers/ivan-testov/talking-points/",
}


@pytest.fixture(scope="session")
def synthetic_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The small synthetic archive, built and served; yields its base URL."""
    root = tmp_path_factory.mktemp("synthetic-a11y")
    files = synthetic.files(8, 80)
    renamed = synthetic.transcript(1, 80)
    renamed["former_ids"] = [SYNTHETIC_OLD_ID]
    files[f"transcripts/{renamed['id']}.yaml"] = dump(renamed)
    files[f"transcripts/{INTERVIEW['id']}.yaml"] = dump(INTERVIEW)
    files["topics.yaml"] = dump({"topics": [*synthetic.TOPICS["topics"], ZEPPELINS]})
    files.update((path, text) for path, text in synthetic.talking_files().items()
                 if path.startswith("transcripts/"))  # (a line said three times)
    content = synthetic.write(root / "content", files)
    paths = Paths.for_(content, root / "site")
    build(paths)
    with serve(paths.out) as base:
        yield base


@pytest.fixture
def open_page(browser, request):
    """Opens pages in fresh contexts (a view, a colour scheme, more context options); a
    failing test leaves a screenshot of each in test-screenshots/."""
    opened = []

    def opener(view: str = "desktop", scheme: str = "light", **options):
        context = browser.new_context(**VIEWS[view], color_scheme=SCHEMES[scheme][0], **options)
        opened.append(context.new_page())
        return opened[-1]

    yield opener
    report = request.node.stash.get(_REPORTS, {}).get("call")
    if report is not None and report.failed:
        for number, page in enumerate(opened):
            if not page.is_closed():
                screenshot(page, request.node.name + (f"-{number}" if number else ""))
    for page in opened:
        page.context.close()


def screenshot(page, name: str) -> None:
    """A full-page screenshot in test-screenshots/, as every failing browser test leaves."""
    from playwright.sync_api import Error

    folder = PROJECT / "test-screenshots"
    folder.mkdir(exist_ok=True)
    safe = re.sub(r"[^\w.-]+", "-", name)
    try:
        page.screenshot(path=str(folder / f"{safe}.png"), full_page=True, timeout=10_000)
    except Error:  # a page that cannot be pictured must not hide the failure itself
        pass


def visit_redirect(page, base: str, path: str) -> None:
    """Open a redirect page and stay on it. Its script would leave at once and stop the
    page being read, so it is served with a policy that blocks its script (the page's
    bytes unchanged); the address its refresh then sends the reader to answers "204 No
    Content", which a browser does not navigate to."""

    def without_scripts(route) -> None:
        response = route.fetch()
        route.fulfill(response=response, headers={
            **response.headers, "content-security-policy": "script-src 'none'"})

    page.route(lambda url: url.endswith(path), without_scripts)
    page.route(lambda url: not url.endswith(path) and "/transcripts/" in url,
               lambda route: route.fulfill(status=204))
    page.goto(base + path)
    page.get_by_text("This page has moved").wait_for()


def axe_on(page, base: str, kind: str, path: str, view: str, scheme: str,
           term: str) -> list[dict]:
    """axe-core's violations on one page of ``kind``: a redirect is followed, and the
    "search open" kind opens the search box showing results for ``term``."""
    if kind == "redirect":
        visit_redirect(page, base, path)
    else:
        visit(page, base, path, scheme)
    if kind == "search open":
        open_search(page, view, term)
    return axe(page)


def axe_walk(open_page, request, base: str, pages: dict[str, str], view: str, scheme: str,
             term: str) -> dict[str, str]:
    """axe-core on each of ``pages`` and on the home page with the search open showing
    results and filters: page kind → report of its violations (only kinds with some)."""
    page = open_page(view, scheme)
    failures = {}
    for kind, path in {**pages, "search open": "/"}.items():
        violations = axe_on(page, base, kind, path, view, scheme, term)
        if violations:
            failures[kind] = report(violations)
            screenshot(page, f"{request.node.name}-{kind}")
        page.unroute_all()
    return failures


# --- 1. axe-core: no WCAG A or AA violation -----------------------------------------------

COMBINATIONS = [(s, v) for s in SCHEMES for v in VIEWS]
BY_SCHEME_AND_VIEW = pytest.mark.parametrize(
    ("scheme", "view"), COMBINATIONS, ids=[f"{s}-{v}" for s, v in COMBINATIONS]
)


@BY_SCHEME_AND_VIEW
def test_no_axe_violation_on_the_sample(served_site, open_page, request, scheme, view) -> None:
    failures = axe_walk(open_page, request, served_site, SAMPLE_PAGES, view, scheme, "treaty")
    assert not failures, "\n".join(f"{kind}:\n{text}" for kind, text in failures.items())


# Both schemes and both widths, in two walks rather than four: the sample's walks take
# every pairing, and each walk costs some twenty seconds.
@pytest.mark.parametrize(("scheme", "view"), [("light", "desktop"), ("dark", "phone")],
                         ids=["light-desktop", "dark-phone"])
def test_no_axe_violation_on_a_synthetic_archive(synthetic_site, open_page, request, scheme,
                                                 view) -> None:
    failures = axe_walk(open_page, request, synthetic_site, SYNTHETIC_PAGES, view, scheme,
                        "fixtures")
    assert not failures, "\n".join(f"{kind}:\n{text}" for kind, text in failures.items())


# --- 2. keyboard --------------------------------------------------------------------------

FOCUS_SHOWN = """() => {
  const element = document.activeElement;
  // The colour-scheme switch is a hidden radio button: its ring is on its visible label.
  const shown = element.matches('input.md-option') ? element.nextElementSibling : element;
  const style = getComputedStyle(shown);
  return (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) ||
    style.boxShadow !== 'none';
}"""
# WCAG 2.4.11: the focused element is not hidden under something else (the sticky header):
# what covers it, or null.
FOCUS_COVERED_BY = """() => {
  const element = document.activeElement;
  if (element.matches('input.md-option')) return null;
  const box = element.getBoundingClientRect();
  if (!box.width || !box.height) return null;
  const x = Math.min(Math.max(box.left + box.width / 2, 0), innerWidth - 1);
  const y = Math.min(Math.max(box.top + box.height / 2, 0), innerHeight - 1);
  const there = document.elementFromPoint(x, y);
  const fine = !!there && (element.contains(there) || there.contains(element) ||
    [...(element.labels || [])].some(l => l.contains(there)));
  return fine ? null : (there ? there.outerHTML.slice(0, 120) : 'nothing');
}"""
ACTIVE = """() => {
  const e = document.activeElement;
  const classes = typeof e.className === 'string' ? e.className.trim().split(/\\s+/) : [];
  return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') +
    classes.filter(Boolean).map(c => '.' + c).join('');
}"""


def tab_to(page, selector: str, limit: int = 80, key: str = "Tab") -> None:
    """Press Tab until the focus is on ``selector``; every element passed on the way shows
    that it has the focus, and is not covered."""
    passed = []
    for _ in range(limit):
        page.keyboard.press(key)
        here = page.evaluate(ACTIVE)
        passed.append(here)
        assert page.evaluate(FOCUS_SHOWN), f"no visible focus on {here}"
        if page.evaluate(FOCUS_COVERED_BY):
            # Once more after Material's transitions (the search's overlay fades out in
            # 250 ms, its results box scrolls smoothly).
            page.wait_for_timeout(400)
            cover = page.evaluate(FOCUS_COVERED_BY)
            assert not cover, f"{here} has the focus under {cover}"
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}; passed: {passed}")


def focused(page, selector: str) -> bool:
    return page.evaluate("s => document.activeElement.matches(s)", selector)


def test_keyboard_walks_through_the_search(synthetic_site, open_page) -> None:
    page = open_page()
    page.goto(synthetic_site + "/")
    tab_to(page, "[data-tx-search-input]")
    page.keyboard.type("fixtures")
    page.wait_for_selector(".tx-search__hit", timeout=15000)
    assert page.is_checked("#__search")
    assert page.locator("[data-tx-search-meta]").get_attribute("role") == "status"
    # The filters: open them with Enter, choose a speaker with the arrow keys.
    tab_to(page, "[data-tx-search-filters] summary")
    page.keyboard.press("Enter")
    page.wait_for_function(
        "() => document.querySelectorAll('select[data-tx-filter=speaker] option').length > 1"
    )
    tab_to(page, "select[data-tx-filter=speaker]")
    page.keyboard.press("ArrowDown")
    assert page.input_value("select[data-tx-filter=speaker]") == "Ivan Testov"
    page.wait_for_selector(".tx-search__hit")
    # The results, then "More results": its new results take the focus.
    tab_to(page, ".tx-search__hit")
    first = page.evaluate("() => document.activeElement.href")
    page.keyboard.press("ArrowDown")
    assert focused(page, ".tx-search__hit")
    assert page.evaluate("() => document.activeElement.href") != first
    page.keyboard.press("ArrowUp")
    assert page.evaluate("() => document.activeElement.href") == first
    shown = page.locator(".tx-search__result").count()
    tab_to(page, ".tx-search__more button")
    page.keyboard.press("Enter")
    page.wait_for_function(
        f"() => document.querySelectorAll('.tx-search__result').length > {shown}"
    )
    assert focused(page, ".tx-search__hit")
    assert page.evaluate(
        "() => [...document.querySelectorAll('.tx-search__result')]"
        ".indexOf(document.activeElement.closest('.tx-search__result'))"
    ) == shown
    assert page.evaluate(FOCUS_SHOWN)
    # Escape closes the search and gives the focus back to the box.
    page.keyboard.press("Escape")
    assert not page.is_checked("#__search")
    assert focused(page, "[data-tx-search-input]")
    # Enter on a result opens it.
    page.keyboard.press("ArrowDown")
    page.wait_for_selector(".tx-search__hit")
    tab_to(page, ".tx-search__hit")
    target = page.evaluate("() => document.activeElement.href")
    page.keyboard.press("Enter")
    page.wait_for_url(target)


def test_keyboard_opens_and_closes_the_search_on_a_phone(served_site, open_page) -> None:
    page = open_page("phone")
    page.goto(f"{served_site}/transcripts/{SAMPLE_ID}/")
    tab_to(page, "label[for=__search][role=button]")
    assert page.get_by_role("button", name="Search").is_visible()
    page.keyboard.press("Enter")
    assert page.is_checked("#__search")
    assert focused(page, "[data-tx-search-input]")
    page.keyboard.type("Palmyra")
    page.wait_for_selector(".tx-search__hit", timeout=15000)
    tab_to(page, ".tx-search__hit")
    page.keyboard.press("Escape")
    assert not page.is_checked("#__search")
    assert focused(page, "label[for=__search][role=button]")


def test_keyboard_uses_the_paragraph_menu(served_site, open_page) -> None:
    page = open_page(permissions=["clipboard-read", "clipboard-write"])
    page.goto(f"{served_site}/transcripts/{SAMPLE_ID}/")
    page.focus("#p2 a.tx-para__link")
    tab_to(page, "#p3 a.tx-para__link")
    link = page.locator("#p3 a.tx-para__link")
    assert link.get_attribute("aria-expanded") == "false"
    page.keyboard.press("Enter")
    menu = page.get_by_role("dialog", name="Link and citation for paragraph 3")
    assert menu.is_visible()
    assert link.get_attribute("aria-expanded") == "true"
    url = f"{served_site}/transcripts/{SAMPLE_ID}/#p3"
    address = menu.get_by_label("Link to this paragraph", exact=True)
    assert focused(page, "#p3 .tx-menu textarea") and address.input_value() == url
    # Each copy button, in turn, copies its text.
    for name, cite in [("link to this paragraph", "link"), ("cite", "plain"),
                       ("bibtex", "bibtex")]:
        tab_to(page, f"#p3 .tx-menu [aria-label='Copy {name}']")
        page.keyboard.press("Enter")
        button = menu.get_by_role("button", name=f"Copy {name}")
        page.wait_for_function(
            "b => b.textContent === 'Copied'", arg=button.element_handle()
        )
        field = menu.locator(f"[data-cite={cite}] textarea")
        assert page.evaluate("() => navigator.clipboard.readText()") == field.input_value()
    assert "copied" in menu.get_by_role("status").inner_text()
    # Escape closes the menu and gives the focus back to the ¶.
    page.keyboard.press("Escape")
    assert page.locator(".tx-menu").count() == 0
    assert focused(page, "#p3 a.tx-para__link")
    assert link.get_attribute("aria-expanded") == "false"
    assert page.evaluate(FOCUS_SHOWN)
    # Back up the page, the focus is never under the sticky header.
    page.focus("#p20 a.tx-para__link")
    tab_to(page, "#p1 a.tx-para__link", limit=200, key="Shift+Tab")


def test_keyboard_switches_the_colour_scheme(served_site, open_page) -> None:
    page = open_page()
    page.goto(f"{served_site}/")
    tab_to(page, "input.md-option")
    assert page.locator("body").get_attribute("data-md-color-scheme") == "default"
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.body.getAttribute('data-md-color-scheme') === 'slate'")
    assert focused(page, "input.md-option") and page.evaluate(FOCUS_SHOWN)
    page.keyboard.press(" ")
    page.wait_for_function(
        "() => document.body.getAttribute('data-md-color-scheme') === 'default'"
    )


def test_keyboard_follows_the_pages_of_a_long_topic(synthetic_site, open_page) -> None:
    page = open_page()
    page.goto(f"{synthetic_site}/topics/testing/")
    current = page.get_by_role("navigation", name="Pages").first.locator("[aria-current=page]")
    assert current.inner_text() == "1"
    tab_to(page, ".tx-pages a", limit=200)
    page.keyboard.press("Enter")
    page.wait_for_url("**/topics/testing/page-2/")
    current = page.get_by_role("navigation", name="Pages").first.locator("[aria-current=page]")
    assert current.inner_text() == "2"


# --- 3. what a screen reader is told ------------------------------------------------------

def test_turns_are_announced_with_their_kind_and_speaker(served_site, open_page) -> None:
    page = open_page()
    page.goto(f"{served_site}/transcripts/{SAMPLE_ID}/")
    names = page.locator("section.tx-turn").evaluate_all(
        "turns => turns.map(t => [t.className, t.getAttribute('role'),"
        " t.getAttribute('aria-label')])"
    )
    assert names and all(role == "group" for _, role, _ in names)
    kinds = {"question": "Question", "answer": "Answer", "statement": "Statement",
             "omitted": "Not in the source", "remark": "Remark", "note": "Note"}
    for classes, _, name in names:
        kind = re.search(r"tx-turn--(\w+)", classes)[1]
        assert name.startswith(kinds[kind]), (classes, name)
    assert page.get_by_role("group", name="Question, Journalist", exact=True).count() == 3
    assert page.get_by_role("group", name="Statement, Sergey Lavrov", exact=True).count() >= 1
    assert page.get_by_role("group", name="Answer, Sergey Lavrov", exact=True).count() >= 1
    assert page.get_by_role("group", name="Not in the source, Fumio Kishida",
                            exact=True).count() == 3


def test_paragraph_links_say_which_paragraph(served_site, open_page) -> None:
    page = open_page()
    page.goto(f"{served_site}/transcripts/{SAMPLE_ID}/")
    ids = page.locator(".tx-para").evaluate_all("ps => ps.map(p => p.id)")
    assert len(ids) == 20
    for ident in ids:
        link = page.get_by_role("link", name=f"Paragraph {ident[1:]}", exact=True)
        assert link.count() == 1 and link.get_attribute("href") == f"#{ident}"
    # The page holds empty links: the stylesheet draws the ¶, archive.js adds the title
    # (Material shows it as a tooltip, on hover as on focus).
    signs = page.locator("a.tx-para__link").evaluate_all(
        "links => links.map(a => [a.textContent, getComputedStyle(a, '::before').content])")
    assert signs == [["", '"¶"']] * len(ids)
    page.hover("#p3 a.tx-para__link")
    tooltip = page.locator(".md-tooltip2", has_text="Link to this paragraph, and how to cite it")
    tooltip.wait_for()
    assert tooltip.is_visible()


def test_charts_have_their_figures_as_text(served_site, open_page) -> None:
    page = open_page()
    page.goto(f"{served_site}/topics/japan/")
    chart = page.get_by_role("img", name="Japan: paragraphs per year", exact=True)
    assert chart.count() == 1
    description = chart.evaluate("svg => document.getElementById("
                                 "svg.getAttribute('aria-describedby')).textContent")
    page.get_by_text("The figures as a table").click()
    table = page.get_by_role("table", name="Japan: paragraphs per year")
    rows = table.locator("tbody tr").evaluate_all(
        "rows => rows.map(r => [...r.cells].map(c => c.textContent))"
    )
    assert rows and all(len(row) == 5 for row in rows)
    for year, said, asked, together, mentioned in rows:
        assert (f"{year}: {said} said by speakers, {asked} in questions, "
                f"{mentioned} mentioned in passing") in description
        assert int(said) + int(asked) == int(together)
    passages = page.locator(".tx-meta li", has_text="Passages about it:").inner_text()
    assert sum(int(row[3]) for row in rows) == int(passages.split(":")[1])
    mentions = page.locator(".tx-meta li", has_text="Mentioned in passing:").inner_text()
    assert sum(int(row[4]) for row in rows) == int(mentions.split(":")[1].split()[0])


def test_every_page_declares_its_language(sample_site, synthetic_site, open_page) -> None:
    from bs4 import BeautifulSoup

    files = list(sample_site.out.rglob("*.html"))
    assert len(files) > 50
    for file in files:
        html = BeautifulSoup(file.read_text("utf-8"), "html.parser").html
        assert html is not None and html.get("lang") == "en", file
    page = open_page()
    visit_redirect(page, synthetic_site, SYNTHETIC_PAGES["redirect"])
    assert page.evaluate("() => document.documentElement.lang") == "en"
    assert page.get_by_role("link").inner_text() == "Made-up news conference number 1"


# --- 4. print -----------------------------------------------------------------------------

PRIMARY = (0x40, 0x51, 0xB5)  # the header and tabs' indigo


def header_rows(page, png: bytes) -> int:
    """Rows of ``png`` at least half of whose pixels are the header's indigo (the header
    and the tabs are such bands; an answer's indigo left border is not), counted on a
    canvas in ``page``."""
    return page.evaluate(
        """async ([data, [r, g, b]]) => {
          const image = new Image();
          image.src = 'data:image/png;base64,' + data;
          await image.decode();
          const canvas = document.createElement('canvas');
          canvas.width = image.width; canvas.height = image.height;
          const context = canvas.getContext('2d');
          context.drawImage(image, 0, 0);
          const pixels = context.getImageData(0, 0, image.width, image.height).data;
          let rows = 0;
          for (let y = 0; y < image.height; y++) {
            let count = 0;
            for (let i = y * image.width * 4; i < (y + 1) * image.width * 4; i += 4) {
              if (Math.abs(pixels[i] - r) + Math.abs(pixels[i + 1] - g) +
                  Math.abs(pixels[i + 2] - b) < 24) count++;
            }
            if (count * 2 > image.width) rows++;
          }
          return rows;
        }""",
        [base64.b64encode(png).decode(), list(PRIMARY)],
    )


def test_a_printed_transcript_has_its_text_and_no_navigation(served_site, open_page) -> None:
    page = open_page()
    page.goto(f"{served_site}/transcripts/{SAMPLE_ID}/")
    on_screen = page.screenshot()
    # What a reader may have open when printing: a paragraph menu and the search.
    page.click("#p3 a.tx-para__link")
    page.wait_for_selector(".tx-menu")
    page.click("[data-tx-search-input]")
    page.emulate_media(media="print")
    for selector in [".md-header", ".md-tabs", ".md-sidebar--primary", ".md-sidebar--secondary",
                     ".md-search", "[data-tx-search]", ".tx-menu", ".md-footer", "nav"]:
        shown = [e for e in page.locator(selector).all() if e.is_visible()]
        assert not shown, f"{selector} is printed"
    assert page.locator("h1").is_visible()
    meta = page.locator(".tx-meta").inner_text()
    for field in ["Date: 15 April 2016", "Place: Tokyo", "Source: Ministry of Foreign Affairs",
                  "Participants: Sergey Lavrov", "Fumio Kishida"]:
        assert field in meta
    assert page.locator(".tx-turn__head", has_text="Sergey Lavrov").first.is_visible()
    texts = page.locator(".tx-para__text")
    assert texts.count() == 20 and all(t.is_visible() for t in texts.all())
    permalinks = page.locator("a.tx-para__link").evaluate_all(
        "links => links.map(a => getComputedStyle(a, '::after').content)"
    )
    assert permalinks[2] == f'" https://transcripts.example.org/transcripts/{SAMPLE_ID}/#p3"'
    assert all(f"/transcripts/{SAMPLE_ID}/#p" in text for text in permalinks)
    printed = page.screenshot(full_page=True)
    assert header_rows(page, on_screen) >= 40, "the check finds the header on screen"
    assert header_rows(page, printed) == 0, "the printed page shows the header or tabs"
