"""Benchmark (not a test): axe-core's WCAG 2.0–2.2 A and AA failures, per page kind.

Builds the sample (content/), or with --synthetic the small made-up archive of
tests/test_accessibility.py, unless --site names a built site; serves it on a local
port and runs axe-core (the copy bundled with axe-playwright-python) in Debian's
chromium on a page of every kind, in the light and the dark scheme, at desktop and phone
widths, and on the home page with the search open showing results and filters. Prints
the failing elements per page kind and view, then per rule. Asserts nothing:
tests/test_accessibility.py asserts there are none.

    .venv/bin/python benchmarks/bench_accessibility.py [--synthetic] [--site DIR]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from test_accessibility import (  # noqa: E402
    SAMPLE_PAGES,
    SCHEMES,
    SYNTHETIC_PAGES,
    VIEWS,
    axe_on,
    new_page,
    serve,
)


def measure(site: Path, pages: dict[str, str],
            term: str) -> tuple[dict[tuple[str, str], int], Counter[str]]:
    """(page kind, "scheme view") → failing elements, and failing elements per rule."""
    from playwright.sync_api import sync_playwright

    cells: dict[tuple[str, str], int] = {}
    rules: Counter[str] = Counter()
    pages = {**pages, "search open": "/"}
    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=shutil.which("chromium") or "/usr/bin/chromium",
            args=["--headless", "--no-sandbox", "--disable-gpu",
                  "--disable-background-networking"],
        )
        for scheme in SCHEMES:
            for view in VIEWS:
                for kind, path in pages.items():
                    page = new_page(browser, view, scheme)
                    violations = axe_on(page, base, kind, path, view, scheme, term)
                    cells[kind, f"{scheme} {view}"] = sum(len(v["nodes"]) for v in violations)
                    rules.update({v["id"]: len(v["nodes"]) for v in violations})
                    page.context.close()
        browser.close()
    return cells, rules


def build_site(work: Path, synthetic: bool) -> Path:
    """Build the sample, or the synthetic archive, under ``work``; the site's folder."""
    from generator.build import Paths, build

    if synthetic:
        import test_accessibility
        from synthetic import files, write

        from generator.yamlio import dump

        contents = files(8, 80)
        renamed = test_accessibility.synthetic.transcript(1, 80)
        renamed["former_ids"] = [test_accessibility.SYNTHETIC_OLD_ID]
        contents[f"transcripts/{renamed['id']}.yaml"] = dump(renamed)
        interview = test_accessibility.INTERVIEW
        contents[f"transcripts/{interview['id']}.yaml"] = dump(interview)
        contents["topics.yaml"] = dump({"topics": [
            *test_accessibility.synthetic.TOPICS["topics"], test_accessibility.ZEPPELINS]})
        content = write(work / "content", contents)
    else:
        content = work / "content"
        shutil.copytree(ROOT / "content", content)
    build(Paths.for_(content, work / "site"))
    return work / "site"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build one)")
    parser.add_argument("--synthetic", action="store_true",
                        help="the synthetic archive's pages instead of the sample's")
    args = parser.parse_args()
    pages, term = (SYNTHETIC_PAGES, "fixtures") if args.synthetic else (SAMPLE_PAGES, "treaty")
    with tempfile.TemporaryDirectory(prefix="bench-a11y-") as work:
        site = args.site or build_site(Path(work), args.synthetic)
        cells, rules = measure(site, pages, term)
    columns = [f"{s} {v}" for s in SCHEMES for v in VIEWS]
    kinds = list(dict.fromkeys(kind for kind, _ in cells))
    print("| page | " + " | ".join(columns) + " | total |")
    print("| --- " * (len(columns) + 2) + "|")
    for kind in kinds:
        row = [cells[kind, c] for c in columns]
        print(f"| {kind} | " + " | ".join(map(str, row)) + f" | {sum(row)} |")
    totals = [sum(cells[k, c] for k in kinds) for c in columns]
    print("| all | " + " | ".join(map(str, totals)) + f" | {sum(totals)} |")
    print()
    print("| rule | failing elements |")
    print("| --- | --- |")
    for rule, count in rules.most_common():
        print(f"| {rule} | {count} |")
    print(f"| all | {sum(rules.values())} |")


if __name__ == "__main__":
    main()
