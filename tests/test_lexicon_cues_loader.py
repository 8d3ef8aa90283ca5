"""The cue-word loader: packaged lists load, malformed files fail with the file and list named."""

from __future__ import annotations

from pathlib import Path

import pytest

from tidings.errors import DataFileError
from tidings.lexicon import cues as cue_mod
from tidings.lexicon.cues import areas, cues, load_cues, number_map, word_set


def _write(folder: Path, area: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{area}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_lexicon_cues_word_set_is_frozen_and_cached() -> None:
    words = word_set("modality", "future_governors")
    assert isinstance(words, frozenset)
    assert "vow" in words and "plan" in words
    assert cues("modality") is cues("modality")


def test_lexicon_cues_number_map_keeps_file_order_and_is_a_copy() -> None:
    vague = number_map("counts", "vague")
    assert list(vague)[:2] == ["dozens", "scores"]  # parse_number tries them in this order
    vague["dozens"] = 1
    assert number_map("counts", "vague")["dozens"] == 24


def test_lexicon_cues_yaml_words_no_and_on_stay_words() -> None:
    # YAML 1.1 would read `no` as false: the loader keeps it the word
    assert number_map("counts", "units")["no"] == 0


def test_lexicon_cues_missing_list_names_file_and_list() -> None:
    with pytest.raises(DataFileError, match=r"modality\.yaml.*no word list 'not_a_list'"):
        word_set("modality", "not_a_list")


def test_lexicon_cues_missing_area_names_file() -> None:
    with pytest.raises(DataFileError, match=r"nowhere\.yaml"):
        load_cues("nowhere")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("verbs: [Say]\n", r"'Say' must be lower-case"),
        ("verbs: [say, say]\n", r"say written twice"),
        ("verbs: []\n", r"list 'verbs' must be a non-empty list"),
        ("verbs: [say, 12]\n", r"12 is not a word"),
        ("verbs: [say\n", r"not valid YAML"),
        ("- say\n- tell\n", r"expected a mapping"),
        ("verbs: [say]\nverbs: [tell]\n", r"duplicate key 'verbs'"),
        ("Verbs: [say]\n", r"must be snake_case"),
        ("units: {two: two}\n", r"'two' needs a whole number"),
        ("intent: {AGREE: 30}\n", r"not a quoted CAMEO code"),
        ("intent: {AGREED: \"030\"}\n", r"'AGREED' is not a PLOVER type"),
    ],
)
def test_lexicon_cues_malformed_file_is_refused(tmp_path: Path, text: str, message: str) -> None:
    path = _write(tmp_path, "speech", text)
    with pytest.raises(DataFileError, match=message) as err:
        load_cues("speech", base=tmp_path)
    assert str(path) in str(err.value)
    assert err.value.code == "T020"


def test_lexicon_cues_user_folder_adds_and_removes(tmp_path: Path) -> None:
    base = tmp_path / "base"
    _write(base, "speech", "verbs: [say, tell]\nunits: {one: 1, two: 2}\nhostile: {ASSAULT: \"138\"}\n")
    user = tmp_path / "user"
    _write(user, "speech", "verbs: {add: [write], remove: [tell]}\nunits: {crore: 10000000, two: null}\n"
           "hostile: {PROTEST: \"133\"}\n")
    got = load_cues("speech", base=base, extra_dirs=[user])
    assert got.word_set("verbs") == {"say", "write"}
    assert got.number_map("units") == {"one": 1, "crore": 10_000_000}
    assert got.code_map("hostile") == {"ASSAULT": "138", "PROTEST": "133"}


def test_lexicon_cues_user_list_adds_words(tmp_path: Path) -> None:
    base = tmp_path / "base"
    _write(base, "speech", "verbs: [say]\n")
    user = tmp_path / "user"
    _write(user, "speech", "verbs: [tell]\n")
    assert load_cues("speech", base=base, extra_dirs=[user]).word_set("verbs") == {"say", "tell"}


@pytest.mark.parametrize(
    ("user_file", "user_text", "message"),
    [
        ("speech", "verbz: [tell]\n", r"no list 'verbz' in the packaged file"),
        ("speach", "verbs: [tell]\n", r"no packaged cue file speach\.yaml"),
        ("speech", "verbs: {remove: [say]}\n", r"list 'verbs' is empty"),
        ("speech", "verbs: {drop: [say]}\n", r"takes a list of words"),
        ("speech", "verbs: [Tell]\n", r"'Tell' must be lower-case"),
        ("speech", "verbs: {remove: [sya]}\n", r"cannot remove 'sya': not in it"),
        ("speech", "units: {three: null}\n", r"cannot remove 'three': not in it"),
    ],
)
def test_lexicon_cues_bad_user_file_is_refused(tmp_path: Path, user_file: str, user_text: str, message: str) -> None:
    base = tmp_path / "base"
    _write(base, "speech", "verbs: [say]\nunits: {one: 1}\n")
    user = tmp_path / "user"
    _write(user, user_file, user_text)
    with pytest.raises(DataFileError, match=message):
        load_cues("speech", base=base, extra_dirs=[user])


def test_lexicon_cues_env_folder_must_exist(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(cue_mod.ENV_VAR, str(tmp_path / "missing"))
    with pytest.raises(DataFileError, match=r"TIDINGS_CUES: .*missing is not a folder"):
        cue_mod.user_dirs()


def test_lexicon_cues_areas_lists_the_packaged_files() -> None:
    assert {"modality", "intent", "idioms", "speech", "counts", "coref", "places"} <= set(areas())
