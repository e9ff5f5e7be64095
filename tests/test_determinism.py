"""Determinism: two builds of the same content are byte-identical, whatever the order in
which the content's files were written and wherever the folders are."""

from __future__ import annotations

import gzip
import re
import struct
from datetime import UTC, datetime
from pathlib import Path

import synthetic
from conftest import CONTENT

from generator.build import Paths, build
from generator.yamlio import dump, parse


def _merged(name: str, key: str) -> bytes:
    """The sample's registry with the synthetic entries added."""
    sample, _ = parse(synthetic.read(CONTENT)[name].decode(), name)
    extra, _ = parse(synthetic.files(0, 0)[name], name)
    return dump({key: sample[key] + extra[key]}).encode()


# The sample transcript (with its raw file) and synthetic ones, so that ordering matters.
FILES: dict[str, bytes] = {
    **synthetic.read(CONTENT),
    **{name: text.encode() for name, text in synthetic.files(6, 8).items()},
    "speakers.yaml": _merged("speakers.yaml", "speakers"),
    "topics.yaml": _merged("topics.yaml", "topics"),
}


def test_two_builds_of_the_same_content_are_byte_identical(tmp_path: Path) -> None:
    first = Paths.for_(synthetic.write(tmp_path / "one" / "content", FILES),
                       tmp_path / "one" / "site")
    second = Paths.for_(synthetic.write(tmp_path / "b" / "data", FILES, reverse=True),
                        tmp_path / "b" / "public")
    build(first)
    build(second)
    one, two = synthetic.snapshot(first.out), synthetic.snapshot(second.out)
    assert sorted(one) == sorted(two)
    assert [name for name in sorted(one) if one[name] != two[name]] == []
    for name in ("search/search_index.json", "feeds/transcripts.xml", "data/archive.jsonl",
                 "data/paragraphs.csv", "data/speakers.csv", "sitemap.xml", "sitemap.xml.gz"):
        assert name in one
    # The index, the sample and six synthetic transcripts, and a page per year.
    years = {parse(data.decode(), name)[0]["date"][:4]
             for name, data in FILES.items() if name.startswith("transcripts/")}
    assert sum(name.startswith("transcripts/") for name in one) == 1 + 1 + 6 + len(years)


def test_the_build_date_is_the_newest_transcript_date_not_today(tmp_path: Path) -> None:
    paths = Paths.for_(synthetic.write(tmp_path / "content", FILES), tmp_path / "site")
    build(paths)
    newest = max(parse(data.decode(), name)[0]["date"]
                 for name, data in FILES.items() if name.startswith("transcripts/"))
    sitemap = (paths.out / "sitemap.xml").read_text("utf-8")
    assert set(re.findall(r"<lastmod>([^<]+)</lastmod>", sitemap)) == {newest}
    packed = (paths.out / "sitemap.xml.gz").read_bytes()
    (mtime,) = struct.unpack("<I", packed[4:8])  # the gzip header's timestamp
    assert datetime.fromtimestamp(mtime, UTC).date().isoformat() == newest
    assert gzip.decompress(packed).decode() == sitemap
