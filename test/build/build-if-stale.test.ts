/**
 * `npm start` reuses an up-to-date build: the digest of what the build reads decides, so a
 * restart answers within seconds and any change to sources, settings or dependencies rebuilds.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const stale = require("../../scripts/build-if-stale.js") as {
  inputsDigest(root: string, env: Record<string, string | undefined>): string;
  upToDate(root: string, env: Record<string, string | undefined>): boolean;
  writeStamp(root: string, env: Record<string, string | undefined>): void;
};

let root: string;
const write = (file: string, text: string) => {
  fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  fs.writeFileSync(path.join(root, file), text);
};

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "sg-stale-"));
  for (const [file, text] of Object.entries({
    "src/policy/engine.ts": "export {};",
    "policy.json": "{}",
    "package-lock.json": "{}",
    "webpack.config.js": "",
    "manifest.xml": "<x/>",
    "dist/commands.js": "",
    "dist/launchevent.js": "",
    "build/server/main.js": "",
  })) write(file, text);
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

test("after a build with these inputs, the build is up to date", () => {
  expect(stale.upToDate(root, {})).toBe(false);
  stale.writeStamp(root, {});
  expect(stale.upToDate(root, {})).toBe(true);
});

test.each<[string, () => void, Record<string, string>]>([
  ["a source file changes", () => write("src/policy/engine.ts", "export const x = 1;"), {}],
  ["a source file is added", () => write("src/policy/new.ts", ""), {}],
  ["the policy changes", () => write("policy.json", '{"internalDomains":["a.jp"]}'), {}],
  ["the dependencies change", () => write("package-lock.json", '{"v":2}'), {}],
  ["the origin setting changes", () => undefined, { SEND_GUARD_ORIGIN: "https://sendguard.example.co.jp" }],
  ["a rebuild is asked for", () => undefined, { SEND_GUARD_REBUILD: "1" }],
  ["a built file is missing", () => fs.rmSync(path.join(root, "dist/launchevent.js")), {}],
])("stale when %s", (_name, change, env) => {
  stale.writeStamp(root, {});
  change();
  expect(stale.upToDate(root, env)).toBe(false);
});

test("the digest does not depend on file times, only on contents and settings", () => {
  const before = stale.inputsDigest(root, {});
  const file = path.join(root, "src/policy/engine.ts");
  fs.utimesSync(file, new Date(0), new Date(0));
  expect(stale.inputsDigest(root, {})).toBe(before);
});
