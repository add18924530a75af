import type { Browser } from "playwright-core";
import { launchBrowser, openPage, startServer, type TestPage } from "../support/browser";
import { Playground } from "./playground-page";

export interface PlaygroundSuite {
  readonly browser: Browser;
  readonly server: Awaited<ReturnType<typeof startServer>>;
  /** This test's browser context and page. */
  readonly current: TestPage;
  readonly pg: Playground;
}

/**
 * The hooks a playground end-to-end file needs: one Chromium and one server
 * (the whole product) per file, a fresh browser context per test, and after each
 * test the two promises every page makes — no frame threw, nothing left 127.0.0.1.
 */
export function playgroundSuite(): PlaygroundSuite {
  let browser: Browser | undefined;
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  let current: TestPage | undefined;
  let pg: Playground | undefined;
  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not ready: use it inside a test`);
    return value;
  };

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startServer()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  beforeEach(async () => {
    current = await openPage(ready(browser, "the browser"));
    pg = new Playground(current.page, ready(server, "the server").url);
  });
  afterEach(async () => {
    const page = ready(current, "the page");
    expect(page.errors).toEqual([]);
    expect(page.external.filter((url) => !url.endsWith("/favicon.ico"))).toEqual([]);
    await page.context.close();
  });

  return {
    get browser() {
      return ready(browser, "the browser");
    },
    get server() {
      return ready(server, "the server");
    },
    get current() {
      return ready(current, "the page");
    },
    get pg() {
      return ready(pg, "the playground");
    },
  };
}
