"""Benchmark (not a test): bytes one search downloads on the full corpus, cold cache.

Builds (b) — the 1,196 corpus transcripts — unless --site names a built site, serves it
on a local port, and for each query opens a fresh browser (Debian's chromium through
Playwright), types the query in the header box and counts every byte fetched from the
first keystroke until the results are shown. The page itself is loaded before counting:
what is measured is the query. Prints figures; asserts nothing.

    make bench-search
    .venv/bin/python benchmarks/bench_search.py --site /tmp/site
"""

from __future__ import annotations

import argparse
import functools
import http.server
import shutil
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

QUERIES = [
    "inflation",
    "Korean Peninsula",
    "porosity of the Turkish border",
    "supply chain",
    "Ukraine",
]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def _count(fetched: list[int], request) -> None:  # type: ignore[no-untyped-def]
    fetched.append(request.sizes()["responseBodySize"])


def measure(site: Path) -> list[tuple[str, int, int]]:
    """(query, bytes fetched, results shown) for each query, each in a cold browser."""
    from playwright.sync_api import sync_playwright

    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    rows = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=shutil.which("chromium") or "/usr/bin/chromium",
            args=["--headless", "--no-sandbox", "--disable-gpu",
                  "--disable-background-networking"],
        )
        for query in QUERIES:
            context = browser.new_context()
            page = context.new_page()
            page.goto(f"{base}/")
            page.wait_for_load_state("networkidle")
            fetched: list[int] = []
            page.on("requestfinished",
                    functools.partial(_count, fetched))
            page.click("[data-tx-search-input]")
            page.fill("[data-tx-search-input]", query)
            page.wait_for_selector("[data-tx-search-meta]:not(:has-text('Type to search'))")
            page.wait_for_load_state("networkidle")
            rows.append((query, sum(fetched), page.locator(".tx-search__hit").count()))
            context.close()
        browser.close()
    server.shutdown()
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build (b) now)")
    args = parser.parse_args()
    folder = None
    site = args.site
    if site is None:
        from bench_build import build, corpus

        folder = Path(tempfile.mkdtemp(prefix="bench-search-"))
        content, count, _ = corpus(folder)
        build(content, folder / "site")
        site = folder / "site"
        print(f"built {count} transcripts")
    try:
        pages = len(list((site / "transcripts").glob("*/index.html")))
        index = sum(p.stat().st_size for p in (site / "pagefind").rglob("*") if p.is_file())
        print(f"{pages} transcript pages; Pagefind bundle {index / 1e6:.1f} MB on disk")
        print("| query | KB downloaded (cold) | results shown |")
        print("| --- | --- | --- |")
        for query, size, shown in measure(site):
            print(f"| {query} | {size / 1024:.0f} | {shown} |")
    finally:
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
