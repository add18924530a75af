import * as fs from "node:fs";
import * as path from "node:path";
import * as vm from "node:vm";
import { createFakeOffice, type FakeItemSpec, type FakeOfficeOptions } from "./fake-office";

export const DIST = path.resolve(__dirname, "../../dist");

export function distFile(name: string): string {
  const file = path.join(DIST, name);
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first (npm test does)`);
  return fs.readFileSync(file, "utf8");
}

/**
 * Loads the built dist/launchevent.js the way classic Outlook's JavaScript-only
 * runtime does: one script, top level, with `Office` and timers but no window,
 * document, self or module system. `bundle`: another build's launchevent.js (default dist's).
 */
export function loadLaunchEvent(spec: FakeItemSpec, options: FakeOfficeOptions = {}, extraGlobals: Record<string, unknown> = {}, bundle?: string) {
  const fake = createFakeOffice(spec, options);
  const context = vm.createContext({ Office: fake.Office, setTimeout, clearTimeout, console, ...extraGlobals });
  vm.runInContext(bundle === undefined ? distFile("launchevent.js") : fs.readFileSync(bundle, "utf8"), context, { filename: "launchevent.js" });
  return { fake, context };
}
