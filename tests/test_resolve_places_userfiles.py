"""Users' place dictionaries (`--places FILE`, `CoderOptions.place_files`): their
villages are found and placed, their names win over ours, and a bad file fails
naming the file and the line."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from tidings.cli.code import code
from tidings.cli.places import places
from tidings.errors import DataFileError
from tidings.ingest import article_from_text
from tidings.pipeline import Coder, CoderOptions
from tidings.resolve.gazetteer import SUPPLEMENT_COLUMNS, get
from tidings.resolve.places import Geoparser

VILLAGE = "Kafr Zulmayeh"  # made up: no gazetteer of ours knows it
STORY = (f"Government forces shelled the village of {VILLAGE} on Monday, killing four "
         "civilians, activists said.")


def _tsv(path, *rows: str) -> str:
    path.write_text("\t".join(SUPPLEMENT_COLUMNS) + "\n" + "".join(r + "\n" for r in rows), encoding="utf-8")
    return str(path)


@pytest.fixture(scope="module")
def village_file(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("places") / "villages.tsv"
    return _tsv(path, "# our field list", f"{VILLAGE}\tKfar Zulmayeh\tSYR\tPPL\t35.81\t36.52\tIdlib\t1500")


def _locations(coder: Coder, text: str) -> list:
    (result,) = coder.code_batch([article_from_text(text, date="2024-03-04")])
    return [e.location for e in result.events]


def test_user_village_is_found_and_placed_through_the_pipeline(village_file, coder) -> None:
    assert not get().has(VILLAGE), "the test village must be unknown to the packaged gazetteer"
    with_file = Coder(CoderOptions(place_files=(village_file,))).setup()
    located = [loc for loc in _locations(with_file, STORY) if loc is not None]
    assert located, "the shelling should be coded with a location"
    assert all((loc.name, loc.country, loc.admin1) == (VILLAGE, "SYR", "Idlib") for loc in located)
    assert (located[0].lat, located[0].lon) == (35.81, 36.52)
    # without the file the name may still be seen as a place, but nothing resolves it
    for loc in _locations(coder, STORY):
        assert loc is None or (loc.lat is None and loc.country != "SYR")


def test_user_alias_finds_the_village_and_the_base_gazetteer_is_unchanged(village_file) -> None:
    geo = Geoparser(place_files=[village_file])
    place = geo.lookup("Kfar Zulmayeh")
    assert place is not None and place.name == VILLAGE
    assert not get().has("Kfar Zulmayeh")
    assert Geoparser().lookup(VILLAGE) is None


def test_places_command_reads_a_csv_with_only_the_required_columns(tmp_path) -> None:
    csv_file = tmp_path / "camps.csv"
    csv_file.write_text("name,aliases,country,feature,lat,lon\nCamp Tawila North,,SDN,PPL,13.5,24.9\n",
                        encoding="utf-8")
    story = tmp_path / "story.txt"
    story.write_text("Thousands fled to Camp Tawila North after the attack.", encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(places, [str(story), "--places", str(csv_file)])
    assert result.exit_code == 0, result.output
    recs = [json.loads(line) for line in result.output.splitlines() if line.strip()]
    assert [(r["name"], r["country"], r["lat"]) for r in recs] == [("Camp Tawila North", "SDN", 13.5)]
    without = runner.invoke(places, [str(story)])
    assert "Camp Tawila North" not in without.output


def test_user_entry_overrides_our_reading_unless_the_text_qualifies_it(tmp_path) -> None:
    ours = Geoparser().lookup("Springfield")
    assert ours is not None and ours.admin1 != "Oregon"
    geo = Geoparser(place_files=[_tsv(tmp_path / "mine.tsv", "Springfield\t\tUSA\tPPL\t44.05\t-123.02\tOregon\t")])
    mine = geo.lookup("Springfield")
    assert mine is not None and (mine.admin1, mine.lat) == ("Oregon", 44.05)
    qualified = geo.lookup("Springfield, Mass.")
    assert qualified is not None and qualified.admin1 == "Massachusetts"


def test_country_alias_row_adds_a_name_to_our_country(tmp_path) -> None:
    geo = Geoparser(place_files=[_tsv(tmp_path / "aliases.tsv", "North Korea\tHermit Kingdom\tPRK\tPCLI")])
    place = geo.lookup("Hermit Kingdom")
    assert place is not None and (place.country, place.feature) == ("PRK", "PCLI")


@pytest.mark.parametrize(("row", "why"), [
    ("Badville\t\tSYR\tPPL\t95.0\t36.5\t\t", "lat/lon"),
    ("Badville\t\tSYRIA\tPPL\t35.0\t36.5\t\t", "ISO3"),
    ("Badville\t\tSYR\tPPL\t35.0", "lat/lon"),
    ("Badville\t\tSYR\tPPL\t35.0\t36.5\t\t\textra", "columns"),
    ("Badville\t\tSYR\tPPL\t35.0\t36.5\t\tmany", "population"),
])
def test_malformed_file_fails_naming_file_and_line(tmp_path, row: str, why: str) -> None:
    path = _tsv(tmp_path / "broken.tsv", "# comment lines count too", "Goodville\t\tSYR\tPPL\t35.0\t36.5\t\t", row)
    with pytest.raises(DataFileError) as info:
        Geoparser(place_files=[path])
    message = str(info.value)
    assert message.startswith("T020: ") and path in message and "line 4" in message and why in message


def test_malformed_file_stops_the_code_command_before_coding(tmp_path) -> None:
    path = tmp_path / "broken.csv"
    path.write_text("name,country,lat,lon\nGoodville,SYR,35,36\n", encoding="utf-8")
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    result = CliRunner().invoke(code, [str(story), "--places", str(path)])
    assert result.exit_code == 2
    assert "broken.csv" in result.output and "line 1" in result.output and "header" in result.output


def test_code_command_places_the_event_with_places_option(tmp_path, village_file) -> None:
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    result = CliRunner().invoke(code, [str(story), "--places", village_file, "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    events = [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]
    assert events and all(e["location"]["country"] == "SYR" and e["location"]["lat"] == 35.81 for e in events)


def test_user_village_named_without_a_preposition_is_found(village_file) -> None:
    """A user's village opening a clause ("Kafr Zulmayeh was shelled") has no "in"
    before it and may escape the entity recogniser: listing it is enough."""
    from tidings.nlp import load as load_nlp

    text = f"{VILLAGE} was shelled again on Monday, activists said."
    doc = load_nlp()(text)
    article = article_from_text(text, date="2024-03-04")
    found = Geoparser(place_files=[village_file]).find([doc], article).places
    assert [(p.name, p.country) for p in found] == [(VILLAGE, "SYR")]
