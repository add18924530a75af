import type { AttachmentNameEvidence } from "../../shared/types";
import { isExternal } from "../recipients";
import type { Rule } from "./rule";

function fold(text: string): string {
  return text.normalize("NFKC").toLowerCase();
}

const ASCII_WORD = /^[a-z0-9 ]+$/;

/** ASCII keywords match as whole words ("list" in "customer_list.xlsx", not in "playlist"); others as substrings. */
function containsKeyword(name: string, keyword: string): boolean {
  if (!ASCII_WORD.test(keyword)) return name.includes(keyword);
  let from = 0;
  for (;;) {
    const at = name.indexOf(keyword, from);
    if (at < 0) return false;
    const before = name.charAt(at - 1);
    const after = name.charAt(at + keyword.length);
    if (!/[a-z]/.test(before) && !/[a-z]/.test(after)) return true;
    from = at + 1;
  }
}

/** attachment-name: a file whose name suggests personal data, on a message with outside recipients. */
export const attachmentName: Rule = ({ draft, policy, recipients }) => {
  if (!recipients.some(isExternal)) return null;
  const keywords = policy.attachmentKeywords.map(fold);
  const flagged: AttachmentNameEvidence["attachments"] = [];
  for (const attachment of draft.attachments) {
    if (attachment.isInline) continue;
    const name = fold(attachment.name);
    const hits = keywords.filter((keyword) => containsKeyword(name, keyword));
    if (hits.length > 0) flagged.push({ name: attachment.name, size: attachment.size, keywords: hits });
  }
  return flagged.length > 0 ? { code: "attachment-name", evidence: { attachments: flagged } } : null;
};
