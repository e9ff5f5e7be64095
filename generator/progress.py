"""Progress of long work: a line per stage with its counts (standard output), and on a
terminal a progress bar while the stage runs (tqdm, on standard error)."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TextIO

from tqdm import tqdm


class Progress:
    """Says what a build does. The default says nothing: the library stays quiet, the
    command line (``Progress.shown``) speaks."""

    def __init__(self, out: TextIO | None = None, bars: bool = False):
        self.out = out
        """Where each finished stage's line goes; None for silence."""
        self.bars = bars
        """Whether to draw progress bars (on standard error)."""

    @classmethod
    def shown(cls) -> Progress:
        """Stage lines on standard output; bars only when standard error is a terminal."""
        return cls(sys.stdout, bars=sys.stderr.isatty())

    @contextmanager
    def stage(self, name: str, total: int | None = None,
              unit: str = "files") -> Iterator[Callable[[int], None]]:
        """A bar for one stage while it runs; yields ``advance(n)``."""
        with tqdm(total=total, desc=name, unit=f" {unit}", file=sys.stderr, leave=False,
                  disable=not self.bars, dynamic_ncols=True, mininterval=0.5) as bar:
            yield bar.update

    def say(self, line: str) -> None:
        """One stage's summary line."""
        if self.out is not None:
            print(line, file=self.out, flush=True)
