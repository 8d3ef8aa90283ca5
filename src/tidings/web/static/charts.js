// Plain-SVG charts: a bar timeline of counts and a circle-layout actor network.
"use strict";

// Days (or week starts) with no events are filled in with zero bars, so the
// x axis is true time. `step` is 1 for days, 7 for weeks.
function fillDays(items, step) {
  if (items.length < 2 || !/^\d{4}-\d{2}-\d{2}$/.test(items[0].key)) return items;
  const byKey = new Map(items.map((d) => [d.key, d.n]));
  const out = [];
  const end = Date.parse(items[items.length - 1].key + "T00:00:00Z");
  for (let t = Date.parse(items[0].key + "T00:00:00Z"); t <= end && out.length < 5000; t += step * 86400000) {
    const key = new Date(t).toISOString().slice(0, 10);
    out.push({ key, n: byKey.get(key) || 0 });
  }
  return out;
}

function drawTimeline(svg, items, onPick) {
  clear(svg);
  const W = svg.clientWidth || 600, H = svg.clientHeight || 140;
  const pad = { l: 36, r: 8, t: 8, b: 22 };
  svg.setAttribute("viewBox", `0 0 ${W} ${H}`);
  if (!items.length) {
    svg.appendChild(svgEl("text", { x: W / 2, y: H / 2, "text-anchor": "middle", class: "muted" }, "no dated events"));
    return;
  }
  const max = Math.max(...items.map((d) => d.n));
  const bw = (W - pad.l - pad.r) / items.length;
  const y = (n) => H - pad.b - (n / max) * (H - pad.t - pad.b);
  svg.appendChild(svgEl("text", { x: pad.l - 4, y: pad.t + 8, "text-anchor": "end", class: "axis" }, max));
  svg.appendChild(svgEl("text", { x: pad.l - 4, y: H - pad.b, "text-anchor": "end", class: "axis" }, 0));
  items.forEach((d, i) => {
    if (!d.n) return;
    const bar = svgEl("rect", {
      class: "bar", x: pad.l + i * bw, y: y(d.n), width: Math.max(bw - 1, 1), height: H - pad.b - y(d.n),
      "data-key": d.key, "data-n": d.n,
    }, svgEl("title", {}, `${d.key}: ${d.n}`));
    if (onPick) bar.addEventListener("click", () => onPick(d.key));
    svg.appendChild(bar);
  });
  svg.appendChild(svgEl("text", { x: pad.l, y: H - 6, class: "axis" }, items[0].key));
  svg.appendChild(svgEl("text", { x: W - pad.r, y: H - 6, "text-anchor": "end", class: "axis" }, items[items.length - 1].key));
}

// Nodes on a circle (most active first), edges weighted by count.
function drawNetwork(svg, dyads) {
  clear(svg);
  const W = svg.clientWidth || 400, H = svg.clientHeight || 320;
  svg.setAttribute("viewBox", `0 0 ${W} ${H}`);
  if (!dyads.length) {
    svg.appendChild(svgEl("text", { x: W / 2, y: H / 2, "text-anchor": "middle", class: "muted" }, "no actor → recipient pairs"));
    return;
  }
  const weight = new Map();
  const label = (name, country) => (country ? `${name} (${country})` : name);
  for (const d of dyads) {
    const a = label(d.actor, d.actor_country), r = label(d.recipient, d.recipient_country);
    weight.set(a, (weight.get(a) || 0) + d.n);
    weight.set(r, (weight.get(r) || 0) + d.n);
  }
  const nodes = [...weight.entries()].sort((x, y) => y[1] - x[1]).slice(0, 24).map((x) => x[0]);
  const maxW = Math.max(...nodes.map((n) => weight.get(n)));
  // an ellipse leaves room for the labels on both sides
  const cx = W / 2, cy = H / 2, RX = Math.max(W / 2 - 170, 40), RY = H / 2 - 24;
  const pos = new Map(nodes.map((n, i) => {
    const t = (2 * Math.PI * i) / nodes.length - Math.PI / 2 + Math.PI / nodes.length;
    return [n, [cx + RX * Math.cos(t), cy + RY * Math.sin(t), t]];
  }));
  const maxN = Math.max(...dyads.map((d) => d.n));
  const defs = svgEl("defs", {}, svgEl("marker", { id: "arrow", viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 6, markerHeight: 6, orient: "auto-start-reverse" },
    svgEl("path", { d: "M 0 0 L 10 5 L 0 10 z", class: "arrowhead" })));
  svg.appendChild(defs);
  for (const d of dyads) {
    const a = pos.get(label(d.actor, d.actor_country)), r = pos.get(label(d.recipient, d.recipient_country));
    if (!a || !r || a === r) continue;
    svg.appendChild(svgEl("line", {
      class: "edge", x1: a[0], y1: a[1], x2: r[0], y2: r[1], "stroke-width": 1 + (4 * d.n) / maxN, "marker-end": "url(#arrow)",
    }, svgEl("title", {}, `${d.actor} → ${d.recipient}: ${d.n}`)));
  }
  for (const n of nodes) {
    const [x, y, t] = pos.get(n);
    const right = Math.cos(t) >= 0;
    svg.appendChild(svgEl("g", { class: "node" },
      svgEl("circle", { cx: x, cy: y, r: 3 + 9 * Math.sqrt(weight.get(n) / maxW) }),
      svgEl("text", { x: x + (right ? 8 : -8), y: y + 4, "text-anchor": right ? "start" : "end" }, n)));
  }
}
