import type { FixObstacle } from "../policy/fixes";
import type { PartyKind, Verdict } from "../shared/types";
import { CONFIRM_BUTTON, type Language } from "./catalog";
import { count, formatNumber, partiesOf, verbFor } from "./count";

/** The first five items, then how many more. */
function listed(items: readonly string[], separator: string, more: (n: number) => string): string {
  const shown = items.slice(0, 5).join(separator);
  return items.length > 5 ? `${shown}${more(items.length - 5)}` : shown;
}

/** Text of the sender's task pane. */
export interface PaneText {
  title: string;
  checking: string;
  refresh: string;
  loadFailed: string;
  retry: string;
  noFindings: string;
  reviewerIntro: string;
  fromAlert: string;
  fromAlertError: (reason: string) => string;
  verdictHelp: Record<Verdict, string>;
  /** A `confirm` verdict where the Smart Alert has no Send Anyway (Mailbox below 1.14): the sender confirms here. */
  confirmHere: {
    help: string;
    title: string;
    why: string;
    button: string;
    /** Shown once the confirmation on the item covers the message as it is. */
    done: string;
    saveFailed: (reason: string) => string;
  };
  /** The top banner once a reviewer approved exactly this message. */
  approvedTitle: (reviewer: string) => string;
  approvedHelp: string;
  exposureTitle: string;
  /** How many outside addresses stand in To/CC, and the outside parties the list below shows. */
  exposureIntro: (outside: number, organizations: number, individuals: number) => string;
  /** For a reply: who is new to the thread (the others had already seen each other). */
  newToThread: (addresses: readonly string[]) => string;
  /** With the memory: who was never written to, beside people who were (a known group with someone added). */
  neverWrittenTo: (addresses: readonly string[]) => string;
  replaceWith: (address: string) => string;
  removeRecipient: (address: string) => string;
  /** The sender says the flagged address is right (the memory learns it). */
  itIsCorrect: string;
  keptAsCorrect: (address: string) => string;
  keepFailed: (reason: string) => string;
  replaced: (from: string, to: string) => string;
  recipientRemoved: (address: string) => string;
  fixGone: (address: string) => string;
  cannotFix: (obstacle: FixObstacle) => string;
  memoryTitle: string;
  memorySummary: (addresses: number, groups: number) => string;
  memoryEmpty: string;
  memoryOff: string;
  memoryClear: string;
  memoryConfirm: string;
  memoryConfirmYes: string;
  memoryCancel: string;
  memoryCleared: string;
  memoryClearFailed: (reason: string) => string;
  partyKind: Record<PartyKind, string>;
  addressCount: (count: number) => string;
  seesOutside: (count: number) => string;
  /** The button under a long party list: how many more entries it shows. */
  showMore: (hidden: number) => string;
  moveToBcc: string;
  previewTitle: string;
  previewMoved: (count: number) => string;
  previewSenderAdded: string;
  previewToEmpty: string;
  previewResult: (verdict: string) => string;
  apply: string;
  cancel: string;
  applying: string;
  applied: (count: number) => string;
  changedSincePreview: string;
  writeFailed: (restored: boolean, detail: string) => string;
  /** The fix cannot be written without losing recipients: why, that nothing changed, and what to do instead. */
  cannotMove: (obstacle: FixObstacle) => string;
  attachmentsTitle: string;
  attachmentReason: (keywords: string) => string;
  remove: string;
  removeLabel: (name: string) => string;
  removed: (name: string) => string;
  removeFailed: (name: string, detail: string) => string;
  otherTitle: string;
  /** Heading of look-alike, near-miss and new-in-reply addresses, shown first: fixing them changes everything else. */
  wrongRecipientsTitle: string;
  /** Before a list of addresses, each with its fix (the sentence with every address would name them twice). */
  wrongLead: Record<"lookalike-domain" | "first-time-recipient" | "new-domain-in-reply", string>;
  fieldEmpty: string;
  listSeparator: string;
}

const en: PaneText = {
  title: "Send Guard",
  checking: "Checking…",
  refresh: "Check again",
  loadFailed: "Send Guard could not read this message:",
  retry: "Try again",
  noFindings: "Nothing in this message exposes outside addresses or flagged files.",
  reviewerIntro: "Messages that colleagues ask you to review will appear here once your organization's Send Guard review service is set up.",
  fromAlert: "Send Guard stopped this message when you pressed Send. Here is what it found.",
  fromAlertError: (reason) => `The check at Send could not finish (${reason}). Press Send again; the pane below shows the message as it is now.`,
  verdictHelp: {
    allow: "Nothing is left to fix: press Send.",
    confirm: "Check the points below. At Send you will be asked to confirm.",
    review: "Fix the points below to send this message.",
    block: "Your organization's policy does not allow this message. Change it to send.",
  },
  confirmHere: {
    help: "Check the points below. If the message is right as it is, mark it as checked below, then press Send.",
    title: "Send it as it is",
    why: "This version of Outlook cannot offer Send Anyway when Send Guard asks you to check a message. If you have checked the points above and the message is right, mark it as checked here: Send then lets exactly this message go. Any change to recipients, attachments or subject needs a new check.",
    button: CONFIRM_BUTTON.en,
    done: "You marked this message as checked. Press Send.",
    saveFailed: (reason) => `Send Guard could not keep your confirmation on the message (${reason}). Try again.`,
  },
  approvedTitle: (reviewer) => `Approved by ${reviewer}`,
  approvedHelp: "Press Send: the message goes out as approved. Changing recipients, attachments or the subject now would need a new review.",
  exposureTitle: "Who would see outside addresses",
  exposureIntro: (outside, organizations, individuals) =>
    `${count("en", outside, "outsideAddress")} in To/CC can be read by every recipient. The recipients outside your organization: ${partiesOf("en", organizations, individuals)}.`,
  replaceWith: (address) => `Replace with ${address}`,
  removeRecipient: (address) => `Remove ${address}`,
  itIsCorrect: "It's correct",
  keptAsCorrect: (address) => `Send Guard will remember ${address} as correct.`,
  keepFailed: (reason) => `Send Guard could not remember it (${reason}). Nothing was changed.`,
  replaced: (from, to) => `Replaced ${from} with ${to}.`,
  recipientRemoved: (address) => `Removed ${address} from the recipients.`,
  fixGone: (address) => `${address} is no longer among the recipients; nothing was changed.`,
  cannotFix: (o) =>
    `Send Guard cannot change the recipients here: Outlook gives add-ins only the first ${o.limit} recipients of ${o.reason === "truncated" ? o.fields.map((f) => f.toUpperCase()).join(" and ") : o.field.toUpperCase()}, and rewriting would drop the others. Nothing was changed; correct the address in the message itself.`,
  memoryTitle: "What Send Guard remembers",
  memorySummary: (addresses, groups) =>
    `${count("en", addresses, "address")} you have written to, and ${count("en", groups, "group")} of outside recipients addressed together. Kept in your mailbox as codes, never as addresses, so that messages to people who already know each other go without a prompt.`,
  memoryEmpty: "Nothing yet: Send Guard learns from your messages as they go out.",
  memoryOff: "Your organization has turned this memory off.",
  memoryClear: "Clear memory",
  memoryConfirm: "Clear what Send Guard remembers? Messages to people you write to often may be checked again.",
  memoryConfirmYes: "Clear",
  memoryCancel: "Cancel",
  memoryCleared: "Send Guard's memory is cleared.",
  memoryClearFailed: (reason) => `The memory could not be cleared (${reason}). Nothing was changed.`,
  neverWrittenTo: (addresses) => `Never written to before: ${listed(addresses, ", ", (n) => ` and ${formatNumber(n)} more`)}. You have written to the others together before.`,
  newToThread: (addresses) =>
    `New to this thread: ${listed(addresses, ", ", (n) => ` and ${formatNumber(n)} more`)}. The others had already seen each other's addresses in the thread.`,
  partyKind: { internal: "Internal", organization: "Outside organization", individual: "Individual" },
  addressCount: (n) => count("en", n, "address"),
  seesOutside: (n) => `sees ${count("en", n, "outsideAddress")} of others`,
  showMore: (hidden) => `Show ${formatNumber(hidden)} more`,
  moveToBcc: "Move outside recipients to BCC",
  previewTitle: "After the change",
  previewMoved: (n) => `${count("en", n, "outsideAddress")} ${verbFor(n, "moves", "move")} to BCC. Internal people stay where they are.`,
  previewSenderAdded: "To would be empty, so your own address goes there.",
  previewToEmpty: "To will be empty.",
  previewResult: (verdict) => `Result: ${verdict}`,
  apply: "Apply",
  cancel: "Cancel",
  applying: "Changing recipients…",
  applied: (n) => `Moved ${count("en", n, "outsideAddress")} to BCC.`,
  changedSincePreview: "The recipients changed since this preview. Check the updated preview, then apply.",
  writeFailed: (restored, detail) =>
    restored
      ? `Outlook did not accept the change, so the recipients are as they were (${detail}).`
      : `Outlook did not accept the change and could not put every recipient back. Check To, CC and BCC before sending (${detail}).`,
  cannotMove: (o) => {
    const why =
      o.reason === "truncated"
        ? `Outlook gives add-ins only the first ${o.limit} recipients of ${o.fields.map((f) => f.toUpperCase()).join(" and ")}, and rewriting ${o.fields.length === 1 ? "that field" : "those fields"} would drop the others`
        : `${o.field.toUpperCase()} would hold ${o.count} recipients, more than the ${o.limit} Outlook lets an add-in write into one field`;
    return `Send Guard cannot move the outside recipients to BCC: ${why}. Nothing was changed. Instead, split the mailing into messages of at most ${o.limit} recipients per field, send it to a distribution list, or use your organization's mass-mail channel.`;
  },
  attachmentsTitle: "Flagged files",
  attachmentReason: (keywords) => `Name suggests personal data: ${keywords}`,
  remove: "Remove",
  removeLabel: (name) => `Remove ${name} from this message`,
  removed: (name) => `Removed ${name} from this message.`,
  removeFailed: (name, detail) => `Could not remove ${name} (${detail}).`,
  otherTitle: "Also check",
  wrongRecipientsTitle: "Is each address the one you meant?",
  wrongLead: {
    "lookalike-domain": "These addresses look like slips of known domains:",
    "first-time-recipient": "You have never written to these addresses, each close to one you have:",
    "new-domain-in-reply": "This reply adds recipients at domains no one in the thread had:",
  },
  fieldEmpty: "(empty)",
  listSeparator: ", ",
};

const ja: PaneText = {
  title: "Send Guard",
  checking: "チェック中…",
  refresh: "再チェック",
  loadFailed: "Send Guardはこのメールを読み取れませんでした：",
  retry: "もう一度試す",
  noFindings: "このメールには、社外アドレスの露出や注意が必要な添付ファイルはありません。",
  reviewerIntro: "組織のSend Guard確認サービスが設定されると、同僚からの確認依頼がここに表示されます。",
  fromAlert: "送信時にSend Guardがこのメールを止めました。見つかった内容は次のとおりです。",
  fromAlertError: (reason) => `送信時のチェックを完了できませんでした（${reason}）。もう一度「送信」を押してください。下には現在のメールの状態を表示しています。`,
  verdictHelp: {
    allow: "修正すべき点はありません。「送信」を押してください。",
    confirm: "次の点を確認してください。送信時に確認を求められます。",
    review: "送信するには、次の点を修正してください。",
    block: "組織のポリシーにより、このままでは送信できません。メールを修正してください。",
  },
  confirmHere: {
    help: "次の点を確認してください。このままでよければ、下で確認済みにしてから「送信」を押してください。",
    title: "このまま送信する",
    why: "このバージョンのOutlookでは、Send Guardの確認画面に「このまま送信」が表示されません。上の点を確認し、このままでよければここで確認済みにしてください。次の「送信」で、このメールがそのまま送信されます。宛先・添付ファイル・件名を変えると、あらためて確認が必要です。",
    button: CONFIRM_BUTTON.ja,
    done: "確認済みです。「送信」を押してください。",
    saveFailed: (reason) => `確認済みの記録をメールに保存できませんでした（${reason}）。もう一度お試しください。`,
  },
  approvedTitle: (reviewer) => `${reviewer}さんが承認しました`,
  approvedHelp: "「送信」を押すと、承認されたとおりに送信されます。宛先・添付ファイル・件名を変えると、あらためて確認が必要になります。",
  exposureTitle: "社外アドレスが見える相手",
  exposureIntro: (outside, organizations, individuals) =>
    `宛先（To/CC）の社外アドレス${count("ja", outside, "outsideAddress")}が受信者全員に見えます。社外の受信者は${partiesOf("ja", organizations, individuals)}です。`,
  replaceWith: (address) => `${address} に置き換え`,
  removeRecipient: (address) => `${address} を宛先から外す`,
  itIsCorrect: "このままで正しい",
  keptAsCorrect: (address) => `${address} を正しい宛先として覚えます。`,
  keepFailed: (reason) => `覚えられませんでした（${reason}）。何も変更していません。`,
  replaced: (from, to) => `${from} を ${to} に置き換えました。`,
  recipientRemoved: (address) => `${address} を宛先から外しました。`,
  fixGone: (address) => `${address} はもう宛先にありません。何も変更していません。`,
  cannotFix: (o) =>
    `ここでは宛先を変更できません：Outlookがアドインに渡す${o.reason === "truncated" ? o.fields.map((f) => (f === "to" ? "宛先(To)" : f.toUpperCase())).join("・") : o.field.toUpperCase()}の宛先は先頭の${o.limit}件までで、書き換えると残りの宛先が消えてしまいます。何も変更していません。メールの宛先欄で直接直してください。`,
  memoryTitle: "Send Guardが覚えている宛先",
  memorySummary: (addresses, groups) =>
    `送信したことのある宛先${count("ja", addresses, "address")}、一緒に送った社外の宛先のグループ${count("ja", groups, "group")}。アドレスそのものではなく符号としてメールボックスに保存し、互いに知っている相手へのメールで確認を出さないために使います。`,
  memoryEmpty: "まだありません。送信したメールから覚えていきます。",
  memoryOff: "組織の設定で、この機能は無効になっています。",
  memoryClear: "覚えた宛先を消去",
  memoryConfirm: "Send Guardが覚えた宛先を消去しますか？よく送る相手へのメールでも、再び確認が出ることがあります。",
  memoryConfirmYes: "消去",
  memoryCancel: "キャンセル",
  memoryCleared: "覚えた宛先を消去しました。",
  memoryClearFailed: (reason) => `消去できませんでした（${reason}）。何も変更していません。`,
  neverWrittenTo: (addresses) => `初めて送る宛先：${listed(addresses, "、", (n) => ` ほか${formatNumber(n)}件`)}。ほかの宛先には、これまでに一緒に送ったことがあります。`,
  newToThread: (addresses) => `このスレッドに新しく加わった宛先：${listed(addresses, "、", (n) => ` ほか${formatNumber(n)}件`)}。ほかの宛先は、スレッドの中ですでに互いのアドレスを見ています。`,
  partyKind: { internal: "社内", organization: "社外の組織", individual: "個人" },
  addressCount: (n) => `アドレス${count("ja", n, "address")}`,
  seesOutside: (n) => `他の社外アドレス${count("ja", n, "outsideAddress")}が見えます`,
  showMore: (hidden) => `残り${formatNumber(hidden)}件を表示`,
  moveToBcc: "社外の宛先をBCCへ移す",
  previewTitle: "変更後",
  previewMoved: (n) => `社外アドレス${count("ja", n, "outsideAddress")}をBCCへ移します。社内の宛先はそのままです。`,
  previewSenderAdded: "宛先(To)が空になるため、あなた自身のアドレスを入れます。",
  previewToEmpty: "宛先(To)は空になります。",
  previewResult: (verdict) => `結果：${verdict}`,
  apply: "適用",
  cancel: "キャンセル",
  applying: "宛先を変更しています…",
  applied: (n) => `社外アドレス${count("ja", n, "outsideAddress")}をBCCへ移しました。`,
  changedSincePreview: "プレビューの後に宛先が変わりました。更新したプレビューを確認してから適用してください。",
  writeFailed: (restored, detail) =>
    restored
      ? `Outlookが変更を受け付けなかったため、宛先は元のままです（${detail}）。`
      : `Outlookが変更を受け付けず、宛先を元に戻せませんでした。送信前にTo・CC・BCCを確認してください（${detail}）。`,
  cannotMove: (o) => {
    const field = (f: string) => (f === "to" ? "宛先(To)" : f.toUpperCase());
    const why =
      o.reason === "truncated"
        ? `Outlookがアドインに渡す${o.fields.map(field).join("・")}の宛先は先頭の${o.limit}件までで、書き換えると残りの宛先が消えてしまいます`
        : `${field(o.field)}が${o.count}件になり、Outlookがアドインに1つの欄へ書き込ませる上限の${o.limit}件を超えます`;
    return `Send Guardは社外の宛先をBCCへ移せません：${why}。宛先は変更していません。代わりに、1通あたり各欄${o.limit}件以下に分けて送る、配布リストを宛先にする、または組織の一斉配信の仕組みを使ってください。`;
  },
  attachmentsTitle: "注意が必要な添付ファイル",
  attachmentReason: (keywords) => `個人情報を示す語を含むファイル名：${keywords}`,
  remove: "削除",
  removeLabel: (name) => `${name}をこのメールから削除`,
  removed: (name) => `${name}をメールから削除しました。`,
  removeFailed: (name, detail) => `${name}を削除できませんでした（${detail}）。`,
  otherTitle: "その他の確認事項",
  wrongRecipientsTitle: "宛先は意図したアドレスですか",
  wrongLead: {
    "lookalike-domain": "既知のドメインに似た宛先があります：",
    "first-time-recipient": "送信したことのあるアドレスに似た、初めての宛先があります：",
    "new-domain-in-reply": "この返信には、スレッドになかったドメインの宛先が加わっています：",
  },
  fieldEmpty: "（なし）",
  listSeparator: "、",
};

export const PANE_TEXT: Record<Language, PaneText> = { en, ja };
