"""The dashboard in headless Chromium: load, filter, see the filtered events on
the map, list and timeline; open an article with escaped, highlighted text.

Uses Debian's /usr/bin/chromium driven by playwright-core from npm (the test
tool never downloads a browser). Screenshots go to artifacts/dashboard.png and
artifacts/article.png.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import httpx
import pytest

from tidings.api import ServerThread, create_app
from tidings.model import Actor, Article, ArticleResult, Event, Place
from tidings.store import open_store
from tidings.store.synthetic import synthetic_results

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "tests" / "browser" / "dashboard.mjs"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
PASTE = "Gunmen attacked a checkpoint near Mosul. Soldiers attacked back <b>hard</b>."
HOSTILE = 'Protesters wrote <img src=x onerror="window.__xss=1"> and <script>window.__xss=1</script> in Baghdad.'

pytestmark = pytest.mark.browser


def hostile_article() -> ArticleResult:
    """An article whose text carries markup: it must show as text, never run."""
    art = Article(id="hostile", text=HOSTILE, title="<b>Not bold</b>", date="2020-01-15", source="Test")
    start = HOSTILE.index("Protesters")
    place_at = HOSTILE.index("Baghdad")
    ev = Event(
        id="hostile-e0", article_id="hostile", sentence_index=0, sentence=HOSTILE, trigger="wrote",
        type="PROTEST", cameo="140", quad_class=3, date="2020-01-15",
        actors=[Actor(text="Protesters", name="Protesters", country="IRQ", sector="OPP", start=start, end=start + 10)],
        location=Place(text="Baghdad", name="Baghdad", country="IRQ", lat=33.34, lon=44.4,
                       start=place_at, end=place_at + 7),
        trigger_start=start + 11, trigger_end=start + 16, sentence_start=0, sentence_end=len(HOSTILE))
    return ArticleResult(article=art, events=[ev], sentences=[(0, len(HOSTILE))])


@pytest.fixture(scope="module")
def dashboard(tmp_path_factory):
    missing = [what for what, ok in (
        ("chromium", Path(CHROMIUM).is_file()),
        ("node", shutil.which("node") is not None),
        ("node_modules/playwright-core (npm ci)", (ROOT / "node_modules" / "playwright-core").is_dir()),
    ) if not ok]
    if missing:
        pytest.skip(f"browser test needs {', '.join(missing)}")
    store = open_store(tmp_path_factory.mktemp("db") / "events.db")
    store.save(synthetic_results(60, events_per_article=4, seed=71, start="2019-11-01", days=90))
    store.save([hostile_article()])
    srv = ServerThread(create_app(store, coder=keyword_coder)).start()
    yield srv.url
    srv.stop()
    store.close()


def keyword_coder(text: str, date: str | None, title: str | None) -> ArticleResult:
    """Stand-in coder for the paste box: "<Word> attacked" is an ASSAULT by Word."""
    result = ArticleResult(article=Article(id="pasted", text=text, title=title, date=date))
    for n, m in enumerate(re.finditer(r"(\w+) (attacked)", text)):
        result.events.append(Event(
            id=f"pasted-{n}", article_id="pasted", sentence_index=n, sentence=m.group(0), trigger="attacked",
            type="ASSAULT", date=date, actors=[Actor(text=m.group(1), start=m.start(1), end=m.end(1))],
            trigger_start=m.start(2), trigger_end=m.end(2)))
    return result


def run_browser(url: str, event_type: str, article_id: str, paste: str) -> dict:
    out = ROOT / "artifacts"
    out.mkdir(exist_ok=True)
    proc = subprocess.run(
        ["node", str(SCRIPT), url, event_type, str(out), article_id, paste],
        capture_output=True, text=True, timeout=120, cwd=ROOT,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_web_dashboard_filter_map_timeline_and_article(dashboard):
    api = httpx.Client(base_url=dashboard)
    total = api.get("/api/stats").json()["events"]
    protests = api.get("/api/events", params={"type": "PROTEST", "limit": 1000}).json()
    by_day = api.get("/api/aggregates/counts", params={"by": "day", "type": "PROTEST"}).json()["items"]

    seen = run_browser(dashboard, "PROTEST", "hostile", PASTE)

    assert seen["consoleErrors"] == [] and seen["offsite"] == []
    before, after = seen["before"], seen["after"]
    # unfiltered: every located event on the map, all of them on the timeline
    assert before["markers"] == total and before["timelineTotal"] == total
    assert before["countries"] > 100  # the world-atlas country shapes are drawn
    assert before["networkNodes"] > 2
    # filtered: the map, the list and the timeline show exactly the PROTEST events
    assert seen["hash"].endswith("type=PROTEST")
    assert after["markers"] == protests["total"] > 0
    assert after["markerTypes"] == ["type-PROTEST"] and after["rowTypes"] == ["PROTEST"]
    assert after["rows"] == min(50, protests["total"])
    assert after["timelineTotal"] == sum(d["n"] for d in by_day) == protests["total"]
    assert after["bars"] == len(by_day)
    assert str(protests["total"]) in after["total"]
    # article view: markup in the story is shown as text, highlights are marks
    art = seen["article"]
    assert art["text"] == HOSTILE and art["title"] == "<b>Not bold</b>"
    assert art["injected"] == 0 and art["xss"] is False
    assert art["marks"]["trigger"] == 1 and art["marks"]["actor"] == 1 and art["marks"]["place"] == 1
    assert art["eventRows"] == 1
    assert (ROOT / "artifacts" / "dashboard.png").stat().st_size > 10_000
    assert Counter(e["type"] for e in protests["items"]) == Counter({"PROTEST": protests["total"]})
    # paste box: posted text comes back coded, highlighted
    assert seen["paste"] == {"error": "", "rows": 2, "triggers": ["attacked", "attacked"],
                             "actors": ["Gunmen", "Soldiers"]}
