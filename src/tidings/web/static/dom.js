// DOM helpers for the dashboard. Article text and every value from the API
// go into the page as text nodes (textContent), never as HTML, so a story
// containing markup cannot inject anything.
"use strict";

const SVG_NS = "http://www.w3.org/2000/svg";

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  setAttrs(node, attrs);
  for (const c of children) append(node, c);
  return node;
}

function svgEl(tag, attrs, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  setAttrs(node, attrs);
  for (const c of children) append(node, c);
  return node;
}

function setAttrs(node, attrs) {
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "onclick") node.addEventListener("click", v);
    else node.setAttribute(k, String(v));
  }
}

function append(node, child) {
  if (child === null || child === undefined) return;
  node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
}

function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
}

function actorLabel(a) {
  if (!a) return "";
  const name = a.name || a.text || "";
  const code = [a.country, a.sector].filter(Boolean).join(" ");
  return code ? `${name} (${code})` : name;
}

function placeLabel(loc) {
  if (!loc) return "";
  return [loc.name || loc.text, loc.country].filter(Boolean).join(", ");
}

// Spans to highlight in an article: [start, end, kind, title], from the
// events' spans and the article's places. Overlapping spans: the earlier
// (then longer) one wins, so the text is split into non-overlapping pieces.
function collectSpans(events, places) {
  const spans = [];
  const add = (pair, kind, title) => {
    if (pair && pair[0] !== null && pair[1] !== null && pair[1] > pair[0]) spans.push([pair[0], pair[1], kind, title]);
  };
  for (const e of events || []) {
    const s = e.spans || {};
    add(s.trigger, "trigger", `${e.type}${e.mode ? " / " + e.mode : ""} (CAMEO ${e.cameo || "?"})`);
    (s.actors || []).forEach((p, i) => add(p, "actor", actorLabel(e.actors[i])));
    (s.recipients || []).forEach((p, i) => add(p, "recipient", actorLabel(e.recipients[i])));
    add(s.location, "place", placeLabel(e.location));
    add(s.date, "date", e.date || "");
  }
  for (const p of places || []) add([p.start, p.end], "place", placeLabel(p));
  spans.sort((a, b) => a[0] - b[0] || (b[1] - b[0]) - (a[1] - a[0]));
  const out = [];
  let end = -1;
  for (const s of spans) {
    if (s[0] >= end) { out.push(s); end = s[1]; }
  }
  return out;
}

function renderHighlighted(container, text, spans) {
  clear(container);
  let pos = 0;
  for (const [start, end, kind, title] of spans) {
    if (start > pos) container.appendChild(document.createTextNode(text.slice(pos, start)));
    container.appendChild(el("mark", { class: kind, title: title }, text.slice(start, end)));
    pos = end;
  }
  if (pos < text.length) container.appendChild(document.createTextNode(text.slice(pos)));
}

function renderEventTable(tbody, events) {
  clear(tbody);
  events.forEach((e, i) => {
    const hurt = [e.fatalities !== null ? `${e.fatalities} dead` : null, e.injuries !== null ? `${e.injuries} hurt` : null]
      .filter(Boolean).join(", ");
    tbody.appendChild(el("tr", { "data-type": e.type },
      el("td", {}, i + 1),
      el("td", {}, e.type, el("br"), el("small", { class: "muted" }, e.trigger || "")),
      el("td", {}, e.mode || ""),
      el("td", {}, (e.actors || []).map(actorLabel).join("; ")),
      el("td", {}, (e.recipients || []).map(actorLabel).join("; ")),
      el("td", {}, placeLabel(e.location)),
      el("td", {}, e.date || "", e.date_text ? el("small", { class: "muted" }, ` “${e.date_text}”`) : null),
      el("td", {}, hurt),
      el("td", {}, e.modality || ""),
    ));
  });
}
