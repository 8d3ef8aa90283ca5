// The tidings dashboard: filters -> map, event list, timeline, actor network;
// an article view with highlights; a box to code pasted text. Everything comes
// from this server's JSON API (each panel links to its JSON twin).
"use strict";

const PLOVER_TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
  "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];
const QUAD_COLOURS = { 1: "#2b8a3e", 2: "#1c7ed6", 3: "#e67700", 4: "#c92a2a" };
const PAGE = 50, MAP_LIMIT = 1000;

const state = { filters: new URLSearchParams(), offset: 0, map: null, markers: null, countries: null };
const $ = (id) => document.getElementById(id);

async function api(path, options) {
  const res = await fetch(path, options);
  const body = await res.json();
  if (!res.ok) {
    const err = body && body.error ? body.error : { code: "T000", message: res.statusText };
    throw new Error(`${err.code}: ${err.message}`);
  }
  return body;
}

function query(extra) {
  const p = new URLSearchParams(state.filters);
  for (const [k, v] of Object.entries(extra || {})) p.set(k, v);
  const s = p.toString();
  return s ? `?${s}` : "";
}

// --- filters ---------------------------------------------------------------
function readFilters() {
  const p = new URLSearchParams();
  for (const input of $("filters").querySelectorAll("input, select")) {
    const v = input.value.trim();
    if (v) p.set(input.name, v);
  }
  return p;
}

function writeFilters(p) {
  for (const input of $("filters").querySelectorAll("input, select")) input.value = p.get(input.name) || "";
}

async function fillTypes() {
  const sel = $("f-type");
  let counts = {};
  try {
    counts = Object.fromEntries((await api("/api/aggregates/counts?by=type")).items.map((d) => [d.key, d.n]));
  } catch (e) { /* the list still works without counts */ }
  for (const t of PLOVER_TYPES) sel.appendChild(el("option", { value: t }, counts[t] ? `${t} (${counts[t]})` : t));
}

// --- map -------------------------------------------------------------------
async function initMap() {
  state.map = L.map("map", { minZoom: 1, maxZoom: 12, worldCopyJump: true, zoomSnap: 0.5 }).setView([25, 15], 1.5);
  state.map.attributionControl.addAttribution("Countries: Natural Earth via world-atlas");
  const topo = await (await fetch("/static/vendor/countries-110m.json")).json();
  state.countries = L.geoJSON(planar(topojson.feature(topo, topo.objects.countries)), {
    style: { color: "#868e96", weight: 0.6, fillColor: "#e9ecef", fillOpacity: 1 },
    interactive: false,
  }).addTo(state.map);
  state.markers = L.layerGroup().addTo(state.map);
}

// world-atlas shapes are spherical: a ring that crosses the antimeridian jumps
// from +180 to -180, which a flat map draws as a stripe across the world.
// Unwrap such rings (Russia, Fiji) to continuous longitudes; leave out
// Antarctica, which circles the pole and has no events to show.
function planar(fc) {
  const unwrap = (ring) => {
    let shift = 0;
    return ring.map((pt, i) => {
      if (i > 0) {
        const d = pt[0] - ring[i - 1][0];
        if (d > 180) shift -= 360; else if (d < -180) shift += 360;
      }
      return [pt[0] + shift, pt[1]];
    });
  };
  fc.features = fc.features.filter((f) => f.properties.name !== "Antarctica").map((f) => {
    const g = f.geometry;
    if (g && g.type === "Polygon") g.coordinates = g.coordinates.map(unwrap);
    if (g && g.type === "MultiPolygon") g.coordinates = g.coordinates.map((poly) => poly.map(unwrap));
    return f;
  });
  return fc;
}

function popupFor(e) {
  return el("div", { class: "popup" },
    el("strong", {}, `${e.type}${e.mode ? " / " + e.mode : ""}`), " ", e.date || "", el("br"),
    (e.actors || []).map(actorLabel).join("; ") || "?", " → ", (e.recipients || []).map(actorLabel).join("; ") || "—",
    el("br"), el("em", {}, placeLabel(e.location)), el("br"),
    el("a", { href: `#/article/${encodeURIComponent(e.article_id)}` }, "article"));
}

function drawMarkers(events) {
  state.markers.clearLayers();
  const points = [];
  for (const e of events) {
    const loc = e.location;
    if (!loc || loc.lat === null || loc.lon === null) continue;
    const m = L.circleMarker([loc.lat, loc.lon], {
      radius: 5, weight: 1, color: "#212529", fillColor: QUAD_COLOURS[e.quad_class] || "#495057", fillOpacity: 0.8,
      className: `event-marker type-${e.type}`,
    });
    m.bindPopup(() => popupFor(e));
    m.addTo(state.markers);
    points.push([loc.lat, loc.lon]);
  }
  $("map").dataset.markers = String(points.length);
  if (points.length) state.map.fitBounds(L.latLngBounds(points).pad(0.3), { maxZoom: 6 });
}

// --- events view -----------------------------------------------------------
function renderList(page) {
  const tbody = $("event-table").querySelector("tbody");
  clear(tbody);
  for (const e of page.items) {
    tbody.appendChild(el("tr", { "data-type": e.type, class: "clickable", onclick: () => { location.hash = `#/article/${encodeURIComponent(e.article_id)}`; } },
      el("td", {}, e.date || "—"),
      el("td", {}, e.type, e.mode ? el("small", { class: "muted" }, ` ${e.mode}`) : null),
      el("td", {}, (e.actors || []).map(actorLabel).join("; ")),
      el("td", {}, (e.recipients || []).map(actorLabel).join("; ")),
      el("td", {}, placeLabel(e.location))));
  }
  const more = page.total_exact ? "" : "+";
  $("event-total").textContent = `${page.total}${more} matching`;
  const last = Math.min(page.offset + page.items.length, page.total);
  $("page-info").textContent = page.total ? `${page.offset + 1}–${last} of ${page.total}${more}` : "none";
  $("prev").disabled = page.offset === 0;
  $("next").disabled = last >= page.total;
}

async function refresh() {
  document.body.dataset.state = "loading";
  $("f-error").textContent = "";
  try {
    const counts0 = await api(`/api/aggregates/counts${query({ by: "day" })}`);
    const by = counts0.items.length > 400 ? "week" : "day";
    const [page, mapPage, counts, dyads, stats] = await Promise.all([
      api(`/api/events${query({ limit: PAGE, offset: state.offset })}`),
      api(`/api/events${query({ limit: MAP_LIMIT })}`),
      by === "day" ? counts0 : api(`/api/aggregates/counts${query({ by })}`),
      api(`/api/aggregates/dyads${query({ limit: 40 })}`),
      api("/api/stats"),
    ]);
    renderList(page);
    drawMarkers(mapPage.items);
    $("timeline-unit").textContent = `(${by === "day" ? "per day" : "per week"}, ${counts.items.reduce((s, d) => s + d.n, 0)} dated)`;
    drawTimeline($("timeline"), fillDays(counts.items, by === "day" ? 1 : 7), by === "day" ? (key) => { writeFilters(new URLSearchParams({ ...Object.fromEntries(state.filters), date_from: key, date_to: key })); apply(); } : null);
    drawNetwork($("network"), dyads.items);
    $("stats").textContent = `${stats.articles} articles, ${stats.events} events (${stats.database})`;
    $("json-events").href = `/api/events${query({ limit: PAGE, offset: state.offset })}`;
    $("json-map").href = `/api/events${query({ limit: MAP_LIMIT })}`;
    $("json-timeline").href = `/api/aggregates/counts${query({ by })}`;
    $("json-dyads").href = `/api/aggregates/dyads${query({ limit: 40 })}`;
    document.body.dataset.state = "ready";
  } catch (err) {
    $("f-error").textContent = err.message;
    document.body.dataset.state = "error";
  }
}

function apply() {
  state.filters = readFilters();
  state.offset = 0;
  const q = state.filters.toString();
  if (location.hash !== `#/${q ? "?" + q : ""}`) location.hash = `#/${q ? "?" + q : ""}`;
  else refresh();
}

// --- article view ----------------------------------------------------------
async function showArticle(id) {
  document.body.dataset.state = "loading";
  const a = await api(`/api/articles/${encodeURIComponent(id)}`);
  $("article-title").textContent = a.title || a.id;
  $("article-meta").textContent = [a.source, a.date, a.url, `${a.events.length} events`].filter(Boolean).join(" · ");
  $("json-article").href = `/api/articles/${encodeURIComponent(id)}`;
  renderHighlighted($("article-text"), a.text, collectSpans(a.events, a.places));
  renderEventTable($("article-events").querySelector("tbody"), a.events);
  document.body.dataset.state = "ready";
}

// --- paste box -------------------------------------------------------------
async function codePasted(ev) {
  ev.preventDefault();
  $("paste-error").textContent = "";
  const body = { text: $("paste-text").value, title: $("paste-title").value || null, date: $("paste-date").value || null };
  try {
    $("paste-code").disabled = true;
    const r = await api("/api/code", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
    renderHighlighted($("paste-article-text"), r.article.text, collectSpans(r.events, r.places));
    renderEventTable($("paste-events").querySelector("tbody"), r.events);
    $("paste-result").hidden = false;
  } catch (err) {
    $("paste-error").textContent = err.message;
  } finally {
    $("paste-code").disabled = false;
  }
}

// --- routing ---------------------------------------------------------------
function route() {
  const h = location.hash || "#/";
  const show = (name) => {
    for (const v of ["events", "article", "paste"]) $(`view-${v}`).hidden = v !== name;
    $("filters").hidden = name !== "events";
  };
  if (h.startsWith("#/article/")) {
    show("article");
    showArticle(decodeURIComponent(h.slice("#/article/".length))).catch((err) => {
      $("article-title").textContent = err.message;
      document.body.dataset.state = "error";
    });
  } else if (h.startsWith("#/paste")) {
    show("paste");
  } else {
    show("events");
    const qs = h.indexOf("?") >= 0 ? h.slice(h.indexOf("?") + 1) : "";
    state.filters = new URLSearchParams(qs);
    writeFilters(state.filters);
    state.map.invalidateSize();
    refresh();
  }
}

async function main() {
  await Promise.all([fillTypes(), initMap()]);
  $("filters").addEventListener("submit", (ev) => { ev.preventDefault(); apply(); });
  $("f-reset").addEventListener("click", () => { writeFilters(new URLSearchParams()); apply(); });
  $("prev").addEventListener("click", () => { state.offset = Math.max(0, state.offset - PAGE); refresh(); });
  $("next").addEventListener("click", () => { state.offset += PAGE; refresh(); });
  $("paste-form").addEventListener("submit", codePasted);
  window.addEventListener("hashchange", route);
  route();
}

main();
