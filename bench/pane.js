/**
 * Task pane figures (issue 3), printed by `npm run bench`:
 *  - the JavaScript taskpane.html loads: raw and gzip -9 bytes (target < 250 KB gzip);
 *  - time from navigation to the first evaluated verdict on screen (the pane's
 *    `sendguard:first-render` performance mark), in headless Debian Chromium, with the pane
 *    opened by the playground on a 13-recipient draft (target < 1 s).
 */
const fs = require("node:fs");
const path = require("node:path");
const zlib = require("node:zlib");

const ROOT = path.resolve(__dirname, "..");
const DIST = path.join(ROOT, "dist");
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

function paneScripts() {
  const html = fs.readFileSync(path.join(DIST, "taskpane.html"), "utf8");
  return [...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]).filter((src) => !/^https?:/.test(src));
}

function sizes() {
  let raw = 0;
  let gzip = 0;
  for (const src of paneScripts()) {
    const bytes = fs.readFileSync(path.join(DIST, src));
    raw += bytes.length;
    gzip += zlib.gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gzip };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function firstRender(runs) {
  const { chromium } = require("playwright-core");
  const { buildApp } = require(path.join(ROOT, "build/server/app"));
  const app = buildApp({ distDir: DIST });
  const url = await app.listen({ host: "127.0.0.1", port: 0 });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const samples = [];
  const loaded = [];
  try {
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${url}/playground/?lang=ja`);
      await page.getByTestId("example-asunaro").click();
      await page.evaluate(() => globalThis.sendGuardPlayground.store.openPane());
      const frame = page.frameLocator('iframe[name="sendguard-taskpane"]');
      await frame.getByTestId("verdict").waitFor();
      const timing = await frame.locator("body").evaluate(() => ({
        render: performance.getEntriesByName("sendguard:first-render")[0]?.startTime,
        dcl: performance.getEntriesByType("navigation")[0]?.domContentLoadedEventEnd,
      }));
      if (typeof timing.render !== "number") throw new Error("the pane did not set its first-render mark");
      // The first run warms the HTTP server and Chromium's caches; report the rest (each in a fresh context).
      if (i > 0) {
        samples.push(timing.render);
        loaded.push(timing.dcl);
      }
      await context.close();
    }
  } finally {
    await browser.close();
    await app.close();
  }
  return { median: median(samples), max: Math.max(...samples), dcl: median(loaded), runs: samples.length };
}

async function run() {
  const { raw, gzip } = sizes();
  console.log(`task pane JavaScript (${paneScripts().join(", ")}): ${raw} bytes raw, ${gzip} bytes gzip -9 (${(gzip / 1024).toFixed(1)} KiB; target < 250 KB)`);
  if (!fs.existsSync(CHROMIUM)) {
    console.log(`first render: skipped, no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);
    return;
  }
  const r = await firstRender(11);
  console.log(
    `task pane first render (navigation → first verdict on screen, headless Chromium, ${r.runs} fresh contexts): median ${r.median.toFixed(0)} ms, max ${r.max.toFixed(0)} ms (DOMContentLoaded median ${r.dcl.toFixed(0)} ms; target < 1000 ms)`,
  );
}

module.exports = { run };

if (require.main === module) {
  run().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
