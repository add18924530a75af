import { act, fireEvent, screen, within } from "@testing-library/react";
import type { AuditRecord } from "../../../src/api/contract";
import { ApiError } from "../../../src/api/error";
import { ADMIN_TEXT, formatDateTime, REVIEW_TEXT } from "../../../src/i18n";
import { AuditPage } from "../../../src/pages/audit/AuditPage";
import { auditQuery, isBadDate } from "../../../src/pages/audit/AuditFilters";
import { readable } from "../../../src/pages/audit/Details";
import { TOKEN_KEY } from "../../../src/ui/use-signed-in-user";
import { FakeReviewApi } from "../../support/fake-review-api";
import { renderUi } from "../../support/render";

const ja = ADMIN_TEXT.ja;
const en = ADMIN_TEXT.en;
const RECORDS: AuditRecord[] = [
  {
    seq: "2",
    at: "2026-12-01T03:04:05.000Z",
    action: "approved",
    reviewId: "rv_0001",
    actor: "kacho@mirai-shoji.co.jp",
    sender: "tanaka@mirai-shoji.co.jp",
    reviewer: "kacho@mirai-shoji.co.jp",
    detail: { acknowledged: ["external-exposure", "attachment-name:名簿.xlsx"], decidedAt: "2026-12-01T03:04:05.000Z" },
  },
  { seq: "1", at: "2026-12-01T01:00:00.000Z", action: "requested", reviewId: "rv_0001", actor: "tanaka@mirai-shoji.co.jp", sender: "tanaka@mirai-shoji.co.jp", reviewer: "kacho@mirai-shoji.co.jp", detail: { verdict: "review", codes: ["external-exposure"] } },
];

beforeEach(() => window.sessionStorage.clear());

async function signedInAs(email: string, language: "ja" | "en" = "ja") {
  const api = new FakeReviewApi();
  api.records = RECORDS;
  await api.devSignIn(email);
  window.sessionStorage.setItem(TOKEN_KEY, api.currentToken!);
  const saved: [Blob, string][] = [];
  renderUi(<AuditPage api={api} language={language} save={(blob, name) => saved.push([blob, name])} />);
  return { api, saved };
}

test("signed out: the page asks who you are", async () => {
  renderUi(<AuditPage api={new FakeReviewApi()} language="ja" />);
  expect(await screen.findByTestId("sign-in")).toBeInTheDocument();
  expect(screen.queryByTestId("filters")).not.toBeInTheDocument();
});

test("someone who is not an administrator is told so by name, and sees no records", async () => {
  const { api } = await signedInAs("sato@mirai-shoji.co.jp");
  expect(await screen.findByTestId("not-admin")).toHaveTextContent(ja.notAdminAs("sato@mirai-shoji.co.jp"));
  expect(screen.getByTestId("signed-in-as")).toHaveTextContent(REVIEW_TEXT.ja.signedInAs("sato@mirai-shoji.co.jp"));
  expect(api.callsOf("audit")).toEqual([]);
});

test("an administrator sees the latest records at once: counted, times in the page's language, details readable", async () => {
  await signedInAs("it@mirai-shoji.co.jp");
  const table = await screen.findByTestId("records");
  expect(screen.getByTestId("record-count")).toHaveTextContent(ja.count(2));
  const rows = within(table).getAllByRole("row").slice(1);
  expect(rows.map((r) => r.getAttribute("data-action"))).toEqual(["approved", "requested"]);
  expect(within(rows[0]!).getByTestId("record-at")).toHaveTextContent(formatDateTime(RECORDS[0]!.at, "ja", { seconds: true }));
  expect(rows[0]).toHaveTextContent(ja.actions.approved);
  expect(rows[0]).toHaveTextContent(readable("acknowledged", RECORDS[0]!.detail.acknowledged, ja, "ja"));
  // Codes are named, not shown as codes.
  expect(rows[1]).not.toHaveTextContent("external-exposure");
});

test("filters go to the server trimmed, empty ones left out; a malformed date blocks Search and export with a message", async () => {
  const { api } = await signedInAs("it@mirai-shoji.co.jp", "en");
  await screen.findByTestId("records");
  fireEvent.change(screen.getByTestId("filter-from"), { target: { value: "2026/12/01" } });
  expect(screen.getByText(en.badDate)).toBeInTheDocument();
  expect(screen.getByTestId("search")).toBeDisabled();
  expect(screen.getByTestId("export")).toBeDisabled();
  fireEvent.change(screen.getByTestId("filter-from"), { target: { value: " 2026-12-01 " } });
  fireEvent.change(screen.getByTestId("filter-person"), { target: { value: " kacho@mirai-shoji.co.jp" } });
  fireEvent.change(screen.getByTestId("filter-action"), { target: { value: "approved" } });
  await act(async () => fireEvent.click(screen.getByTestId("search")));
  expect(api.callsOf("audit").at(-1)).toEqual([{ from: "2026-12-01", person: "kacho@mirai-shoji.co.jp", action: "approved" }]);
});

test("Export CSV saves the file with the same filters", async () => {
  const { api, saved } = await signedInAs("it@mirai-shoji.co.jp");
  await screen.findByTestId("records");
  fireEvent.change(screen.getByTestId("filter-review"), { target: { value: "rv_0001" } });
  await act(async () => fireEvent.click(screen.getByTestId("export")));
  expect(api.callsOf("auditCsv")).toEqual([[{ review: "rv_0001" }]]);
  expect(saved.map(([, name]) => name)).toEqual(["send-guard-audit.csv"]);
});

test("a refusal says the account is not an administrator; other failures say why", async () => {
  const { api } = await signedInAs("it@mirai-shoji.co.jp");
  await screen.findByTestId("records");
  api.fail("audit", new ApiError(403, "not-admin", "forbidden"));
  await act(async () => fireEvent.click(screen.getByTestId("search")));
  expect(screen.getByTestId("audit-error")).toHaveTextContent(ja.notAdmin);
  api.fail("audit", new ApiError(0, "offline", "Failed to fetch"));
  await act(async () => fireEvent.click(screen.getByTestId("search")));
  expect(screen.getByTestId("audit-error")).toHaveTextContent("Failed to fetch");
});

test("the query and date rules on their own", () => {
  expect(auditQuery({ from: " ", to: "2026-12-31", action: "", person: " a@b.jp ", review: "" })).toEqual({ to: "2026-12-31", person: "a@b.jp" });
  expect(["", " ", "2026-12-01"].map(isBadDate)).toEqual([false, false, false]);
  expect(["2026/12/01", "12-01-2026", "2026-1-1", "yesterday"].map(isBadDate)).toEqual([true, true, true, true]);
});
