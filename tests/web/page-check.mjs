// Loads the SolarTap web page in Debian's chromium (never a downloaded browser) and reports, as one JSON line on
// standard output, what a person would see: console errors, the panel map's optimizers, how long until live values
// change, whether the page fits a phone's width. Screenshots go to the output folder. The C# system test
// (tests/SolarTap.System.Tests/Web) judges the result.
//
//   node page-check.mjs URL OUTPUT_DIR
import { chromium } from "playwright-core";
import { mkdirSync } from "node:fs";
import { join } from "node:path";

const [url, outDir] = process.argv.slice(2);
if (!url || !outDir) {
  console.error("usage: node page-check.mjs URL OUTPUT_DIR");
  process.exit(2);
}
mkdirSync(outDir, { recursive: true });

const LIVE_WINDOW_MS = 5000;
const viewports = [
  { name: "desktop", viewport: { width: 1280, height: 900 }, isMobile: false },
  { name: "phone", viewport: { width: 390, height: 844 }, isMobile: true },
];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
});
const result = { url, console_errors: [], page_errors: [], failed_requests: [], views: {} };
try {
  for (const { name, viewport, isMobile } of viewports) {
    const context = await browser.newContext({ viewport, isMobile, hasTouch: isMobile, deviceScaleFactor: isMobile ? 2 : 1 });
    const page = await context.newPage();
    page.on("console", (m) => { if (m.type() === "error") result.console_errors.push(`${name}: ${m.text()}`); });
    page.on("pageerror", (e) => result.page_errors.push(`${name}: ${e.message}`));
    page.on("requestfailed", (r) => {
      // The event stream is cut when the page closes; that is not a failure of the page.
      if (!r.url().endsWith("/api/events")) result.failed_requests.push(`${name}: ${r.url()} ${r.failure()?.errorText}`);
    });
    page.on("response", (r) => { if (r.status() >= 400) result.failed_requests.push(`${name}: ${r.url()} ${r.status()}`); });

    const started = Date.now();
    await page.goto(url, { waitUntil: "load" });
    await page.waitForSelector("#live.on", { timeout: 15000 });
    await page.waitForSelector("#panel-map .panel:not(.missing)", { timeout: 15000 });
    await page.waitForSelector("#inverters .chart", { timeout: 15000 });
    const loadedMs = Date.now() - started;

    // Live values: the site section and the summary, as text; wait for them to change.
    const snapshot = () => page.evaluate(() => document.querySelector("#site").innerText + "|" + document.querySelector("#summary").innerText);
    const before = await snapshot();
    const t0 = Date.now();
    let changedAfterMs = null;
    while (Date.now() - t0 < LIVE_WINDOW_MS) {
      await page.waitForTimeout(100);
      if ((await snapshot()) !== before) {
        changedAfterMs = Date.now() - t0;
        break;
      }
    }

    const panels = await page.$$eval("#panel-map .panel", (nodes) => nodes.map((n) => ({ serial: n.dataset.serial, missing: n.classList.contains("missing") })));
    const layout = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
      state: document.querySelector("#state").textContent,
      power: document.querySelector("#site-power").textContent,
      inverterCards: document.querySelectorAll("#inverters .card").length,
      chartPolygons: document.querySelectorAll("#inverters .chart polygon").length,
    }));
    const screenshot = join(outDir, `web-${name}.png`);
    await page.screenshot({ path: screenshot, fullPage: true });
    result.views[name] = { loaded_ms: loadedMs, changed_after_ms: changedAfterMs, panels, ...layout, screenshot };
    await context.close();
  }
} finally {
  await browser.close();
}
console.log(JSON.stringify(result));
