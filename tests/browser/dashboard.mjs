// Drives the dashboard in Debian's headless Chromium (never a downloaded
// browser) with playwright-core: load, filter by one event type, check the map,
// list and timeline follow the filter, open an article, save screenshots.
// Usage: node tests/browser/dashboard.mjs BASE_URL TYPE OUT_DIR ARTICLE_ID [PASTE_TEXT]
// Prints one JSON object with what it saw; the pytest side makes the asserts.
import { chromium } from "playwright-core";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const [base, type, outDir, articleId, pasteText] = process.argv.slice(2);
const profile = mkdtempSync(join(tmpdir(), "tidings-chromium-"));
// A fresh profile (--user-data-dir) is passed the way playwright wants it.
const browser = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  viewport: { width: 1400, height: 1000 },
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const seen = { consoleErrors: [], offsite: [] };
try {
  const page = browser.pages()[0] || await browser.newPage();
  page.on("console", (m) => { if (m.type() === "error") seen.consoleErrors.push(m.text()); });
  page.on("pageerror", (e) => seen.consoleErrors.push(String(e)));
  await page.route("**/*", (route) => {
    const u = new URL(route.request().url());
    if (u.origin === new URL(base).origin) return route.continue();
    seen.offsite.push(u.href);
    return route.abort();
  });
  const ready = () => page.waitForFunction(() => document.body.dataset.state === "ready", null, { timeout: 20000 });
  const observe = () => page.evaluate(() => ({
    markers: document.querySelectorAll("path.event-marker").length,
    markerTypes: [...new Set([...document.querySelectorAll("path.event-marker")]
      .map((p) => [...p.classList].find((c) => c.startsWith("type-"))))],
    rows: document.querySelectorAll("#event-table tbody tr").length,
    rowTypes: [...new Set([...document.querySelectorAll("#event-table tbody tr")].map((r) => r.dataset.type))],
    bars: document.querySelectorAll("#timeline rect.bar").length,
    timelineTotal: [...document.querySelectorAll("#timeline rect.bar")].reduce((s, b) => s + Number(b.dataset.n), 0),
    total: document.getElementById("event-total").textContent,
    countries: document.querySelectorAll("#map path.leaflet-interactive, #map svg path").length,
    networkNodes: document.querySelectorAll("#network .node").length,
  }));

  await page.goto(base + "/", { waitUntil: "load" });
  await ready();
  seen.before = await observe();

  await page.selectOption("#f-type", type);
  await page.click("#f-apply");
  await page.waitForFunction((t) => location.hash.includes(`type=${t}`) && document.body.dataset.state === "ready", type, { timeout: 20000 });
  seen.after = await observe();
  seen.hash = await page.evaluate(() => location.hash);
  await page.screenshot({ path: join(outDir, "dashboard.png"), fullPage: true });

  await page.goto(`${base}/#/article/${encodeURIComponent(articleId)}`);
  await page.waitForFunction((id) => location.hash.includes("/article/") && document.body.dataset.state === "ready" &&
    document.getElementById("json-article").href.endsWith(encodeURIComponent(id)), articleId, { timeout: 20000 });
  seen.article = await page.evaluate(() => ({
    title: document.getElementById("article-title").textContent,
    marks: Object.fromEntries(["trigger", "actor", "recipient", "place", "date"].map(
      (k) => [k, document.querySelectorAll(`#article-text mark.${k}`).length])),
    text: document.getElementById("article-text").textContent,
    injected: document.querySelectorAll("#article-text *:not(mark)").length,
    xss: window.__xss === 1,
    eventRows: document.querySelectorAll("#article-events tbody tr").length,
  }));
  await page.screenshot({ path: join(outDir, "article.png"), fullPage: true });

  if (pasteText) {
    await page.goto(`${base}/#/paste`);
    await page.fill("#paste-text", pasteText);
    await page.fill("#paste-date", "2020-01-20");
    await page.click("#paste-code");
    await page.waitForSelector("#paste-result:not([hidden]), #paste-error:not(:empty)", { timeout: 20000 });
    seen.paste = await page.evaluate(() => ({
      error: document.getElementById("paste-error").textContent,
      rows: document.querySelectorAll("#paste-events tbody tr").length,
      triggers: [...document.querySelectorAll("#paste-article-text mark.trigger")].map((m) => m.textContent),
      actors: [...document.querySelectorAll("#paste-article-text mark.actor")].map((m) => m.textContent),
    }));
    await page.screenshot({ path: join(outDir, "paste.png"), fullPage: true });
  }
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}
console.log(JSON.stringify(seen));
