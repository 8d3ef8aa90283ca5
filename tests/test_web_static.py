"""The dashboard's files: offline (nothing fetched from other hosts) and no HTML injection sinks."""

from __future__ import annotations

import re
from pathlib import Path

import tidings.web

STATIC = Path(tidings.web.__file__).resolve().parent / "static"
OWN_FILES = [p for p in STATIC.glob("*") if p.suffix in (".html", ".js", ".css")]


def test_web_static_own_files_exist():
    assert {p.name for p in OWN_FILES} >= {"index.html", "dashboard.js", "dom.js", "charts.js", "dashboard.css"}


def test_web_static_references_no_other_host():
    for path in OWN_FILES:
        text = path.read_text(encoding="utf-8")
        # the SVG namespace is an identifier, not a request
        urls = [u for u in re.findall(r"https?://[^\s\"')]+", text) if u != "http://www.w3.org/2000/svg"]
        assert urls == [], f"{path.name} refers to {urls}"
        assert "//cdn" not in text and "@import" not in text


def test_web_static_never_writes_html_strings():
    for path in OWN_FILES:
        if path.suffix != ".js":
            continue
        text = path.read_text(encoding="utf-8")
        for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
            assert sink not in text, f"{path.name} uses {sink}"


def test_web_static_vendor_files_built():
    vendor = STATIC / "vendor"
    missing = [f for f in ("leaflet/leaflet.js", "leaflet/leaflet.css", "topojson-client.min.js", "countries-110m.json")
               if not (vendor / f).is_file()]
    assert not missing, f"missing {missing}: run scripts/build_web.sh (npm ci + copy) in the setup step"


def test_web_static_index_loads_only_local_scripts():
    html = (STATIC / "index.html").read_text(encoding="utf-8")
    srcs = re.findall(r'<script[^>]*src="([^"]+)"', html)
    assert srcs and all(s.startswith("/static/") for s in srcs)
    assert "<script>" not in html  # no inline scripts: the CSP forbids them
