"""A hostile input corpus through the real CLI: `tidings code` and `tidings ingest`.

Every bad input must cost exactly one clear stderr line naming it (no traceback)
and must never stop the good inputs around it. The corpus is generated in
tmp_path on each run (nothing big is committed). The test_ingest_* files check
the readers one input at a time; here all inputs go through one process
together, end to end, as a user's messy folder would.
"""

from __future__ import annotations

import json
import os
import random
import re
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

pytestmark = [pytest.mark.model]

CLI = [sys.executable, "-m", "tidings"]
DATE = "2024-03-05"


def story(place: str, n: int) -> str:
    """A short English wire story that codes into events; `place` tells the inputs apart."""
    return (
        f"Protesters stormed the parliament in {place} on Tuesday, demanding the resignation "
        f"of the prime minister. Police arrested {n} people after clashes near the central "
        f"market, officials said.\n\nThe government in {place} said it would hold talks "
        "with opposition leaders next week."
    )


NON_ENGLISH = {
    "fr": "Des centaines de manifestants se sont rassemblés lundi devant le parlement pour exiger "
          "la démission du premier ministre, accusé de corruption par l'opposition. La police a "
          "indiqué que la foule s'était dispersée dans le calme en soirée.",
    "de": "Hunderte Demonstranten versammelten sich am Montag vor dem Parlament, um den Rücktritt "
          "des Ministerpräsidenten zu fordern, dem die Opposition Korruption vorwirft. Die Polizei "
          "teilte mit, die Menge habe sich am Abend friedlich aufgelöst.",
    "es": "Cientos de manifestantes se concentraron el lunes frente al parlamento para exigir la "
          "dimisión del primer ministro, acusado de corrupción por la oposición. La policía dijo "
          "que la multitud se dispersó de forma pacífica por la noche.",
    "ru": "Сотни демонстрантов собрались в понедельник у здания парламента, требуя отставки "
          "премьер-министра, которого оппозиция обвиняет в коррупции. Полиция сообщила, что "
          "вечером толпа мирно разошлась.",
    "ar": "تجمع مئات المتظاهرين يوم الاثنين أمام البرلمان للمطالبة باستقالة رئيس الوزراء الذي "
          "تتهمه المعارضة بالفساد. وقالت الشرطة إن الحشد تفرق بسلام في المساء.",
    "zh": "周一，数百名抗议者聚集在议会大楼前，要求被反对派指控腐败的总理辞职。警方表示，"
          "人群在晚上和平散去。",
}


@dataclass
class Corpus:
    inputs: list[str]  # what goes on the command line, in order
    bad: list[str]  # origins that must each get exactly one stderr line
    good: dict[str, str]  # marker place -> origin of the input that must be coded
    quiet: list[str]  # good inputs that need not yield events but must be coded and stored


def build_corpus(root: Path) -> Corpus:
    """Write every hostile input, plus good articles in awkward encodings and shapes."""
    rng = random.Random(8)
    bad: list[str] = []
    good: dict[str, str] = {}

    def put(name: str, data: bytes, *, marker: str | None = None) -> str:
        """Write one input file; without a marker it is one that must be refused."""
        path = root / name
        path.write_bytes(data)
        if marker:
            good[marker] = str(path)
        else:
            bad.append(str(path))
        return str(path)

    files = [
        put("good.txt", story("Baghdad", 12).encode(), marker="Baghdad"),
        put("empty.txt", b""),
        put("blank.txt", b"  \n\t\r\n  "),
        put("random.bin", bytes(rng.randrange(256) for _ in range(4096))),
        put("nul.txt", story("Nowhere", 3).encode().replace(b" ", b"\x00", 5)),
        put("bad-utf8.txt", b"\x81\x8d\x8f\x90\x9d" * 60),
        put("fake.pdf", b"%PDF-1.7\n" + bytes(range(256)) * 8),
        put("utf16-bom.txt", story("Kabul", 14).encode("utf-16"), marker="Kabul"),
        put("utf16le-nobom.txt", story("Nairobi", 15).encode("utf-16-le"), marker="Nairobi"),
        put("cp1252.txt", (story("Caracas", 16) + " The caf\u00e9 owner\u2019s \u201cfear\u201d grew.")
            .encode("cp1252"), marker="Caracas"),
        # A 40 KB single paragraph: parsed in pieces (nlp.MAX_PARAGRAPH_CHARS), offsets kept.
        put("long-paragraph.txt", " ".join(story("Manila", k).replace("\n\n", " ") for k in range(150))
            .encode(), marker="Manila"),
        put("nested.html", _nested_html(story("Kyiv", 18), depth=250).encode(), marker="Kyiv"),
        # Past lxml's depth limit (255) the text is lost; one clear line is the floor
        # (see the xfail test below for what it should do).
        put("nested-3000.html", _nested_html(story("Lost", 18), depth=3000).encode()),
        put("unclosed.html", _unclosed_html(story("Khartoum", 19)).encode(), marker="Khartoum"),
        put("scripts.html", _script_html(story("Beirut", 20)).encode(), marker="Beirut"),
        put("only-script.html", b"<html><head><script>var x = 1;</script></head><body><script>"
            + b"alert(1)" * 100 + b"</script></body></html>"),
    ]
    files += [put(f"lang-{code}.txt", text.encode()) for code, text in NON_ENGLISH.items()]
    # One 100,000-token "sentence" of news words (about 650 KB): past the coder's
    # per-article limit (CoderOptions.max_chars), so skipped with a clear line.
    words = ["the", "minister", "said", "police", "army", "talks", "city", "people", "government"]
    long_sentence = root / "sentence-100k-tokens.txt"
    long_sentence.write_text(" ".join(rng.choice(words) for _ in range(100_000)) + ".", encoding="utf-8")
    files.append(str(long_sentence))
    bad.append(str(long_sentence))

    jsonl = root / "records.jsonl"
    lines = [
        json.dumps({"id": "j-ok-1", "date": DATE, "text": story("Tripoli", 21)}),
        '{"id": "j-broken", "text": "unterminated',
        json.dumps({"id": "j-ok-2", "date": DATE, "text": story("Sanaa", 22)}),
        "\x00\x01 not json at all",
        json.dumps({"id": "j-no-text"}),
        "",  # blank lines are not records
        json.dumps({"id": "j-fr", "text": NON_ENGLISH["fr"]}),
    ]
    jsonl.write_text("\n".join(lines) + "\n", encoding="utf-8")
    files.append(str(jsonl))
    good["Tripoli"] = good["Sanaa"] = str(jsonl)
    bad += [f"{jsonl}:2", f"{jsonl}:4", f"{jsonl}:5", f"{jsonl}:7"]

    csv_path = root / "records.csv"
    body = story("Mogadishu", 23).replace('"', '""')
    csv_path.write_text(f'id,date,text\nc-ok,{DATE},"{body}"\nc-empty,{DATE},""\n', encoding="utf-8")
    files.append(str(csv_path))
    good["Mogadishu"] = str(csv_path)
    bad.append(f"{csv_path}:{2 + body.count(chr(10)) + 1}")  # origins name the record's first line

    missing = str(root / "does-not-exist.txt")
    files.append(missing)
    bad.append(missing)
    return Corpus(inputs=files, bad=bad, good=good, quiet=[])


def _nested_html(text: str, depth: int) -> str:
    paras = "".join(f"<p>{p}</p>" for p in text.split("\n\n"))
    return ("<html><body>" + "<div>" * depth + f"<article><h1>Clashes</h1>{paras}</article>"
            + "</div>" * depth + "</body></html>")


def _unclosed_html(text: str) -> str:
    paras = "".join(f"<p>{p}" for p in text.split("\n\n"))
    return "<html><head><title>Clashes<body><div><div><article>" + paras + "<span><b><i>"


def _script_html(text: str) -> str:
    data_uri = "data:image/png;base64," + "iVBORw0KGgo" * 200_000  # ~2 MB inline image
    paras = "".join(f"<p>{p}</p>" for p in text.split("\n\n"))
    return (
        "<html><head><title>Clashes</title><script>" + "var junk = 'x';" * 20_000 + "</script>"
        f"<style>body {{ background: url({data_uri}); }}</style></head><body>"
        f"<img src=\"{data_uri}\" alt=\"photo\"><article>{paras}</article>"
        "<script>document.write('<p>Injected paragraph</p>')</script></body></html>"
    )


def stderr_lines_naming(stderr: str, origin: str) -> list[str]:
    """Lines naming exactly this origin: "x.jsonl" does not match "x.jsonl:2", nor ":2" ":20"."""
    pattern = re.compile(re.escape(origin) + r"(?=$|\s|: )")
    return [line for line in stderr.splitlines() if pattern.search(line)]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    return build_corpus(tmp_path_factory.mktemp("hostile"))


def test_robust_code_cli_reports_each_bad_input_once_and_codes_the_good(corpus: Corpus) -> None:
    start = time.monotonic()
    proc = subprocess.run([*CLI, "code", *corpus.inputs, "--date", DATE],
                          capture_output=True, text=True, timeout=600, check=False)
    elapsed = time.monotonic() - start
    assert proc.returncode == 1, proc.stderr[-3000:]
    assert "Traceback" not in proc.stderr, proc.stderr[-3000:]
    for origin in corpus.bad:
        lines = stderr_lines_naming(proc.stderr, origin)
        assert len(lines) == 1, (origin, lines, proc.stderr[-3000:])
        assert "T0" in lines[0], lines[0]  # a coded reason
    for origin in corpus.quiet:
        assert origin not in proc.stderr, proc.stderr[-3000:]
    failure_lines = [ln for ln in proc.stderr.splitlines() if "skipped" in ln]
    assert len(failure_lines) == len(corpus.bad), failure_lines
    events = [json.loads(line) for line in proc.stdout.splitlines()]
    sentences = " ".join(e["sentence"] for e in events)
    for marker in corpus.good:
        assert marker in sentences, f"no event coded from the {marker} article ({corpus.good[marker]})"
    assert "Nowhere" not in sentences and "Lost" not in sentences and "Injected" not in sentences
    assert elapsed < 240, f"the hostile corpus took {elapsed:.0f} s"


def test_robust_ingest_cli_stores_good_articles_exactly_once(corpus: Corpus, tmp_path: Path) -> None:
    db = tmp_path / "hostile.db"
    inputs = [i for i in corpus.inputs if i not in corpus.quiet]
    cmd = [*CLI, "ingest", *inputs, "--db", str(db), "--date", DATE, "--workers", "1", "--no-progress"]
    first = subprocess.run(cmd, capture_output=True, text=True, timeout=600, check=False)
    assert first.returncode == 0, first.stderr[-3000:]
    assert "Traceback" not in first.stderr, first.stderr[-3000:]
    for origin in corpus.bad:
        assert len(stderr_lines_naming(first.stderr, origin)) == 1, (origin, first.stderr[-3000:])
    again = subprocess.run(cmd, capture_output=True, text=True, timeout=600, check=False)
    assert again.returncode == 0 and "Traceback" not in again.stderr, again.stderr[-3000:]
    n_good_articles = len(corpus.good)
    with sqlite3.connect(db) as con:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        n, distinct = con.execute("SELECT count(*), count(DISTINCT content_hash) FROM articles").fetchone()
        texts = [row[0] for row in con.execute("SELECT text FROM articles")]
        orphans = con.execute(
            "SELECT count(*) FROM events e LEFT JOIN articles a ON a.pk = e.article_pk WHERE a.pk IS NULL"
        ).fetchone()[0]
    assert n == distinct == n_good_articles, (n, distinct, sorted(corpus.good))
    for marker in corpus.good:
        assert sum(marker in t for t in texts) == 1, marker
    assert orphans == 0
    assert f"{n_good_articles} already stored" in again.stderr, again.stderr[-1000:]


def test_robust_ten_megabyte_paragraph_is_read_quickly_with_valid_offsets(tmp_path: Path) -> None:
    """The reader side of the 10 MB single-paragraph article (coding it is measured, not run:
    see docs/ROBUSTNESS.md, about 150 s and 2.5 KB of RSS per input character)."""
    from tidings.ingest import read_inputs
    from tidings.model import Article

    path = tmp_path / "huge.txt"
    sentence = story("Baghdad", 7).replace("\n\n", " ") + " "
    with path.open("w", encoding="utf-8") as fh:
        fh.write(sentence * (10_000_000 // len(sentence) + 1))
    start = time.monotonic()
    (article,) = read_inputs([str(path)], date=DATE)
    elapsed = time.monotonic() - start
    assert isinstance(article, Article), article
    assert len(article.text) >= 10_000_000
    assert article.paragraphs and all(0 <= p.start < p.end <= len(article.text) for p in article.paragraphs)
    assert elapsed < 20, f"reading a 10 MB article took {elapsed:.1f} s"
    os.remove(path)


@pytest.mark.xfail(strict=True, reason=(
    "ingest/html.py: HTML nested deeper than lxml's 255-level limit yields EmptyInput "
    "'no article text found in the HTML' although the page has an article; expected the "
    "text (or a message naming the nesting)"))
def test_robust_html_nested_past_lxml_limit_keeps_its_text() -> None:
    from tidings.ingest import article_from_html

    article = article_from_html(_nested_html(story("Kyiv", 3), depth=1000))
    assert "Kyiv" in article.text


def test_robust_absurd_relative_date_loses_nothing(tmp_path: Path) -> None:
    path = tmp_path / "absurd-date.txt"
    path.write_text("Police arrested 25 protesters in Baghdad 1000000 days ago, officials said.\n\n"
                    "The army attacked rebels in Kabul on Tuesday.", encoding="utf-8")
    proc = subprocess.run([*CLI, "code", str(path), "--date", DATE], capture_output=True, text=True, timeout=300, check=False)
    assert "Traceback" not in proc.stderr
    assert proc.returncode == 0 and "Kabul" in proc.stdout
