/**
 * The audit CSV opens in Excel (the usual reader in Japanese offices): a cell that Excel would
 * run as a formula is written with a leading apostrophe, whichever column it is in.
 */
import Papa from "papaparse";
import { auditCsv } from "../../src/server/review/routes";
import type { AuditRecord } from "../../src/api/contract";

const record = (change: Partial<AuditRecord>): AuditRecord => ({
  seq: "1",
  at: "2026-12-01T00:00:00.000Z",
  action: "requested",
  reviewId: "rv_0123456789",
  actor: "tanaka@mirai-shoji.co.jp",
  sender: "tanaka@mirai-shoji.co.jp",
  reviewer: "kacho@mirai-shoji.co.jp",
  detail: {},
  ...change,
});

function rows(records: AuditRecord[]): string[][] {
  const text = auditCsv(records);
  expect(text.startsWith("\ufeff")).toBe(true);
  // Read back with a real CSV parser (Papa Parse, which the inspectors use), as a spreadsheet would.
  return Papa.parse<string[]>(text.slice(1), { newline: "\r\n", skipEmptyLines: true }).data;
}

test.each(["=", "+", "-", "@", "\t", "\r"])("a cell starting with %j is neutralised with an apostrophe", (start) => {
  const value = `${start}HYPERLINK("http://evil.example","x")`;
  const [, row] = rows([record({ actor: value, sender: value, reviewer: value, reviewId: value })]);
  expect(row?.slice(3, 7)).toEqual([`'${value}`, `'${value}`, `'${value}`, `'${value}`]);
});

test("ordinary cells are written as they are, details as JSON", () => {
  const [header, row] = rows([record({ detail: { subject: "=1+1", note: "メモ" } })]);
  expect(header).toEqual(["seq", "at", "action", "review_id", "actor", "sender", "reviewer", "detail"]);
  expect(row).toEqual(["1", "2026-12-01T00:00:00.000Z", "requested", "rv_0123456789", "tanaka@mirai-shoji.co.jp", "tanaka@mirai-shoji.co.jp", "kacho@mirai-shoji.co.jp", '{"subject":"=1+1","note":"メモ"}']);
});
