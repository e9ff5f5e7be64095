"""CSV exports as strings: columns, quoting, the speakers table (the built files are in
``test_publish.py``)."""

from __future__ import annotations

import csv
import io

import pytest

from generator import exports
from generator.model import Archive, Role, Speaker


@pytest.mark.parametrize(("roles", "expected"), [
    ((), ""),
    ((Role("Spokesperson"),), "Spokesperson"),
    ((Role("Minister", "2004-03-09"),), "Minister (from 2004-03-09)"),
    ((Role("Minister", None, "2017-08-03"),), "Minister (until 2017-08-03)"),
    ((Role("Minister", "2012-12-26", "2017-08-03"), Role("Prime Minister", "2021-10-04")),
     "Minister (2012-12-26 to 2017-08-03); Prime Minister (from 2021-10-04)"),
])
def test_roles_of_the_speakers_table(roles: tuple[Role, ...], expected: str) -> None:
    archive = Archive((), {"x": Speaker("x", "X", roles=roles)})
    assert [row["roles"] for row in exports.speaker_rows(archive)] == [expected]


def test_the_speakers_table_is_sorted_by_id_whatever_the_registry_order() -> None:
    archive = Archive((), {"b": Speaker("b", "Bea", country="Japan"), "a": Speaker("a", "Al")})
    assert exports.to_csv(exports.speaker_rows(archive), exports.SPEAKER_LIST_COLUMNS) == (
        "speaker,name,country,roles\r\na,Al,,\r\nb,Bea,Japan,\r\n")


def test_to_csv_writes_only_the_columns_asked_for_with_rfc_4180_quoting() -> None:
    rows = [{"a": 'say "hi", then', "b": "x", "c": "line\nbreak"}, {"a": "", "b": "y", "c": ""}]
    text = exports.to_csv(rows, ("c", "a"))
    assert text == 'c,a\r\n"line\nbreak","say ""hi"", then"\r\n,\r\n'
    assert list(csv.reader(io.StringIO(text, newline=""))) == [
        ["c", "a"], ["line\nbreak", 'say "hi", then'], ["", ""]]


def test_an_empty_export_still_has_its_header() -> None:
    assert exports.to_csv([], exports.TOPIC_COLUMNS) == (
        "transcript,date,paragraph,speaker,kind,permalink\r\n")


@pytest.mark.parametrize("columns", [
    exports.PARAGRAPH_COLUMNS, exports.TOPIC_COLUMNS, exports.SPEAKER_COLUMNS])
def test_paragraph_exports_can_be_joined_and_lead_to_their_paragraph(
    columns: tuple[str, ...],
) -> None:
    # Ids to join on, and the paragraph's address; the text is never written out.
    assert {"transcript", "paragraph", "permalink"} <= set(columns) <= set(
        exports.PARAGRAPH_COLUMNS)
