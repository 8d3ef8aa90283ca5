"""A user's TIDINGS_CUES folder changes what tidings codes (lists bind at import: a fresh process)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = """
import json, tidings
from tidings.extract.counts import parse_number
out = {"count": parse_number("two crore")}
evs = tidings.code("The plan met with enthusiasm from Kenyan officials.", date="2024-01-01")
out["types"] = [e.type for e in evs]
print(json.dumps(out))
"""


def _run(env_folder: Path | None) -> dict:
    env = dict(os.environ)
    env.pop("TIDINGS_CUES", None)
    if env_folder is not None:
        env["TIDINGS_CUES"] = str(env_folder)
    done = subprocess.run([sys.executable, "-c", SCRIPT], check=False, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.model
def test_lexicon_cues_override_user_words_change_the_coding(tmp_path: Path) -> None:
    (tmp_path / "counts.yaml").write_text("scales:\n  crore: 10000000\n", encoding="utf-8")
    (tmp_path / "idioms.yaml").write_text("not_partners: [enthusiasm]\n", encoding="utf-8")
    before = _run(None)
    after = _run(tmp_path)
    assert before["count"] is None or before["count"] < 1000
    assert after["count"] == 20_000_000
    assert "CONSULT" in before["types"], "the packaged rules no longer misread this sentence: pick another"
    assert "CONSULT" not in after["types"]  # the user listed the manner noun: no meeting
