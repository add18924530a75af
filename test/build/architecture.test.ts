/**
 * The dependency direction of src/ (README "Architecture") is enforced by ESLint zones;
 * these tests hold the zones to it: a runtime importing another runtime, a shared home
 * importing a runtime, Office reached outside src/office, and a new folder nobody placed
 * must all fail lint.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { ESLint } from "eslint";

const ROOT = path.resolve(__dirname, "../..");
const RUNTIMES = ["event", "taskpane", "pages", "server", "cli", "playground"];
const FOLDERS = fs
  .readdirSync(path.join(ROOT, "src"), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const SHARED_HOMES = FOLDERS.filter((folder) => !RUNTIMES.includes(folder));

const eslint = new ESLint({ cwd: ROOT });

/** The rule ids ESLint reports for `code` placed in `file` (relative to the repository). */
async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

const importFrom = (target: string) => `import { probe } from "../${target}/probe";\nexport const used = probe;\n`;

test("every runtime exists and every folder of src/ is either a runtime or a shared home", () => {
  expect(FOLDERS).toEqual(expect.arrayContaining(RUNTIMES));
  expect(SHARED_HOMES.length).toBeGreaterThan(5);
});

describe("no runtime imports another runtime", () => {
  const pairs = RUNTIMES.flatMap((from) => RUNTIMES.filter((to) => to !== from).map((to) => [from, to] as const));
  test.each(pairs)("src/%s importing src/%s fails lint", async (from, to) => {
    expect(await problems(`src/${from}/probe-importer.ts`, importFrom(to))).toContain("no-restricted-imports");
  });
});

describe("no shared home imports a runtime", () => {
  const pairs = SHARED_HOMES.flatMap((from) => RUNTIMES.map((to) => [from, to] as const));
  test.each(pairs)("src/%s importing src/%s fails lint", async (from, to) => {
    expect(await problems(`src/${from}/probe-importer.ts`, importFrom(to))).toContain("no-restricted-imports");
  });
});

describe("the layers inside the shared homes", () => {
  test.each([
    // The engine is pure: no Office, no text, no React.
    ["policy", "office"],
    ["policy", "i18n"],
    ["policy", "ui"],
    ["approval", "office"],
    ["inspect", "office"],
    ["views", "i18n"],
    // Types and the contract depend on nothing above them.
    ["shared", "policy"],
    ["api", "approval"],
    // The pages run outside Outlook: their React must not reach Office.
    ["ui", "office"],
    ["ui", "attachments"],
    ["office", "ui"],
    ["office", "i18n"],
  ])("src/%s importing src/%s fails lint", async (from, to) => {
    expect(await problems(`src/${from}/probe-importer.ts`, importFrom(to))).toContain("no-restricted-imports");
  });

  test.each([
    ["taskpane", "ui"],
    ["pages", "ui"],
    ["event", "office"],
    ["event", "attachments"],
    ["taskpane", "attachments"],
    ["server", "approval"],
    ["approval", "api"],
    ["ui", "views"],
  ])("src/%s may import src/%s", async (from, to) => {
    expect(await problems(`src/${from}/probe-importer.ts`, importFrom(to))).not.toContain("no-restricted-imports");
  });
});

describe("Office is reached through src/office only", () => {
  const use = "export const address = Office.context.mailbox.userProfile.emailAddress;\n";
  test.each(["taskpane", "event", "ui", "attachments", "policy"])("a direct Office call in src/%s fails lint", async (folder) => {
    expect(await problems(`src/${folder}/probe.ts`, use)).toContain("no-restricted-syntax");
  });
  test("src/office may call Office, and Office's types may be named anywhere", async () => {
    expect(await problems("src/office/probe.ts", use)).toEqual([]);
    expect(await problems("src/event/probe.ts", "export type Handler = (event: Office.AddinCommands.Event) => void;\n")).toEqual([]);
  });
});
