/**
 * The mail-flow rule the README gives administrators matches exactly the header and value the
 * send handler stamps: a drift between them would hold every checked message, or let unchecked
 * ones through.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { STAMP_CHECKED_PATTERN, STAMP_HEADER } from "../../src/event/stamp";

const readme = fs.readFileSync(path.join(__dirname, "../../README.md"), "utf8");

test("the README's New-TransportRule excepts the stamp's header and pattern, for outside mail from inside", () => {
  const rule = /New-TransportRule[\s\S]*?-Mode AuditAndNotify/.exec(readme)?.[0] ?? "";
  expect(rule).toContain(`-ExceptIfHeaderMatchesMessageHeader "${STAMP_HEADER}"`);
  expect(rule).toContain(`-ExceptIfHeaderMatchesPatterns "${STAMP_CHECKED_PATTERN}"`);
  expect(rule).toContain("-FromScope InOrganization -SentToScope NotInOrganization");
});
