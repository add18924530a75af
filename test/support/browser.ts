/**
 * Real browser tests: the built add-in served over real HTTP by the Send Guard
 * app on 127.0.0.1, driven in Debian's Chromium through playwright-core.
 * Requests that leave 127.0.0.1 are aborted and recorded (office.js CDN,
 * telemetry): the tests must not depend on the internet.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { DIST } from "./dist";
import { startReviewServer, type ReviewServer } from "./review-server";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const ARTIFACTS = path.resolve(__dirname, "../../test-artifacts/e2e");

/** The whole product as `npm start` runs it (add-in files, playground, review service on an in-memory embedded database). */
export async function startServer(options: Parameters<typeof startReviewServer>[0] = {}): Promise<{ url: string; close: () => Promise<void>; review: ReviewServer }> {
  // The organisation policy the add-in was built with (policy.json at the repository root).
  const policy = JSON.parse(fs.readFileSync(path.join(DIST, "policy.json"), "utf8")) as unknown;
  const review = await startReviewServer({ policy, listen: true, files: true, ...options });
  return { url: review.base, close: () => review.close(), review };
}

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's chromium (apt-get install chromium; .ci/run does) or set CHROMIUM_PATH`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

export interface TestPage {
  context: BrowserContext;
  page: Page;
  /** Requests to anything but 127.0.0.1 (aborted). */
  external: string[];
  /** Uncaught errors in any frame. */
  errors: string[];
}

export async function openPage(browser: Browser, options: Parameters<Browser["newContext"]>[0] = {}): Promise<TestPage> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, ...options });
  const external: string[] = [];
  const errors: string[] = [];
  await context.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === "127.0.0.1") return route.continue();
    external.push(url.href);
    return route.abort();
  });
  const page = await context.newPage();
  page.on("pageerror", (error) => errors.push(error.message));
  return { context, page, external, errors };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}
