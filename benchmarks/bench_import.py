"""Benchmark (not a test): import the 1,151 White House briefings and print files per second.

Unpacks ../shared/corpus/whitehouse/press-briefings-2021-2025.tar.xz into a temporary
folder, then times, in the same run: reading and decoding every file (the baseline),
parsing only, and the whole import into a fresh content folder (parse, resolve
speakers, write YAML). Prints figures; asserts nothing about time.

    make bench-import      # or: .venv/bin/python benchmarks/bench_import.py
"""

from __future__ import annotations

import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator.importers import read  # noqa: E402
from generator.importing import import_files  # noqa: E402

TARBALL = ROOT.parent / "shared" / "corpus" / "whitehouse" / "press-briefings-2021-2025.tar.xz"


def timed(label: str, count: int, work) -> float:
    """Run ``work`` once; print and return the elapsed seconds."""
    start = time.perf_counter()
    work()
    seconds = time.perf_counter() - start
    print(f"{label:<32} {seconds:7.2f} s  {count / seconds:8.1f} files/s")
    return seconds


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="bench-import-") as folder:
        root = Path(folder)
        with tarfile.open(TARBALL) as archive:
            archive.extractall(root, filter="data")
        files = sorted(root.rglob("*.md"))
        count = len(files)
        print(f"{count} files, {sum(f.stat().st_size for f in files) / 1e6:.1f} MB")
        timed("read + decode (baseline)", count,
              lambda: [f.read_bytes().decode("utf-8-sig") for f in files])
        texts = [(str(f), f.read_text("utf-8-sig")) for f in files]
        timed("parse only", count, lambda: [read(text, name) for name, text in texts])
        report = None

        def whole() -> None:
            nonlocal report
            report = import_files(files, root / "content")

        timed("import (parse, resolve, write)", count, whole)
        assert report is not None
        print(f"transcripts {len(report.written)}, turns {report.turns}, notes {report.notes}, "
              f"speakers resolved {report.resolved} / new {len(report.new_speakers)} / "
              f"ambiguous {report.ambiguous}, failed {len(report.failures)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
