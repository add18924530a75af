import type { ExposureEvidence, Finding, InspectedKind, RecipientField, Verdict } from "../shared/types";
import { count, formatNumber, partiesOf } from "./count";

export type Language = "ja" | "en";

/** Why a check could not complete; shown in the fail-closed alert. */
export type FailureReason = "office-error" | "timeout" | "policy-invalid" | "internal";

/** What the sender can do about a set of findings, named in the alert's last sentence. */
export type Remedy = "move-to-bcc" | "remove-file" | "fix-address" | "check-recipients";

/** One thing found about a flagged file (the alert says all of them in one sentence per file). */
export type FilePart =
  | { kind: "name" }
  | { kind: "personal"; summary: string }
  | { kind: "list"; addresses: number; notRecipients: number }
  | { kind: "unscannable"; reason: string; entry?: string | undefined }
  /** Only the first rows were read (more than `inspection.maxRows`); `entry` is the sheet or file. */
  | { kind: "partly"; entry?: string | undefined };

/** What the Smart Alert offers on this client: `full` (Mailbox 1.14: Send Anyway, the pane button) or `basic` (1.12, 1.13: the message only). */
export type AlertClient = "full" | "basic";

/** The compose ribbon button that opens the pane (manifest.xml ComposeButton.Label), per language. */
export const RIBBON_BUTTON = { en: "Check before sending", ja: "送信前チェック" } as const;

/** The pane's button that confirms a `confirm` verdict where the alert has no Send Anyway. */
export const CONFIRM_BUTTON = { en: "Mark as checked", ja: "確認済みにする" } as const;

export interface Catalog {
  header: Record<Exclude<Verdict, "allow">, string>;
  /**
   * The alert's last sentence: what to do, naming only the fixes that fit the findings. On a
   * `basic` client (Mailbox below 1.14: no Send Anyway, no button on the alert) it says where the
   * pane is (the ribbon button, as the manifest labels it) and, for `confirm`, how to confirm there.
   */
  action: (verdict: Exclude<Verdict, "allow">, remedies: readonly Remedy[], client?: AlertClient) => string;
  /**
   * The first words of the warning shown while composing where nothing runs at Send (Outlook on
   * Android and iOS): it cannot say the message was stopped, because it will not be.
   */
  composeHeader: Record<Exclude<Verdict, "allow">, string>;
  /** That warning when the check while composing could not finish. */
  composeFailure: string;
  /** An approval is on the item, but Send found what the reviewer did not see. */
  notCoveredHeader: (reviewer: string) => string;
  /** A small set whose addresses the alert names elsewhere as possibly wrong: that they would see each other, without naming them again. */
  exposureAlso: string;
  finding: { [C in Finding["code"]]: (finding: Extract<Finding, { code: C }>) => string };
  /** One sentence per flagged file, with everything found about it (the alert names each file once). */
  file: (name: string, parts: readonly FilePart[]) => string;
  failure: (reason: FailureReason) => string;
  failureReason: Record<FailureReason, string>;
  openPane: string;
  verdictLabel: Record<Verdict, string>;
  field: Record<RecipientField, string>;
  /** " and 3 more" / " ほか3件". */
  andMore: (count: number) => string;
  kind: Record<InspectedKind, string>;
  unscannable: (reason: string) => string;
}

const SAMPLE = 3;

const EN_REMEDY: Record<Remedy, string> = {
  "move-to-bcc": "move the outside recipients to BCC",
  "remove-file": "remove the file",
  "fix-address": "correct the address",
  "check-recipients": "check the recipients",
};

/** A Japanese fix in its continuative (移し), dictionary (移す) and te (移して) forms. */
type JaPhrase = readonly [string, string, string];
const JA_REMEDY: Record<Remedy, JaPhrase> = {
  "move-to-bcc": ["社外の宛先をBCCへ移し", "社外の宛先をBCCへ移す", "社外の宛先をBCCへ移して"],
  "remove-file": ["添付ファイルを削除し", "添付ファイルを削除する", "添付ファイルを削除して"],
  "fix-address": ["宛先のアドレスを直し", "宛先のアドレスを直す", "宛先のアドレスを直して"],
  "check-recipients": ["宛先を確認し", "宛先を確認する", "宛先を確認して"],
};
const JA_FIX_MESSAGE: JaPhrase = ["メールを修正し", "メールを修正する", "メールを修正して"];

function sample(items: readonly string[], more: (n: number) => string, separator: string): string {
  const shown = items.slice(0, SAMPLE).join(separator);
  return items.length > SAMPLE ? `${shown}${more(items.length - SAMPLE)}` : shown;
}

/** "名簿.xlsx (phone ×200, email ×200)": the strongest counts of a file. */
export function kindSummary(counts: Partial<Record<InspectedKind, number>>, names: Record<InspectedKind, string>, times: string, separator: string): string {
  return (Object.entries(counts) as [InspectedKind, number][])
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([kind, n]) => `${names[kind]}${times}${formatNumber(n)}`)
    .join(separator);
}

/** Addresses that could not be verified, and fields Outlook returned only up to its limit. */
function splitUnresolved(finding: Extract<Finding, { code: "unresolved-recipient" }>) {
  const recipients = finding.evidence.recipients;
  return {
    unverified: recipients.filter((r) => r.reason !== "list-truncated").map((r) => r.address),
    truncated: recipients.filter((r) => r.reason === "list-truncated").map((r) => r.field),
  };
}

/**
 * What an exposure sentence names, each thing once: the outside parties whose addresses
 * stand in To/CC (an organization by its domain and how many of its addresses are
 * visible, an individual by the address), the parties who only read them from BCC, and,
 * when one party alone is visible, sample addresses of it.
 */
function exposureParts(e: ExposureEvidence) {
  const visible = e.parties.filter((p) => p.visible > 0);
  return {
    visible,
    organizations: visible.filter((p) => p.kind === "organization").length,
    individuals: visible.filter((p) => p.kind === "individual").length,
    readersInBcc: e.parties.filter((p) => p.visible === 0),
    single: visible.length === 1 ? visible[0] : undefined,
    addresses: e.exposed.map((x) => x.address),
  };
}

/**
 * For a reply: who is new to the thread (the others had already seen each other), said
 * after the exposure so that the sender knows whom to take out, or that the thread grew on purpose.
 */
function threadNote(language: Language, e: ExposureEvidence): string {
  const fresh = e.newcomers ?? [];
  if (fresh.length > 0) {
    return language === "ja"
      ? `このスレッドに新しく加わった宛先：${sample(fresh, ja.andMore, "、")}。`
      : ` New to this thread: ${sample(fresh, en.andMore, ", ")}.`;
  }
  const first = firstTimeAmongKnown(e);
  if (first.length === 0) return "";
  return language === "ja" ? `初めて送る宛先：${sample(first, ja.andMore, "、")}。` : ` Never written to before: ${sample(first, en.andMore, ", ")}.`;
}

/**
 * With the memory: the exposed addresses never written to, when others were (a known group
 * with someone added). When every one is new there is nothing to single out.
 */
export function firstTimeAmongKnown(e: ExposureEvidence): string[] {
  const first = e.exposed.filter((x) => x.firstTime).map((x) => x.address);
  return first.length > 0 && first.length < e.exposed.length ? first : [];
}

/**
 * For a small set (few addresses of few parties, the sender's call): who will see whom, every
 * address named, grouped by party: "acme.co.jp (a@…, b@…) and x@gmail.com will see each other's
 * addresses". An individual is named by the address alone (it is the party).
 */
function whoSeesWhom(language: Language, e: ExposureEvidence): string {
  const byParty = new Map<string, { kind: string; addresses: string[] }>();
  for (const x of e.exposed) {
    const group = byParty.get(x.party) ?? { kind: x.partyKind, addresses: [] };
    group.addresses.push(x.address);
    byParty.set(x.party, group);
  }
  const ja = language === "ja";
  // Who is new is marked where the address stands (a note after the list would name it twice).
  const newcomers = new Set(e.newcomers ?? []);
  const firstTime = new Set(firstTimeAmongKnown(e));
  const mark = (address: string) =>
    newcomers.size > 0 && newcomers.has(address) ? (ja ? `${address}（スレッドに新規）` : `${address} (new to the thread)`) : firstTime.has(address) ? (ja ? `${address}（初めて）` : `${address} (never written to)`) : address;
  for (const group of byParty.values()) group.addresses = group.addresses.map(mark);
  const groups = [...byParty.entries()].map(([id, g]) =>
    g.kind === "individual" ? (g.addresses[0] ?? id) : ja ? `${id}（${g.addresses.join("、")}）` : `${id} (${g.addresses.join(", ")})`,
  );
  const readers = e.parties.filter((p) => p.visible === 0).map((p) => p.id);
  const join = (items: string[]) => (ja ? items.join("と") : items.length <= 2 ? items.join(" and ") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`);
  if (groups.length === 1) {
    return ja ? `${groups[0]}のアドレスが、BCCの${join(readers)}に見えます。` : `${groups[0]} in To/CC will be seen by ${join(readers)} in BCC.`;
  }
  if (ja) return `${join(groups)}の間で、互いのアドレスが見えます${readers.length > 0 ? `（BCCの${join(readers)}にも見えます）` : ""}。`;
  return `${join(groups)} will see each other's addresses${readers.length > 0 ? `, and ${join(readers)} in BCC will see them too` : ""}.`;
}

const en: Catalog = {
  header: {
    confirm: "Send Guard: please check this message before sending.",
    review: "Send Guard stopped this message.",
    block: "Send Guard blocks this message under your organization's policy.",
  },
  action: (verdict, remedies, client = "full") => {
    const fixes = remedies.map((r) => EN_REMEDY[r]);
    const list = fixes.length === 0 ? "fix the message" : fixes.length === 1 ? (fixes[0] as string) : `${fixes.slice(0, -1).join(", ")} and ${fixes[fixes.length - 1]}`;
    if (client === "basic" && verdict === "confirm") {
      return `If this is intended, click "${RIBBON_BUTTON.en}" (Send Guard) on the ribbon, choose "${CONFIRM_BUTTON.en}" and press Send again; otherwise use it to ${list}.`;
    }
    if (client === "basic" && verdict === "review") return `Click "${RIBBON_BUTTON.en}" (Send Guard) on the ribbon to ${list}, or to request a review.`;
    if (verdict === "confirm") return `If this is intended, choose Send Anyway; otherwise open Send Guard to ${list}.`;
    if (verdict === "review") return `Open Send Guard to ${list}, or to request a review.`;
    return `To send it, ${list}.`;
  },
  composeHeader: {
    confirm: "Send Guard: check before sending.",
    review: "Send Guard: this message needs a review before it goes out.",
    block: "Send Guard: your organization's policy does not allow this message.",
  },
  composeFailure: "Send Guard could not check the recipients of this message. Check them yourself before sending.",
  notCoveredHeader: (reviewer) => `${reviewer} approved this message, but Send Guard now finds something the reviewer did not see:`,
  exposureAlso: "The outside recipients would also see each other's addresses.",
  finding: {
    "external-exposure": (f) => {
      const e = f.evidence;
      if (e.smallSet) return whoSeesWhom("en", e);
      const p = exposureParts(e);
      const n = count("en", e.visibleExternalCount, "outsideAddress");
      const mass = e.reasons.includes("mass") ? `, more than ${formatNumber(e.massThreshold)} at once` : "";
      if (p.single) {
        const of = p.single.kind === "organization" ? ` of ${p.single.id}` : "";
        const readers =
          p.readersInBcc.length > 0
            ? `can be read by recipients of ${p.readersInBcc.length === 1 ? "another party" : `${formatNumber(p.readersInBcc.length)} other parties`} in BCC (${sample(p.readersInBcc.map((r) => r.id), en.andMore, ", ")})`
            : "can be read by every recipient";
        const policy = e.reasons.includes("any-external") && p.readersInBcc.length === 0 && !e.reasons.includes("mass") ? "; your organization keeps outside addresses in BCC" : "";
        return `${n}${of} in To/CC ${readers}${mass}${policy}: ${sample(p.addresses, en.andMore, ", ")}.${threadNote("en", e)}`;
      }
      const names = [...p.visible.filter((x) => x.kind === "organization").map((x) => `${x.id} (${formatNumber(x.visible)})`), ...p.visible.filter((x) => x.kind === "individual").map((x) => x.id)];
      return `${n} in To/CC can be read by every recipient, across ${partiesOf("en", p.organizations, p.individuals)}${mass}: ${sample(names, en.andMore, ", ")}.${threadNote("en", e)}`;
    },
    "unresolved-recipient": (f) => {
      const { unverified, truncated } = splitUnresolved(f);
      const parts: string[] = [];
      if (unverified.length > 0) parts.push(`${count("en", unverified.length, "recipient")} could not be verified: ${sample(unverified, en.andMore, ", ")}.`);
      if (truncated.length > 0) parts.push(`Outlook returned only part of the ${truncated.map((field) => en.field[field]).join(" and ")} ${truncated.length === 1 ? "list" : "lists"}.`);
      return parts.join(" ");
    },
    "distribution-list": (f) => {
      const lists = f.evidence.recipients.map((r) => r.address);
      return lists.length === 1
        ? `The distribution list ${lists[0]} has members Send Guard cannot see; they would read the outside addresses.`
        : `The distribution lists ${sample(lists, en.andMore, ", ")} have members Send Guard cannot see; they would read the outside addresses.`;
    },
    "attachment-name": (f) => {
      const names = f.evidence.attachments.map((a) => a.name);
      return names.length === 1 ? `The name of ${names[0]} suggests personal data.` : `The names of ${sample(names, en.andMore, ", ")} suggest personal data.`;
    },
    "attachment-personal-data": (f) => {
      const files = f.evidence.attachments.map((a) => `${a.name} (${kindSummary(a.counts, en.kind, " ×", ", ") || "personal columns"})`);
      return `${files.length === 1 ? "An attachment contains" : "Attachments contain"} personal data: ${sample(files, en.andMore, "; ")}.`;
    },
    "attachment-address-list": (f) =>
      `${f.evidence.attachments.length === 1 ? "An attached file is a list" : "Attached files are lists"} of email addresses: ${sample(
        f.evidence.attachments.map((a) => `${a.name} (${count("en", a.addresses, "address")}, ${formatNumber(a.notRecipients)} not among the recipients)`),
        en.andMore,
        "; ",
      )}.`,
    "attachment-unscannable": (f) =>
      `Send Guard could not inspect ${sample(f.evidence.attachments.map((a) => `${a.name} (${en.unscannable(a.reason)})`), en.andMore, "; ")}.`,
    "lookalike-domain": (f) => {
      const items = f.evidence.recipients;
      const whose = { internal: "your organization's domain", memory: "a domain you have written to", consumer: "a well-known mail service" } as const;
      const first = items[0];
      if (items.length === 1 && first) return `${first.address} looks like a slip of ${first.known} (${whose[first.reference]}). Did you mean ${first.suggestion}?`;
      return `These addresses look like slips of known domains: ${sample(items.map((r) => `${r.address} (did you mean ${r.suggestion}?)`), en.andMore, "; ")}.`;
    },
    "first-time-recipient": (f) => {
      const items = f.evidence.recipients;
      const first = items[0];
      if (items.length === 1 && first) return `You have never written to ${first.address}. Did you mean ${first.suggestion}, whom you have written to?`;
      return `You have never written to these addresses, each close to one you have: ${sample(items.map((r) => `${r.address} (${r.suggestion}?)`), en.andMore, "; ")}.`;
    },
    "new-domain-in-reply": (f) =>
      `This reply adds ${f.evidence.recipients.length === 1 ? "a recipient at a domain" : "recipients at domains"} no one in the thread had: ${sample(f.evidence.recipients.map((r) => r.address), en.andMore, ", ")}.`,
  },
  file: (name, parts) =>
    `${name}: ${parts
      .map((part) => {
        if (part.kind === "name") return "its name suggests personal data";
        if (part.kind === "personal") return `contains personal data (${part.summary || "personal columns"})`;
        if (part.kind === "list") return `a list of ${count("en", part.addresses, "address")}, ${formatNumber(part.notRecipients)} not among the recipients`;
        if (part.kind === "partly") return `read only in part (${part.entry ? `“${part.entry}” has ` : ""}more rows than Send Guard reads)`;
        return `not inspected (${part.entry ? `${part.entry}: ` : ""}${en.unscannable(part.reason)})`;
      })
      .join("; ")}.`,
  failure: (reason) =>
    `Send Guard could not finish checking this message (${en.failureReason[reason]}), so it was not sent. Press Send again; if this keeps happening, contact your IT administrator.`,
  failureReason: {
    "office-error": "Outlook did not return the message details",
    timeout: "the check took too long",
    "policy-invalid": "your organization's Send Guard policy is invalid",
    internal: "an internal error",
  },
  openPane: "Open Send Guard",
  verdictLabel: { allow: "Ready to send", confirm: "Check before sending", review: "Needs a fix or a review", block: "Cannot be sent" },
  field: { to: "To", cc: "CC", bcc: "BCC" },
  andMore: (n) => ` and ${formatNumber(n)} more`,
  kind: { email: "email", phone: "phone", "postal-code": "postal code", "postal-address": "address", "my-number": "My Number", card: "card number" },
  unscannable: (reason) =>
    ({
      "encrypted-zip": "password-protected ZIP",
      "password-protected-office": "password-protected Office file",
      "legacy-office-format": "old Office format",
      pdf: "PDF",
      "not-inspected": "not inspected in time",
      "read-failed": "Outlook did not hand over the file",
      "time-budget": "took too long",
      "too-large": "too large",
      "too-many-rows": "too many rows to read whole",
      "decompressed-too-large": "too large when unpacked",
      "too-many-entries": "too many files inside",
      "unknown-encoding": "unknown text encoding",
      "no-text-decoder": "text not readable in this Outlook",
      corrupt: "damaged",
      "unsupported-format": "format not readable",
      "nested-too-deep": "archive nested too deep",
    })[reason] ?? reason,
};

const ja: Catalog = {
  header: {
    confirm: "Send Guard：送信前にご確認ください。",
    review: "Send Guardがこのメールの送信を止めました。",
    block: "組織のポリシーにより、Send Guardはこのメールを送信できません。",
  },
  action: (verdict, remedies, client = "full") => {
    const fixes = remedies.length > 0 ? remedies.map((r) => JA_REMEDY[r]) : [JA_FIX_MESSAGE];
    // All but the last in the continuative form (移し、削除し), the last as the sentence needs it.
    const lead = fixes.slice(0, -1).map((f) => `${f[0]}、`).join("");
    const last = fixes[fixes.length - 1] as JaPhrase;
    const ribbon = `リボンの「${RIBBON_BUTTON.ja}」（Send Guard）`;
    if (client === "basic" && verdict === "confirm") {
      return `意図したものであれば、${ribbon}で「${CONFIRM_BUTTON.ja}」を押してから、もう一度送信してください。そうでなければ、そこで${lead}${last[2]}ください。`;
    }
    if (client === "basic" && verdict === "review") return `${ribbon}を開いて${lead}${last[1]}か、確認を依頼してください。`;
    if (verdict === "confirm") return `意図したものであれば、このまま送信できます。そうでなければSend Guardを開いて${lead}${last[2]}ください。`;
    if (verdict === "review") return `Send Guardを開いて${lead}${last[1]}か、確認を依頼してください。`;
    return `送信するには、${lead}${last[2]}ください。`;
  },
  composeHeader: {
    confirm: "Send Guard：送信前にご確認ください。",
    review: "Send Guard：このメールは送信前に確認が必要です。",
    block: "Send Guard：組織のポリシーにより送信できない内容です。",
  },
  composeFailure: "Send Guardがこのメールの宛先を確認できませんでした。送信前にご自身で確認してください。",
  notCoveredHeader: (reviewer) => `${reviewer}さんが承認したメールですが、確認者が見ていない内容が見つかりました：`,
  exposureAlso: "社外の宛先どうしで、互いのアドレスも見えます。",
  finding: {
    "external-exposure": (f) => {
      const e = f.evidence;
      if (e.smallSet) return whoSeesWhom("ja", e);
      const p = exposureParts(e);
      const n = count("ja", e.visibleExternalCount, "outsideAddress");
      const mass = e.reasons.includes("mass") ? `（一度に${formatNumber(e.massThreshold)}件を超えています）` : "";
      if (p.single) {
        const whose = p.single.kind === "organization" ? `${p.single.id}のアドレス` : "社外アドレス";
        const readers =
          p.readersInBcc.length > 0
            ? `BCCの別の相手（${sample(p.readersInBcc.map((r) => r.id), ja.andMore, "、")}）にも見えます`
            : "受信者全員に見えます";
        const policy = e.reasons.includes("any-external") && p.readersInBcc.length === 0 && !e.reasons.includes("mass") ? "（社外アドレスはBCCに入れる設定です）" : "";
        return `宛先（To/CC）の${whose}${n}が${readers}${mass}${policy}：${sample(p.addresses, ja.andMore, "、")}。${threadNote("ja", e)}`;
      }
      const orgs = p.visible.filter((x) => x.kind === "organization").map((x) => `${x.id}（${formatNumber(x.visible)}件）`);
      const people = p.visible.filter((x) => x.kind === "individual").map((x) => x.id);
      const names = [...orgs, ...people];
      const rest = names.length - SAMPLE;
      const restOrgs = Math.max(0, orgs.length - SAMPLE);
      const more = rest > 0 ? ` ほか${partiesOf("ja", restOrgs, rest - restOrgs)}` : "";
      return `宛先（To/CC）の社外アドレス${n}が受信者全員に見えます${mass}。社外の相手は${partiesOf("ja", p.organizations, p.individuals)}です：${names.slice(0, SAMPLE).join("、")}${more}。${threadNote("ja", e)}`;
    },
    "unresolved-recipient": (f) => {
      const { unverified, truncated } = splitUnresolved(f);
      const parts: string[] = [];
      if (unverified.length > 0) parts.push(`確認できない宛先が${count("ja", unverified.length, "recipient")}あります：${sample(unverified, ja.andMore, "、")}。`);
      if (truncated.length > 0) parts.push(`Outlookが${truncated.map((field) => ja.field[field]).join("・")}の宛先の一部しか返しませんでした。`);
      return parts.join("");
    },
    "distribution-list": (f) =>
      `配布リスト ${sample(f.evidence.recipients.map((r) => r.address), ja.andMore, "、")} のメンバーは確認できず、社外アドレスが見えてしまいます。`,
    "lookalike-domain": (f) => {
      const items = f.evidence.recipients;
      const whose = { internal: "自組織のドメイン", memory: "送信したことのあるドメイン", consumer: "よく使われるメールサービス" } as const;
      const first = items[0];
      if (items.length === 1 && first) return `${first.address} は ${first.known}（${whose[first.reference]}）に似ています。${first.suggestion} の誤りではありませんか。`;
      return `既知のドメインに似た宛先があります：${sample(items.map((r) => `${r.address}（${r.suggestion} の誤り？）`), ja.andMore, "、")}。`;
    },
    "first-time-recipient": (f) => {
      const items = f.evidence.recipients;
      const first = items[0];
      if (items.length === 1 && first) return `${first.address} は初めての宛先です。送信したことのある ${first.suggestion} の誤りではありませんか。`;
      return `送信したことのあるアドレスに似た、初めての宛先があります：${sample(items.map((r) => `${r.address}（${r.suggestion} の誤り？）`), ja.andMore, "、")}。`;
    },
    "new-domain-in-reply": (f) =>
      `この返信には、スレッドになかったドメインの宛先が加わっています：${sample(f.evidence.recipients.map((r) => r.address), ja.andMore, "、")}。`,
    "attachment-name": (f) => `ファイル名が個人情報を示す添付ファイル：${sample(f.evidence.attachments.map((a) => a.name), ja.andMore, "、")}。`,
    "attachment-personal-data": (f) =>
      `添付ファイルに個人情報が含まれています：${sample(
        f.evidence.attachments.map((a) => `${a.name}（${kindSummary(a.counts, ja.kind, "×", "、") || "個人情報の列"}）`),
        ja.andMore,
        "、",
      )}。`,
    "attachment-address-list": (f) =>
      `添付ファイルがメールアドレスの一覧です：${sample(
        f.evidence.attachments.map((a) => `${a.name}（${count("ja", a.addresses, "address")}、うち宛先にない${count("ja", a.notRecipients, "address")}）`),
        ja.andMore,
        "、",
      )}。`,
    "attachment-unscannable": (f) =>
      `Send Guardが中身を確認できない添付ファイルがあります：${sample(f.evidence.attachments.map((a) => `${a.name}（${ja.unscannable(a.reason)}）`), ja.andMore, "、")}。`,
  },
  file: (name, parts) => {
    // Every part but the last in its continuative form (示し、含み), the last as the sentence's end.
    const forms = parts.map((part): readonly [string, string] => {
      if (part.kind === "name") return ["ファイル名が個人情報を示し", "ファイル名が個人情報を示しています"];
      if (part.kind === "personal") return [`個人情報（${part.summary || "個人情報の列"}）を含み`, `個人情報（${part.summary || "個人情報の列"}）を含みます`];
      if (part.kind === "list") {
        const list = `メールアドレス${count("ja", part.addresses, "address")}の一覧`;
        return [`${list}（うち${count("ja", part.notRecipients, "address")}は宛先にない）であり`, `${list}です（うち${count("ja", part.notRecipients, "address")}は宛先にありません）`];
      }
      if (part.kind === "partly") {
        const where = part.entry ? `「${part.entry}」の` : "";
        return [`${where}行数が上限を超えていて一部しか確認できず`, `${where}行数が上限を超えていて一部しか確認できません`];
      }
      const why = `${part.entry ? `${part.entry}：` : ""}${ja.unscannable(part.reason)}`;
      return [`中身を確認できず（${why}）`, `中身を確認できません（${why}）`];
    });
    const lead = forms.slice(0, -1).map((f) => `${f[0]}、`).join("");
    return `「${name}」は、${lead}${forms[forms.length - 1]?.[1] ?? ""}。`;
  },
  failure: (reason) =>
    `Send Guardがチェックを完了できなかったため（${ja.failureReason[reason]}）、送信を止めました。もう一度「送信」を押してください。繰り返す場合はIT管理者に連絡してください。`,
  failureReason: {
    "office-error": "Outlookからメールの情報を取得できませんでした",
    timeout: "チェックに時間がかかりすぎました",
    "policy-invalid": "組織のSend Guardポリシーが不正です",
    internal: "内部エラー",
  },
  openPane: "Send Guardを開く",
  verdictLabel: { allow: "送信できます", confirm: "送信前に確認してください", review: "修正または確認依頼が必要です", block: "送信できません" },
  field: { to: "宛先(To)", cc: "CC", bcc: "BCC" },
  andMore: (n) => ` ほか${formatNumber(n)}件`,
  kind: { email: "メール", phone: "電話番号", "postal-code": "郵便番号", "postal-address": "住所", "my-number": "マイナンバー", card: "カード番号" },
  unscannable: (reason) =>
    ({
      "encrypted-zip": "パスワード付きZIP",
      "password-protected-office": "パスワード付きOfficeファイル",
      "legacy-office-format": "旧形式のOfficeファイル",
      pdf: "PDF",
      "not-inspected": "時間内に確認できませんでした",
      "read-failed": "Outlookからファイルを取得できませんでした",
      "time-budget": "確認に時間がかかりすぎました",
      "too-large": "サイズが大きすぎます",
      "too-many-rows": "行数が多すぎて全体を確認できません",
      "decompressed-too-large": "展開後のサイズが大きすぎます",
      "too-many-entries": "中のファイルが多すぎます",
      "unknown-encoding": "文字コードが不明です",
      "no-text-decoder": "このOutlookでは読めない文字コードです",
      corrupt: "ファイルが壊れています",
      "unsupported-format": "読めない形式です",
      "nested-too-deep": "ZIPの入れ子が深すぎます",
    })[reason] ?? reason,
};

export const CATALOGS: Record<Language, Catalog> = { en, ja };

/** `ja-JP`, `ja` → Japanese; anything else (or nothing) → English. */
export function languageOf(displayLanguage: string | undefined | null): Language {
  return displayLanguage?.toLowerCase().startsWith("ja") ? "ja" : "en";
}
