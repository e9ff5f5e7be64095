"""The search index: Pagefind, run over the transcript pages before the site is swapped in.

Pagefind splits the index into small chunks, so a query downloads a few hundred KB
whatever the size of the archive. Only transcript pages are indexed (their turns are
marked ``data-pagefind-body``); paragraphs (``p<N>``) and speakers (``t<N>-speaker``)
carry ids, which Pagefind reports as anchors so that a result can open the exact
paragraph.

Everything Pagefind reads of a page is inside its ``data-pagefind-body``, which is the
generator's HTML fragment as it is: so a build indexes the fragments, each in a bare page
at its site address, while MkDocs renders the theme around them (``start`` and
``finish``), rather than waiting for MkDocs and reading the whole site after it. The
records are the same (``tests/test_search.py``).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import threading
import time
from html import escape
from pathlib import Path

from generator.errors import BuildError

GLOB = "transcripts/*/index.html"
"""The pages Pagefind reads: only transcript pages carry data-pagefind-body; reading just
them spares Pagefind parsing the topic and speaker pages, which quote the same
paragraphs again."""


def _command(site: Path, output: Path | None = None) -> list[str]:
    command = [sys.executable, "-m", "pagefind", "--site", str(site), "--glob", GLOB]
    return [*command, "--output-path", str(output)] if output is not None else command


def _indexed(result: subprocess.CompletedProcess[str], site: Path) -> int:
    if result.returncode != 0:
        output = (result.stderr or result.stdout).strip()
        raise BuildError(f"Pagefind failed to index {site}: {output}")
    indexed = re.search(r"Indexed (\d+) pages?\b", result.stdout)
    return int(indexed.group(1)) if indexed else 0


def index(site: Path) -> int:
    """Write the Pagefind bundle into ``site/pagefind/``; return how many pages it indexed."""
    result = subprocess.run(_command(site), capture_output=True, text=True, check=False)
    return _indexed(result, site)


def bare_pages(fragments: Path, into: Path, language: str) -> None:
    """Each transcript fragment of ``fragments`` (``transcripts/<id>.html``) as a bare page
    at its site address under ``into`` (``transcripts/<id>/index.html``), in the site's
    ``language`` (which chooses Pagefind's stemming)."""
    head = (f'<!DOCTYPE html><html lang="{escape(language)}"><head><meta charset="utf-8">'
            "</head><body>").encode()
    for fragment in sorted((fragments / "transcripts").glob("*.html")):
        folder = into / "transcripts" / fragment.stem
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "index.html").write_bytes(head + fragment.read_bytes() + b"</body></html>")


class Indexing:
    """Pagefind running in the background over the bare pages of ``fragments``."""

    def __init__(self, fragments: Path, work: Path, language: str) -> None:
        self.pages, self.bundle = work / "pages", work / "pagefind"
        bare_pages(fragments, self.pages, language)
        started = time.perf_counter()
        self.process = subprocess.Popen(
            _command(self.pages, self.bundle), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            text=True)
        self.seconds = 0.0
        """How long Pagefind ran (known once it ended)."""
        self.output = ("", "")

        def wait() -> None:
            self.output = self.process.communicate()
            self.seconds = time.perf_counter() - started

        self.waiting = threading.Thread(target=wait, daemon=True)
        self.waiting.start()

    def finish(self, site: Path) -> int:
        """Wait for Pagefind, move its bundle to ``site/pagefind/``; return how many pages
        it indexed. Raises ``BuildError`` if it failed."""
        self.waiting.join()
        out, err = self.output
        indexed = _indexed(subprocess.CompletedProcess(self.process.args,
                                                       self.process.returncode, out, err), site)
        shutil.rmtree(site / "pagefind", ignore_errors=True)
        shutil.move(self.bundle, site / "pagefind")
        return indexed

    def stop(self) -> None:
        """Stop Pagefind if it still runs (the build failed)."""
        if self.process.poll() is None:
            self.process.kill()
        self.waiting.join()
