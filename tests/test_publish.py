"""Publishing and reuse: feeds, exports, citations, page metadata, the CI workflow."""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
from pathlib import Path

import feedparser
import yaml
from bs4 import BeautifulSoup
from conftest import CONTENT, PROJECT, SAMPLE_ID

from generator import settings
from generator.build import Paths
from generator.load import load
from generator.tagging import tag

SITE_URL = settings.read(PROJECT / "mkdocs.yml", CONTENT.parent / settings.FILE).site_url
PERMALINK = f"{SITE_URL.rstrip('/')}/transcripts/{SAMPLE_ID}/"


def sample_paragraphs() -> list[str]:
    data = yaml.safe_load((CONTENT / "transcripts" / f"{SAMPLE_ID}.yaml").read_text("utf-8"))
    return [p for turn in data["turns"] for p in turn.get("paragraphs", [])]


def sample_yaml_title() -> str:
    return yaml.safe_load((CONTENT / "transcripts" / f"{SAMPLE_ID}.yaml").read_text("utf-8"))[
        "title"]


def parse_feed(path: Path) -> feedparser.FeedParserDict:
    feed = feedparser.parse(path.read_bytes())
    assert not feed.bozo, f"{path}: {feed.get('bozo_exception')}"
    assert feed.version == "atom10"
    return feed


def test_transcripts_feed_lists_the_sample(sample_site: Paths) -> None:
    feed = parse_feed(sample_site.out / "feeds" / "transcripts.xml")
    assert [entry.link for entry in feed.entries] == [PERMALINK]
    assert feed.entries[0].title.startswith("Foreign Minister Sergey Lavrov’s remarks")
    assert feed.entries[0].published.startswith("2016-04-15")


def test_topic_feed_follows_the_korean_peninsula(sample_site: Paths) -> None:
    feed = parse_feed(sample_site.out / "feeds" / "topics" / "korean-peninsula.xml")
    assert feed.feed.title.endswith("Korean Peninsula")
    links = [entry.link for entry in feed.entries]
    assert links and all(link.startswith(PERMALINK + "#p") for link in links)
    texts = sample_paragraphs()
    for entry in feed.entries:
        number = int(entry.link.rsplit("#p", 1)[1])
        assert entry.content[0].value == texts[number - 1]


def test_every_topic_and_speaker_has_a_valid_feed_linked_from_its_page(sample_site: Paths) -> None:
    for kind in ("topics", "speakers"):
        feeds = sorted((sample_site.out / "feeds" / kind).glob("*.xml"))
        assert feeds
        for feed_file in feeds:
            parse_feed(feed_file)
            page = sample_site.out / kind / feed_file.stem / "index.html"
            html = BeautifulSoup(page.read_text("utf-8"), "html.parser")
            alternate = html.select_one("link[rel=alternate][type='application/atom+xml']")
            assert alternate["href"].endswith(f"feeds/{kind}/{feed_file.name}")


def test_speaker_feed_carries_lavrovs_words(sample_site: Paths) -> None:
    feed = parse_feed(sample_site.out / "feeds" / "speakers" / "sergey-lavrov.xml")
    assert len(feed.entries) == 20 - 3  # every paragraph but the three questions


def test_the_compressed_archive_holds_every_paragraph_once(sample_site: Paths) -> None:
    data = gzip.decompress((sample_site.out / "data" / "archive.jsonl.gz").read_bytes())
    records = [json.loads(line) for line in data.decode("utf-8").splitlines()]
    assert [r["id"] for r in records] == [SAMPLE_ID]
    exported = [p["text"] for t in records[0]["turns"] for p in t["paragraphs"]]
    assert exported == sample_paragraphs()
    single = json.loads((sample_site.out / "data" / "transcripts" / f"{SAMPLE_ID}.json")
                        .read_text("utf-8"))
    assert records[0] == single


def test_the_old_jsonl_address_holds_an_index_of_the_archive(sample_site: Paths) -> None:
    lines = (sample_site.out / "data" / "archive.jsonl").read_text("utf-8").splitlines()
    [record] = [json.loads(line) for line in lines]
    assert record == {"id": SAMPLE_ID, "title": sample_yaml_title(), "date": "2016-04-15",
                      "url": PERMALINK,
                      "data": f"{SITE_URL.rstrip('/')}/data/transcripts/{SAMPLE_ID}.json"}


def read_csv(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text("utf-8"), newline="")))


def csv_header(path: Path) -> list[str]:
    return next(csv.reader(io.StringIO(path.read_text("utf-8"), newline="")))


def every_csv(site: Path) -> list[Path]:
    return sorted((site / "data").rglob("*.csv"))


def test_paragraph_csv(sample_site: Paths) -> None:
    path = sample_site.out / "data" / "paragraphs.csv"
    assert csv_header(path) == [
        "transcript", "date", "turn", "paragraph", "speaker", "kind", "topics", "permalink"]
    rows = read_csv(path)
    assert [row["paragraph"] for row in rows] == [
        f"p{n}" for n in range(1, len(sample_paragraphs()) + 1)]
    (sample,) = tag(load(CONTENT)).transcripts
    topics = ";".join(next(p for p in sample.paragraphs if p.id == "p4").topics)
    assert topics.count(";") >= 1  # (a paragraph with several topics)
    assert rows[3] == {
        "transcript": SAMPLE_ID, "date": "2016-04-15", "turn": "t1", "paragraph": "p4",
        "speaker": "sergey-lavrov", "kind": "statement", "topics": topics,
        "permalink": f"{PERMALINK}#p4"}
    questions = [row for row in rows if row["kind"] == "question"]
    assert len(questions) == 3 and all(row["speaker"] == "" for row in questions)


def test_speaker_list_csv(sample_site: Paths) -> None:
    path = sample_site.out / "data" / "speakers.csv"
    assert csv_header(path) == ["speaker", "name", "country", "roles"]
    rows = {row["speaker"]: row for row in read_csv(path)}
    assert list(rows) == sorted(rows)
    assert rows["fumio-kishida"] == {
        "speaker": "fumio-kishida", "name": "Fumio Kishida", "country": "Japan",
        "roles": "Minister for Foreign Affairs of Japan (2012-12-26 to 2017-08-03); "
                 "Prime Minister of Japan (2021-10-04 to 2024-10-01)"}
    assert rows["sergey-lavrov"]["roles"] == (
        "Minister of Foreign Affairs of the Russian Federation (from 2004-03-09)")
    # Every speaker of a paragraph has a row: the names join on the ``speaker`` column.
    spoken = {row["speaker"] for row in read_csv(sample_site.out / "data" / "paragraphs.csv")}
    assert spoken - {""} <= set(rows)


def test_topic_and_speaker_csv_match_their_pages(sample_site: Paths) -> None:
    path = sample_site.out / "data" / "topics" / "korean-peninsula.csv"
    assert csv_header(path) == ["transcript", "date", "paragraph", "speaker", "kind", "permalink"]
    rows = read_csv(path)
    paragraphs = {row["paragraph"]: row for row in read_csv(
        sample_site.out / "data" / "paragraphs.csv")}
    assert rows and all(
        "korean-peninsula" in paragraphs[row["paragraph"]]["topics"].split(";") for row in rows)
    page = sample_site.out / "topics" / "korean-peninsula" / "index.html"
    links = BeautifulSoup(page.read_text("utf-8"), "html.parser").select(
        ".tx-quote__cite a[href*='#p'], .tx-more a")  # quoted or linked: all of them
    assert sorted(link["href"].split("#")[1] for link in links) == sorted(
        row["paragraph"] for row in rows)
    path = sample_site.out / "data" / "speakers" / "sergey-lavrov.csv"
    assert csv_header(path) == ["transcript", "date", "paragraph", "kind", "topics", "permalink"]
    lavrov = read_csv(path)
    assert len(lavrov) == 17 and all(
        paragraphs[row["paragraph"]]["speaker"] == "sergey-lavrov"
        and row["topics"] == paragraphs[row["paragraph"]]["topics"] for row in lavrov)


def test_every_csv_row_leads_to_its_paragraph(sample_site: Paths) -> None:
    # Every row's permalink is the address the About page documents, and leads to the
    # paragraph of the row.
    about = (sample_site.out / "about" / "index.html").read_text("utf-8")
    rule = f"{SITE_URL.rstrip('/')}/transcripts/&lt;transcript&gt;/#&lt;paragraph&gt;"
    assert rule in about
    anchors: dict[str, set[str]] = {}
    checked = 0
    for path in every_csv(sample_site.out):
        for row in read_csv(path):
            if "paragraph" not in row:
                continue
            if row["transcript"] not in anchors:
                page = sample_site.out / "transcripts" / row["transcript"] / "index.html"
                html = BeautifulSoup(page.read_text("utf-8"), "html.parser")
                anchors[row["transcript"]] = {el["id"] for el in html.select("[id]")}
            assert row["paragraph"] in anchors[row["transcript"]], (path.name, row)
            assert row["permalink"] == (f"{SITE_URL.rstrip('/')}/transcripts/"
                                        f"{row['transcript']}/#{row['paragraph']}")
            checked += 1
    assert checked > len(sample_paragraphs())


def test_about_page_names_every_column_of_every_csv(sample_site: Paths) -> None:
    # Each CSV file has a heading on the About page, followed by a table of its columns:
    # exactly the file's header, in order.
    about = BeautifulSoup((sample_site.out / "about" / "index.html").read_text("utf-8"),
                          "html.parser")
    documented: dict[str, list[str]] = {}
    for heading in about.select("h3"):
        name = heading.get_text(strip=True).rstrip("¶")
        if name.endswith(".csv"):
            table = heading.find_next_sibling("table")
            documented[name] = [row.select_one("td code").get_text()
                                for row in table.select("tbody tr")]
    assert set(documented) == {"/data/paragraphs.csv", "/data/speakers.csv",
                               "/data/topics/<id>.csv", "/data/speakers/<id>.csv"}
    files = every_csv(sample_site.out)
    assert len(files) > 4
    for path in files:
        name = "/" + path.relative_to(sample_site.out).as_posix()
        pattern = re.sub(r"/[^/]+\.csv$", "/<id>.csv", name) if name.count("/") == 3 else name
        assert csv_header(path) == documented[pattern], name


def test_citation_menu_carries_the_permalink(served_site: str, page) -> None:
    page.goto(f"{served_site}/transcripts/{SAMPLE_ID}/")
    page.click("#p8 a.tx-para__link")
    expected = f"{served_site}/transcripts/{SAMPLE_ID}/#p8"
    assert page.input_value("#p8 .tx-menu [data-cite=link] textarea") == expected
    plain = page.input_value("#p8 .tx-menu [data-cite=plain] textarea")
    assert plain.startswith("Sergey Lavrov, “Foreign Minister Sergey Lavrov’s remarks")
    assert plain.endswith("paragraph 8. " + expected)
    bibtex = page.input_value("#p8 .tx-menu [data-cite=bibtex] textarea")
    assert bibtex.startswith(f"@misc{{{SAMPLE_ID}-p8,")
    assert f"url = {{{expected}}}" in bibtex and "author = {Sergey Lavrov}" in bibtex
    assert page.url == expected


def test_page_metadata(sample_site: Paths) -> None:
    page = sample_site.out / "topics" / "korean-peninsula" / "index.html"
    html = BeautifulSoup(page.read_text("utf-8"), "html.parser")
    canonical = f"{SITE_URL.rstrip('/')}/topics/korean-peninsula/"
    assert html.select_one("link[rel=canonical]")["href"] == canonical
    assert html.select_one("meta[property='og:url']")["content"] == canonical
    assert html.select_one("meta[property='og:title']")["content"] == "Korean Peninsula"
    description = html.select_one("meta[name=description]")["content"]
    assert description.startswith("The situation on the Korean Peninsula")
    assert html.select_one("meta[property='og:description']")["content"] == description


def test_sitemap_lists_every_transcript_topic_and_speaker(sample_site: Paths) -> None:
    sitemap = (sample_site.out / "sitemap.xml").read_text("utf-8")
    urls = set(re.findall(r"<loc>([^<]+)</loc>", sitemap))
    assert PERMALINK in urls
    assert f"{SITE_URL.rstrip('/')}/topics/korean-peninsula/" in urls
    assert f"{SITE_URL.rstrip('/')}/speakers/fumio-kishida/" in urls


def test_not_found_page(sample_site: Paths) -> None:
    html = BeautifulSoup((sample_site.out / "404.html").read_text("utf-8"), "html.parser")
    assert html.select_one("article h1").get_text() == "Page not found"
    assert {a["href"] for a in html.select("article a")} >= {"/transcripts/", "/topics/"}


def test_workflow_runs_the_readme_commands() -> None:
    workflow = yaml.safe_load((PROJECT / ".github" / "workflows" / "site.yml").read_text())
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as true
    assert triggers["push"]["branches"] == ["main"] and "pull_request" in triggers
    runs = {
        name: [step.get("run", "") for step in job["steps"]]
        for name, job in workflow["jobs"].items()
    }
    ci = [line for line in (PROJECT / ".ci" / "run").read_text().splitlines()
          if line and not line.startswith(("#", "set ", "cd "))]
    assert ci == ["make test"]
    assert any("make test" in run for run in runs["test"])
    assert any("make site" in run for run in runs["test"])  # the strict build
    assert any("make site" in run for run in runs["build"])
    deploy = [step.get("uses", "") for step in workflow["jobs"]["deploy"]["steps"]]
    assert any(use.startswith("actions/deploy-pages@") for use in deploy)
    readme = (PROJECT / "README.md").read_text()
    assert "make site" in readme and "make test" in readme


def test_without_the_corpus_its_tests_are_skipped_saying_why(tmp_path: Path) -> None:
    """On GitHub's runners there is no ``../shared/corpus``: the tests that read it are
    skipped with the reason, the others run and pass."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "TRANSCRIPT_CORPUS": str(tmp_path / "no-corpus")}
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                           "tests/test_corpus_speakers.py", "tests/test_importer_whitehouse.py"],
                          cwd=PROJECT, env=env, text=True, capture_output=True)
    assert done.returncode == 0, done.stdout[-3000:]
    assert "needs the development corpus, not in the repository" in done.stdout
    summary = done.stdout.strip().splitlines()[-1]
    passed = int(re.search(r"(\d+) passed", summary).group(1))
    skipped = int(re.search(r"(\d+) skipped", summary).group(1))
    assert passed >= 5 and skipped >= 4 and "failed" not in summary and "error" not in summary


def test_build_prints_the_site_size_and_warns_past_what_hosts_publish(
    tmp_path: Path, monkeypatch, capsys
) -> None:
    """GitHub Pages and GitLab Pages refuse sites over 1 GB: a build says how large the
    site is, and warns (naming its largest folders) when it is larger than that."""
    from conftest import copy_content

    from generator import cli

    content, site = copy_content(tmp_path / "content"), tmp_path / "site"
    assert cli.main(["build", "--content", str(content), "--out", str(site)]) == 0
    out, err = capsys.readouterr()
    size = re.search(r"^size: ([\d,]+) MB in ([\d,]+) files$", out, re.M)
    files = [p for p in site.rglob("*") if p.is_file()]
    assert size and int(size.group(2).replace(",", "")) == len(files)
    assert int(size.group(1).replace(",", "")) == round(sum(p.stat().st_size for p in files) / 1e6)
    assert "warning" not in err

    monkeypatch.setattr(cli, "HOSTING_LIMIT", 1_000_000)
    assert cli.main(["build", "--content", str(content), "--out", str(site), "--force"]) == 0
    out, err = capsys.readouterr()
    assert re.search(r"^warning: the site is [\d,]+ MB: GitHub Pages and GitLab Pages publish "
                     r"sites of 1 MB at most \(largest: [a-z]+/ [\d,]+ MB, ", err, re.M), err
