"""What the importer makes of every file of the development corpus, family by family.

Prints, per family: files, failures, turns, label leaks, and the doubts reported by kind
(the first words of each doubt). Imports into a temporary folder; writes nothing here.

    .venv/bin/python benchmarks/import_report.py [--corpus ../shared/corpus]
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import tarfile
import tempfile
import time
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from corpus_leaks import leaks  # noqa: E402

from generator.importers.base import Meta  # noqa: E402
from generator.importing import import_files  # noqa: E402

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
NONE = Meta()
DEBATES = {
    "2020_debate1_part2.txt": Meta(title="First Presidential Debate (second half)",
                                   date="2020-09-29", event="debate"),
    "2020_vp_part2.txt": Meta(title="Vice Presidential Debate (second half)",
                              date="2020-10-07", event="debate"),
}


def families(corpus: Path, scratch: Path) -> dict[str, list[tuple[Path, Meta]]]:
    """Every corpus file by family, with what the file does not say."""
    briefings = scratch / "briefings"
    with tarfile.open(corpus / "whitehouse" / "press-briefings-2021-2025.tar.xz") as archive:
        archive.extractall(briefings, filter="data")
    return {
        "mfa (sample)": [(p, NONE) for p in sorted((corpus / "mfa").glob("*.txt"))],
        "whitehouse conferences": [(p, NONE) for p in sorted(
            (corpus / "whitehouse" / "press-conferences").glob("*.md"))],
        "whitehouse briefings": [(p, NONE) for p in sorted(briefings.rglob("*.md"))],
        "whitehouse 2009-2015 (text)": [(p, NONE) for p in sorted(
            (corpus / "whitehouse-2009-2015").glob("*.txt"))],
        "debates (text, given metadata)": [(corpus / "revcom-debates" / name, meta)
                                           for name, meta in DEBATES.items()],
        "kremlin (html)": [(p, NONE) for p in sorted((corpus / "kremlin").glob("*.html"))],
        "whitehouse 2020 (html)": [(p, NONE) for p in sorted(
            (corpus / "whitehouse-2020").glob("*.html"))],
    }


def kind_of(message: str) -> str:
    """A doubt's kind: its message with the quoted parts and figures left out."""
    return re.sub(r"\s+", " ", re.sub(r"'[^']*'|\"[^\"]*\"|\d+", "…", message)).strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp)
        content = scratch / "content"
        content.mkdir()
        shutil.copy(ROOT / "content" / "speakers.yaml", content / "speakers.yaml")
        for family, files in families(args.corpus, scratch).items():
            started = time.perf_counter()
            turns = failures = leaked = 0
            failures_seen: list[str] = []
            doubts: Counter[str] = Counter()
            written: list[str] = []
            for meta in {id(m): m for _, m in files}.values():
                group = [path for path, m in files if m is meta]
                report = import_files(group, content, given=meta)
                turns += report.turns
                failures += len(report.failures)
                failures_seen += [str(failure) for failure in report.failures]
                written += report.written + report.unchanged
                for file in report.files:
                    doubts.update(kind_of(d.message) for d in file.doubts)
            for path in written:
                leaked += len(leaks(yaml.load(Path(path).read_text("utf-8"), Loader=_Loader)))
            seconds = time.perf_counter() - started
            print(f"{family}: {len(files)} files, {failures} failed, {turns} turns, "
                  f"{leaked} label leaks, {sum(doubts.values())} doubts ({seconds:.1f} s)")
            for failure in failures_seen:
                print(f"    failed: {failure}")
            for kind, count in doubts.most_common():
                print(f"    {count:6d}  {kind}")


if __name__ == "__main__":
    main()
