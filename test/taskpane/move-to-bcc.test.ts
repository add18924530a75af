/**
 * "Move outside recipients to BCC" never drops a recipient: at and around the number of
 * recipients Outlook returns per field (500 up to Mailbox 1.15, 1,000 from 1.16), for
 * each field and each requirement-set mode, either the fix is applied with every
 * recipient kept, or nothing is written and the pane says why.
 */
import { readDraft } from "../../src/office/draft";
import { writeRecipients } from "../../src/office/recipients";
import { applyMoveToBcc, previewMoveToBcc } from "../../src/taskpane/move-to-bcc";
import type { PaneHost } from "../../src/taskpane/host";
import { PANE_TEXT } from "../../src/i18n";
import { addresses, CARRIER_DOMAINS, policyOf } from "../support/drafts";
import { createFakeOffice, type FakeItemSpec } from "../support/fake-office";

const policy = policyOf();
const host = { readDraft, writeRecipients } as unknown as PaneHost;
const people = (list: string[]) => list.map((emailAddress) => ({ emailAddress }));

afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
});

/** N outside recipients in `field`, with what else makes the fix meaningful there. */
function itemFor(field: "to" | "cc" | "bcc", n: number): FakeItemSpec {
  const many = people(addresses(n, CARRIER_DOMAINS));
  if (field === "to") return { to: many, subject: "お知らせ" };
  if (field === "cc") return { to: people(["jimu@mirai-shoji.co.jp"]), cc: many, subject: "お知らせ" };
  return { to: people(["jimu@mirai-shoji.co.jp"]), cc: people(["g1@gmail.com", "g2@gmail.com", "g3@gmail.com"]), bcc: many, subject: "お知らせ" };
}

type Expected = "applied" | "truncated" | "over-limit";

function expected(field: "to" | "cc" | "bcc", n: number, limit: number): Expected {
  if (n >= limit) return "truncated";
  if (field === "bcc" && n + 3 > limit) return "over-limit";
  return "applied";
}

const everyone = (mailbox: { to: { emailAddress: string }[]; cc: { emailAddress: string }[]; bcc: { emailAddress: string }[] }) =>
  [...mailbox.to, ...mailbox.cc, ...mailbox.bcc].map((r) => r.emailAddress.toLowerCase()).sort();

const MODES = [
  ["1.14", 500],
  ["1.15", 500],
  ["1.16", 1000],
] as const;
const cases = MODES.flatMap(([mode, limit]) =>
  (["to", "cc", "bcc"] as const).flatMap((field) => [499, 500, 501, 1000, 1001].map((n) => [mode, limit, field, n, expected(field, n, limit)] as const)),
);

describe("Move to BCC around Outlook's per-field limit", () => {
  test.each(cases)("Mailbox %s (limit %i): %s with %i outside recipients → %s", async (mode, limit, field, n, outcome) => {
    const fake = createFakeOffice(itemFor(field, n), { runtime: "taskpane", mailbox: mode });
    (globalThis as { Office?: unknown }).Office = fake.Office;
    const before = structuredClone(fake.sim.mailbox);
    const sender = before.from.emailAddress.toLowerCase();

    const preview = previewMoveToBcc(await readDraft(), policy);
    expect(preview).not.toBeNull();
    expect(preview?.obstacle?.reason ?? "applied").toBe(outcome);

    const result = await applyMoveToBcc(host, policy, preview!);
    const after = fake.sim.mailbox;
    if (outcome === "applied") {
      expect(result).toEqual({ kind: "applied", moved: field === "bcc" ? 3 : n });
      // Everyone is still there (plus the sender in To when To would have been empty), and no outside address is left in To/CC.
      expect(everyone(after).filter((a) => a !== sender || field !== "to")).toEqual(everyone(before));
      expect([...after.to, ...after.cc].every((r) => r.emailAddress.endsWith("@mirai-shoji.co.jp"))).toBe(true);
    } else {
      expect(result).toMatchObject({ kind: "refused", obstacle: { reason: outcome, limit } });
      // Nothing was written: every field is exactly as it was.
      expect(after.to).toEqual(before.to);
      expect(after.cc).toEqual(before.cc);
      expect(after.bcc).toEqual(before.bcc);
      expect(fake.calls.filter((c) => /\.(set|add)Async$/.test(c))).toEqual([]);
    }
  });
});

describe("what the pane says when it cannot move them", () => {
  test.each(["en", "ja"] as const)("%s: why, that nothing changed, and what to do instead", (language) => {
    const text = PANE_TEXT[language];
    const truncated = text.cannotMove({ reason: "truncated", fields: ["cc"], limit: 500 });
    const over = text.cannotMove({ reason: "over-limit", field: "bcc", count: 503, limit: 500 });
    for (const message of [truncated, over]) {
      expect(message).toMatch(language === "en" ? /Nothing was changed/ : /宛先は変更していません/);
      expect(message).toMatch(language === "en" ? /split the mailing.*distribution list.*mass-mail/ : /分けて送る.*配布リスト.*一斉配信/);
      expect(message).toContain("500");
    }
    expect(truncated).toContain("CC");
    expect(over).toContain("503");
  });

  test("a write Outlook reports as done but takes only in part is undone and reported, never left half done", async () => {
    const fake = createFakeOffice(itemFor("cc", 250), { runtime: "taskpane", mailbox: "1.15" });
    (globalThis as { Office?: unknown }).Office = fake.Office;
    const before = structuredClone(fake.sim.mailbox);
    const preview = previewMoveToBcc(await readDraft(), policy)!;
    // The second 100 written to BCC: "succeeded", but nothing was added.
    fake.sim.setFault("bcc.addAsync", "no-effect", { after: 0 });
    const error = await applyMoveToBcc(host, policy, preview).catch((e: unknown) => e);
    fake.sim.clearFaults();
    expect(error).toMatchObject({ name: "RecipientWriteError", field: "bcc", restored: true });
    expect((error as { cause: Error }).cause.message).toMatch(/did not keep \d+ of the recipients written to BCC/);
    expect(everyone(fake.sim.mailbox)).toEqual(everyone(before));
    expect(fake.sim.mailbox.cc).toEqual(before.cc);
  });
});
