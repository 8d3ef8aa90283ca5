"""read_inputs: every kind of input, and failures that never stop the others."""

from __future__ import annotations

import gzip
import io
import json
import sys
from pathlib import Path

import pytest

from tidings.errors import InputFailure
from tidings.ingest import read_inputs
from tidings.ingest.decoding import MAX_BYTES
from tidings.model import Article

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
BODY = (
    "The minister said on Tuesday that the government would hold talks with the opposition "
    "next week.\n\nHe added that troops had been sent to the border after the clashes."
)


def split(results: list[Article | InputFailure]) -> tuple[list[Article], list[InputFailure]]:
    articles = [r for r in results if isinstance(r, Article)]
    failures = [r for r in results if isinstance(r, InputFailure)]
    assert len(articles) + len(failures) == len(results)
    return articles, failures


def test_plain_text_file_and_file_without_extension(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "b").write_text(BODY, encoding="utf-8")
    articles, failures = split(list(read_inputs([str(tmp_path / "a.txt"), str(tmp_path / "b")])))
    assert not failures
    assert [a.origin for a in articles] == [str(tmp_path / "a.txt"), str(tmp_path / "b")]
    assert all(a.text == BODY for a in articles)


def test_html_is_sniffed_without_extension(tmp_path: Path) -> None:
    path = tmp_path / "page"
    path.write_bytes((FIXTURES / "page.html").read_bytes())
    (article,) = read_inputs([str(path)])
    assert isinstance(article, Article) and article.title == "Talks collapse as ceasefire deadline passes"


def test_jsonl_broken_line_is_reported_and_the_rest_continue() -> None:
    path = FIXTURES / "records.jsonl"
    articles, failures = split(list(read_inputs([str(path)])))
    assert [a.id for a in articles] == ["r1", "r3"]
    assert [f.origin for f in failures] == [f"{path}:2"]
    assert failures[0].code == "T015" and "JSON" in failures[0].reason
    r1, r3 = articles
    assert (r1.title, r1.date, r1.url, r1.meta["section"]) == ("Border talks resume", "2020-03-02", "https://example.org/r1", "world")
    assert r1.text == json.loads(path.read_text(encoding="utf-8").splitlines()[0])["text"]
    assert (r3.date, r3.date_source) == ("2020-03-03", "record"), "a `published` field is a date alias"


def test_csv_with_embedded_newlines() -> None:
    path = FIXTURES / "records.csv"
    articles, failures = split(list(read_inputs([str(path)], date="2020-01-01")))
    assert not failures
    c1, c2 = articles
    assert c1.id == "c1" and len([p for p in c1.paragraphs if p.kind == "body"]) == 2
    assert c1.origin == f"{path}:2" and c2.origin == f"{path}:5"
    assert (c2.date, c2.date_source) == ("2020-01-01", "option")
    assert c2.meta["section"] == "politics"


def test_csv_without_text_column_fails_once(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("id,body\n1,hello\n", encoding="utf-8")
    (failure,) = read_inputs([str(path)])
    assert isinstance(failure, InputFailure) and "'text' column" in failure.reason


def test_tsv_and_json_array(tmp_path: Path) -> None:
    (tmp_path / "x.tsv").write_text(f"id\ttext\nt1\t{BODY.replace(chr(10), ' ')}\n", encoding="utf-8")
    (tmp_path / "y.json").write_text(json.dumps([{"id": "j1", "text": BODY}, {"id": "j2"}]), encoding="utf-8")
    articles, failures = split(list(read_inputs([str(tmp_path / "x.tsv"), str(tmp_path / "y.json")])))
    assert [a.id for a in articles] == ["t1", "j1"]
    assert [f.origin for f in failures] == [f"{tmp_path / 'y.json'}[1]"]


def test_record_with_html_field_is_extracted() -> None:
    from tidings.ingest import article_from_record

    html = (FIXTURES / "page.html").read_text(encoding="utf-8")
    article = article_from_record({"id": "h1", "html": html, "lang": "en"}, "mem:1")
    assert article.id == "h1" and article.source == "Reuters" and article.meta["lang"] == "en"


def test_directory_is_recursive_sorted_and_skips_hidden(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "b" / "2.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "c.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / ".git" / "config").write_text(BODY, encoding="utf-8")
    origins = [r.origin for r in read_inputs([str(tmp_path)])]
    assert origins == [str(tmp_path / "a.txt"), str(tmp_path / "c.txt"), str(tmp_path / "b" / "2.txt")]


def test_gzip_files_are_read_transparently(tmp_path: Path) -> None:
    with gzip.open(tmp_path / "story.txt.gz", "wt", encoding="utf-8") as f:
        f.write(BODY)
    with gzip.open(tmp_path / "recs.jsonl.gz", "wt", encoding="utf-8") as f:
        f.write(json.dumps({"id": "g1", "text": BODY}) + "\n")
    articles, failures = split(list(read_inputs([str(tmp_path / "story.txt.gz"), str(tmp_path / "recs.jsonl.gz")])))
    assert not failures and articles[0].text == BODY and articles[1].id == "g1"


class _Stdin:
    def __init__(self, data: bytes) -> None:
        self.buffer = io.BytesIO(data)


@pytest.mark.parametrize(
    ("data", "expected_ids"),
    [
        ((json.dumps({"id": "s1", "text": BODY * 20}) + "\n{oops\n" + json.dumps({"id": "s2", "text": BODY})).encode(), ["s1", "s2"]),
        (BODY.encode("utf-16"), None),
        ((FIXTURES / "page.html").read_bytes(), None),
    ],
)
def test_stdin_is_sniffed(monkeypatch: pytest.MonkeyPatch, data: bytes, expected_ids: list[str] | None) -> None:
    monkeypatch.setattr(sys, "stdin", _Stdin(data))
    articles, failures = split(list(read_inputs(["-"])))
    if expected_ids:
        assert [a.id for a in articles] == expected_ids
        assert [f.origin for f in failures] == ["<stdin>:2"]
    else:
        assert len(articles) == 1 and not failures and articles[0].origin == "<stdin>"


def test_missing_and_too_large_inputs(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as f:
        f.truncate(MAX_BYTES + 1)  # sparse: refused from its size before reading
    results = list(read_inputs([str(tmp_path / "nope.txt"), str(big)]))
    assert [(type(r).__name__, r.code) for r in results] == [("InputFailure", "T017"), ("InputFailure", "T016")]


def test_failing_inputs_do_not_stop_the_others(tmp_path: Path) -> None:
    inputs = {
        "01-empty.txt": b"  \n ",
        "02-binary.bin": bytes(range(256)) * 4,
        "03-good.txt": BODY.encode(),
        "04-french.txt": "Le gouvernement a annoncé mardi que les négociations avec l'opposition reprendraient la semaine prochaine.".encode(),
        "05-badutf8.txt": b"\x81\x8d\x8f\x90" * 30,
        "06-good.txt": BODY.replace("minister", "president").encode(),
    }
    for name, data in inputs.items():
        (tmp_path / name).write_bytes(data)
    results = list(read_inputs([str(tmp_path), str(tmp_path / "missing"), str(tmp_path / "03-good.txt")]))
    codes = [r.code if isinstance(r, InputFailure) else "ok" for r in results]
    assert codes == ["T011", "T012", "ok", "T014", "T013", "ok", "T017", "ok"]
    assert all("\n" not in str(r) for r in results if isinstance(r, InputFailure))


def test_over_long_record_line_is_reported_and_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tidings.ingest import readers, records

    monkeypatch.setattr(readers, "MAX_BYTES", 2000)
    monkeypatch.setattr(records, "MAX_BYTES", 2000)
    path = tmp_path / "recs.jsonl"
    long_line = json.dumps({"id": "big", "text": "word " * 5000})
    path.write_text(long_line + "\n" + json.dumps({"id": "ok", "text": BODY}) + "\n", encoding="utf-8")
    results = list(read_inputs([str(path)]))
    assert [type(r).__name__ for r in results] == ["InputFailure", "Article"]
    assert results[0].origin == f"{path}:1" and "over the limit" in results[0].reason
    assert results[1].id == "ok"


def test_named_pipe_in_a_directory_is_refused_not_read(tmp_path: Path) -> None:
    import os

    os.mkfifo(tmp_path / "a-pipe")
    (tmp_path / "b.txt").write_text(BODY, encoding="utf-8")
    results = list(read_inputs([str(tmp_path)]))
    assert isinstance(results[0], InputFailure) and "regular file" in results[0].reason
    assert isinstance(results[1], Article)


def test_unexpected_library_error_becomes_a_failure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tidings.ingest import readers

    def explode(*args: object, **kwargs: object) -> None:
        raise RuntimeError("parser crashed\nwith a second line")

    monkeypatch.setattr(readers, "article_from_html", explode)
    (tmp_path / "a.html").write_bytes((FIXTURES / "page.html").read_bytes())
    (tmp_path / "b.txt").write_text(BODY, encoding="utf-8")
    failure, article = read_inputs([tmp_path])  # a Path is accepted as well as a str
    assert isinstance(failure, InputFailure) and failure.reason == "unexpected RuntimeError: parser crashed"
    assert isinstance(article, Article)
