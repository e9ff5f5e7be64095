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

Pagefind's memory grows with what one run reads, so a large archive is indexed in parts of
``PART_BYTES`` one after another: the first part's bundle is ``pagefind/``, the others'
``pagefind/parts/<n>/``, listed in ``pagefind/parts.json``; the search merges them.
"""

from __future__ import annotations

import json
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


PART_BYTES = 160_000_000
"""Bytes of transcript fragments one Pagefind run reads at most. Pagefind holds what it
indexes in memory, ten to twelve times the HTML it reads (1.8 GB for the 159 MB of the
1,197 corpus transcripts, which make one part; 1 GB for 108 MB of synthetic text), so a
larger archive is indexed in parts, one run after another, each part a bundle of its own
that the search merges in the browser (Pagefind's multisite search). A query downloads a
little more for each part. Pagefind ignores a word its index does not hold at all, and
does so part by part: a query with a word only some parts hold also finds, in the other
parts, pages with its other words."""

PARTS = "parts.json"
"""The list, in the main bundle, of the other parts' bundles (relative addresses)."""


def _part(number: int) -> str:
    """Where the bundle of part ``number`` (from 2) goes, relative to the main bundle."""
    return f"parts/{number}/"


def _write_parts(bundle: Path, count: int) -> None:
    (bundle / PARTS).write_text(
        json.dumps([_part(number) for number in range(2, count + 1)]) + "\n", "utf-8")


def index(site: Path) -> int:
    """Write the Pagefind bundle into ``site/pagefind/``, in one part; return how many
    pages it indexed. (An archive with no transcript yet has nothing to index: no
    bundle, 0.)"""
    if not any(site.glob(GLOB)):
        shutil.rmtree(site / "pagefind", ignore_errors=True)
        return 0
    result = subprocess.run(_command(site), capture_output=True, text=True, check=False)
    indexed = _indexed(result, site)
    _write_parts(site / "pagefind", 1)
    return indexed


def parts(fragments: list[Path], budget: int) -> list[list[Path]]:
    """``fragments``, in their order, in runs of at most ``budget`` bytes (a larger
    fragment makes a part of its own); at least one part, which may be empty."""
    found: list[list[Path]] = [[]]
    size = 0
    for fragment in fragments:
        length = fragment.stat().st_size
        if found[-1] and size + length > budget:
            found.append([])
            size = 0
        found[-1].append(fragment)
        size += length
    return found


def bare_pages(fragments: list[Path], into: Path, language: str) -> None:
    """Each transcript fragment (``transcripts/<id>.html``) as a bare page at its site
    address under ``into`` (``transcripts/<id>/index.html``), in the site's ``language``
    (which chooses Pagefind's stemming)."""
    head = (f'<!DOCTYPE html><html lang="{escape(language)}"><head><meta charset="utf-8">'
            "</head><body>").encode()
    for fragment in fragments:
        folder = into / "transcripts" / fragment.stem
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "index.html").write_bytes(head + fragment.read_bytes() + b"</body></html>")


class Indexing:
    """Pagefind running in the background over the bare pages of ``fragments``, part
    after part (``PART_BYTES``), so that its memory is bounded by a part's."""

    def __init__(self, fragments: Path, work: Path, language: str) -> None:
        self.work = work
        # (an archive with no transcript yet has nothing to index: no index is made)
        self.parts = [part for part in parts(sorted((fragments / "transcripts").glob("*.html")),
                                             PART_BYTES) if part]
        self.seconds = 0.0
        """How long Pagefind ran (known once it ended)."""
        self.results: list[subprocess.CompletedProcess[str]] = []
        self.error: BaseException | None = None
        self.process: subprocess.Popen[str] | None = None
        self.stopped = False
        self.lock = threading.Lock()
        self.waiting = threading.Thread(target=self._run, args=(language,), daemon=True)
        self.waiting.start()

    def _bundle(self, number: int) -> Path:
        return self.work / f"pagefind-{number}"

    def _run(self, language: str) -> None:
        started = time.perf_counter()
        try:
            for number, part in enumerate(self.parts, 1):
                pages = self.work / f"pages-{number}"
                pages.mkdir(parents=True, exist_ok=True)
                bare_pages(part, pages, language)
                with self.lock:
                    if self.stopped:
                        return
                    self.process = subprocess.Popen(
                        _command(pages, self._bundle(number)), stdout=subprocess.PIPE,
                        stderr=subprocess.PIPE, text=True)
                out, err = self.process.communicate()
                result = subprocess.CompletedProcess(self.process.args,
                                                     self.process.returncode, out, err)
                self.results.append(result)
                shutil.rmtree(pages, ignore_errors=True)
                if result.returncode != 0 or self.stopped:
                    return
        except BaseException as error:  # (reported by ``finish``)
            self.error = error
        finally:
            self.seconds = time.perf_counter() - started

    def finish(self, site: Path) -> int:
        """Wait for Pagefind, move its bundles to ``site/pagefind/`` (the first part) and
        ``site/pagefind/parts/<n>/``; return how many pages it indexed. Raises
        ``BuildError`` if it failed."""
        self.waiting.join()
        if self.error is not None:
            raise BuildError(f"Pagefind could not index {site}: {self.error}")
        indexed = sum(_indexed(result, site) for result in self.results)
        if len(self.results) != len(self.parts):
            raise BuildError(f"Pagefind indexed {len(self.results)} of {len(self.parts)} "
                             f"parts of {site}")
        bundle = site / "pagefind"
        shutil.rmtree(bundle, ignore_errors=True)
        if not self.parts:
            return 0
        shutil.move(self._bundle(1), bundle)
        for number in range(2, len(self.parts) + 1):
            (bundle / _part(number)).parent.mkdir(exist_ok=True)
            shutil.move(self._bundle(number), bundle / _part(number))
        _write_parts(bundle, len(self.parts))
        return indexed

    def stop(self) -> None:
        """Stop Pagefind if it still runs (the build failed)."""
        with self.lock:
            self.stopped = True
            if self.process is not None and self.process.poll() is None:
                self.process.kill()
        self.waiting.join()
