"""The search index: Pagefind, run over the built site before it is swapped in.

Pagefind splits the index into small chunks, so a query downloads a few hundred KB
whatever the size of the archive. Only transcript pages are indexed (their turns are
marked ``data-pagefind-body``); paragraphs (``p<N>``) and speakers (``t<N>-speaker``)
carry ids, which Pagefind reports as anchors so that a result can open the exact
paragraph.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from generator.errors import BuildError


def index(site: Path) -> int:
    """Write the Pagefind bundle into ``site/pagefind/``; return how many pages it indexed."""
    # Only transcript pages carry data-pagefind-body; reading just them spares Pagefind
    # parsing the topic and speaker pages, which quote the same paragraphs again.
    command = [sys.executable, "-m", "pagefind", "--site", str(site),
               "--glob", "transcripts/*/index.html"]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        output = (result.stderr or result.stdout).strip()
        raise BuildError(f"Pagefind failed to index {site}: {output}")
    indexed = re.search(r"Indexed (\d+) pages?\b", result.stdout)
    return int(indexed.group(1)) if indexed else 0
