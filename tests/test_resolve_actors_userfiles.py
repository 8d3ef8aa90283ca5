"""Users' own dictionaries (YAML, CSV/TSV) add to or override ours, with dated offices."""

from __future__ import annotations

from pathlib import Path

import pytest

from tidings.errors import DataFileError
from tidings.resolve.actors import ActorResolver

NEW_LEADER_YAML = """
actors:
  - name: Aliya Serikbayeva
    kind: person
    country: KAZ
    aliases: [Serikbayeva]
    roles:
      - {title: prime minister, sector: GOV, start: 2031-03-01}
roles:
  - {phrase: peacebuilder, sector: SOC}
"""


def test_a_new_leader_changes_codes_only_after_taking_office(tmp_path: Path):
    path = tmp_path / "mine.yaml"
    path.write_text(NEW_LEADER_YAML, encoding="utf-8")
    resolver = ActorResolver(extra_files=[path])
    before = resolver.lookup("Serikbayeva", "2031-02-28")
    after = resolver.lookup("Prime Minister Aliya Serikbayeva", "2031-03-01")
    assert before is not None and (before.country, before.sector) == ("KAZ", None)
    assert (after.name, after.country, after.sector) == ("Aliya Serikbayeva", "KAZ", "GOV")
    assert resolver.lookup("Kenyan peacebuilders").sector == "SOC"


def test_csv_entries_override_ours(tmp_path: Path):
    path = tmp_path / "override.csv"
    path.write_text("name,kind,country,sector,aliases\nHezbollah,group,LBN,PTY,Hizbullah\n", encoding="utf-8")
    ours = ActorResolver()
    theirs = ActorResolver(extra_files=[path])
    assert ours.lookup("Hezbollah").sector == "REB"
    assert theirs.lookup("Hezbollah").sector == "PTY"
    assert "override.csv" in theirs.lookup("Hizbullah").why


def test_tsv_role_file_is_recognised_by_its_phrase_column(tmp_path: Path):
    path = tmp_path / "roles.tsv"
    path.write_text("phrase\tsector\tkind\tplural\nvolunteer firefighter\tCVL\trole\t\n", encoding="utf-8")
    resolver = ActorResolver(extra_files=[path])
    actor = resolver.lookup("Chilean volunteer firefighters")
    assert (actor.country, actor.sector) == ("CHL", "CVL")


def test_replace_uses_only_the_users_files(tmp_path: Path):
    path = tmp_path / "only.csv"
    path.write_text("name,country,sector\nRivendell Council,RIV,GOV\n", encoding="utf-8")
    resolver = ActorResolver(extra_files=[path], replace=True)
    assert resolver.lookup("Iraqi lawmakers") is None
    assert resolver.lookup("the Rivendell Council").country == "RIV"


@pytest.mark.parametrize("name, text", [
    ("bad_sector.csv", "name,country,sector\nSomebody,USA,XYZ\n"),
    ("bad_date.csv", "name,country,sector,start\nSomebody,USA,GOV,01/02/2020\n"),
    ("no_name.csv", "name,country\n,USA\n"),
    ("empty.yaml", "{}\n"),
])
def test_malformed_user_files_fail_with_a_coded_error(tmp_path: Path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        ActorResolver(extra_files=[path])
    assert info.value.code == "T020"


def test_missing_user_file_is_a_data_file_error(tmp_path: Path):
    with pytest.raises(DataFileError):
        ActorResolver(extra_files=[tmp_path / "nope.yaml"])


def test_a_new_leader_changes_the_coding_of_articles_after_the_start_date(tmp_path: Path):
    from tidings.model import Article, Paragraph
    from tidings.pipeline import Coder, CoderOptions

    path = tmp_path / "mine.yaml"
    path.write_text(NEW_LEADER_YAML, encoding="utf-8")
    coder = Coder(CoderOptions(actor_files=(str(path),))).setup()
    text = "Aliya Serikbayeva met the Kenyan president in Nairobi on Monday."
    sectors = {}
    for date in ("2031-02-01", "2031-06-01"):
        article = Article(id=date, text=text, date=date, paragraphs=[Paragraph(0, len(text))])
        result = next(iter(coder.code_articles([article])))
        actors = [a for e in result.events for a in e.actors if a.name == "Aliya Serikbayeva"]
        assert actors, f"no event with Serikbayeva as actor on {date}"
        sectors[date] = {(a.country, a.sector) for a in actors}
    assert sectors == {"2031-02-01": {("KAZ", None)}, "2031-06-01": {("KAZ", "GOV")}}


def test_a_new_leader_in_a_user_file_changes_an_articles_coding_only_after_the_start(tmp_path: Path):
    """The issue's requirement end to end: the same article, coded through the pipeline
    with the user's file, gives the new prime minister GOV only when it is dated on or
    after the start of the office."""
    from tidings.pipeline import Coder, CoderOptions, code

    path = tmp_path / "leaders.yaml"
    path.write_text(NEW_LEADER_YAML, encoding="utf-8")
    coder = Coder(CoderOptions(actor_files=(str(path),))).setup()
    text = "Aliya Serikbayeva accused the opposition of fraud."

    def source(date: str) -> tuple:
        (event,) = [e for e in code(text, date=date, coder=coder) if e.type == "ACCUSE"]
        (actor,) = event.actors
        return actor.name, actor.country, actor.sector

    assert source("2031-02-28") == ("Aliya Serikbayeva", "KAZ", None)
    assert source("2031-03-01") == ("Aliya Serikbayeva", "KAZ", "GOV")
