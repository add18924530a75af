/**
 * The sender's own confirmation of a `confirm` verdict (clients whose Smart Alert has no Send
 * Anyway): it lets exactly the message the pane showed go, and nothing else.
 */
import { decideSend } from "../../src/approval/decide";
import { coverageOf } from "../../src/approval/coverage";
import { confirmationCovers, parseSenderConfirmation, senderConfirmation } from "../../src/approval/sender-confirmation";
import { evaluate } from "../../src/policy";
import { generateSigningKeyPem, loadSigningKey, signApproval } from "../../src/server/review/approval-signer";
import type { Draft, Evaluation } from "../../src/shared/types";
import { addresses, CARRIER_DOMAINS, draftOf, policyOf } from "../support/drafts";

const policy = policyOf();
const NOW = Date.parse("2026-12-01T09:00:00Z");
const key = loadSigningKey(generateSigningKeyPem());

/** A mistyped gmail.com in CC: a `confirm` finding by default. */
const slip = draftOf({ to: ["jimu@mirai-shoji.co.jp"], cc: ["hogosha@gmial.com"] });
const decide = (draft: Draft, confirmation: string | undefined, token?: string, p = policy) =>
  decideSend({ evaluation: evaluate(draft, p), sender: draft.from, token, approvalKeys: [key.publicKeyHex], nowMs: NOW, confirmation });

test("the example is a confirm", () => {
  expect(evaluate(slip, policy).verdict).toBe("confirm");
});

test("what the pane stores names the message and each finding item, and reads back as it was", () => {
  const evaluation = evaluate(slip, policy);
  const text = senderConfirmation(evaluation);
  expect(parseSenderConfirmation(text)).toEqual({ v: 1, fp: evaluation.fingerprint, cov: coverageOf(evaluation.findings) });
});

describe("at Send", () => {
  test("the confirmation of this message lets it go, and says so", () => {
    expect(decide(slip, senderConfirmation(evaluate(slip, policy)))).toEqual({ allow: true, confirmedBySender: true });
  });

  test("without one, the confirm alert as before", () => {
    expect(decide(slip, undefined)).toMatchObject({ allow: false, verdict: "confirm", promptUser: true });
  });

  test("the message changed after it (another recipient, a subject): stopped again", () => {
    const confirmation = senderConfirmation(evaluate(slip, policy));
    expect(decide({ ...slip, cc: [...slip.cc, { emailAddress: "x@mirai-shoji.co.jp", recipientType: "user" }] }, confirmation).allow).toBe(false);
    expect(decide({ ...slip, subject: `${slip.subject} (2)` }, confirmation).allow).toBe(false);
  });

  test("a finding the sender did not see (same fingerprint, different findings) is not covered", () => {
    const evaluation = evaluate(slip, policy);
    const stale = JSON.stringify({ v: 1, fp: evaluation.fingerprint, cov: ["0123456789abcdef"] });
    expect(decide(slip, stale)).toMatchObject({ allow: false, verdict: "confirm" });
  });

  test.each([
    ["review (88 parents in CC)", draftOf({ to: ["jimu@mirai-shoji.co.jp"], cc: addresses(88, CARRIER_DOMAINS) }), policy],
    ["block (a rule set to block)", slip, policyOf({ rules: { "lookalike-domain": "block" } })],
  ])("never lifts %s, even when it names the message exactly", (_name, draft, p) => {
    const evaluation: Evaluation = evaluate(draft, p);
    expect(evaluation.verdict).not.toBe("confirm");
    const decision = decide(draft, senderConfirmation(evaluation), undefined, p);
    expect(decision.allow).toBe(false);
  });

  test("what an approval leaves at confirm may be confirmed by the sender; what it leaves at review may not", () => {
    const mixed = draftOf({ to: ["jimu@mirai-shoji.co.jp"], cc: [...addresses(88, CARRIER_DOMAINS), "hogosha@gmial.com"] });
    const evaluation = evaluate(mixed, policy);
    expect(evaluation.verdict).toBe("review");
    const exposureOnly = coverageOf(evaluation.findings.filter((f) => f.code === "external-exposure"));
    const token = signApproval(key, { rid: "rv_1", fp: evaluation.fingerprint, snd: mixed.from ?? "", rev: "kacho@mirai-shoji.co.jp", iat: NOW / 1000 - 60, exp: NOW / 1000 + 3600, cov: exposureOnly });
    // The reviewer approved the exposure; the look-alike is left, at confirm.
    expect(decide(mixed, undefined, token)).toMatchObject({ allow: false, verdict: "confirm" });
    expect(decide(mixed, senderConfirmation(evaluation), token)).toEqual({ allow: true, confirmedBySender: true });
    // Without the approval the review stands, confirmation or not.
    expect(decide(mixed, senderConfirmation(evaluation))).toMatchObject({ allow: false, verdict: "review" });
  });

  test.each([
    ["not JSON", "{confirmed"],
    ["JSON null", "null"],
    ["another version", JSON.stringify({ v: 2, fp: "x", cov: [] })],
    ["no fingerprint", JSON.stringify({ v: 1, cov: [] })],
    ["digests that are not text", JSON.stringify({ v: 1, fp: "x", cov: [1, 2] })],
    ["an empty string", ""],
    ["NUL characters", "\u0000\u0000"],
    ["oversized", JSON.stringify({ v: 1, fp: "x", cov: Array.from({ length: 10_000 }, (_, i) => String(i).padStart(16, "0")) })],
  ])("an odd stored value (%s) is no confirmation", (_name, text) => {
    expect(parseSenderConfirmation(text)).toBeUndefined();
    expect(decide(slip, text)).toMatchObject({ allow: false, verdict: "confirm" });
  });

  test("a confirmation with no findings covers nothing", () => {
    expect(confirmationCovers(JSON.stringify({ v: 1, fp: "x", cov: [] }), "x", [])).toBe(false);
  });
});
