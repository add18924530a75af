/**
 * Approval tokens for handler tests: signed by a test key over what the reviewer would
 * have been shown for a fake item (the findings the server evaluates from the snapshot).
 */
import { coverageOf } from "../../src/approval/coverage";
import type { ApprovalClaims } from "../../src/approval/token";
import { evaluate, parsePolicyText } from "../../src/policy";
import { withCachedInspections, type StoredInspection } from "../../src/attachments/cache";
import { INSPECTIONS_SESSION_KEY } from "../../src/shared/session-keys";
import type { Draft } from "../../src/shared/types";
import { SENDER, type FakeItemSpec } from "./fake-office";

/** The draft the send handler reads from a fake item (the simulator reports every recipient as externalUser unless told). */
export function draftOfSpec(spec: FakeItemSpec): Draft {
  const recipients = (list: FakeItemSpec["to"]) =>
    (list ?? []).map((r) => ({ emailAddress: r.emailAddress, displayName: r.displayName ?? r.emailAddress, recipientType: (r.recipientType ?? "externalUser") as "externalUser" }));
  const draft: Draft = {
    from: spec.from ?? SENDER,
    to: recipients(spec.to),
    cc: recipients(spec.cc),
    bcc: recipients(spec.bcc),
    subject: spec.subject ?? "",
    attachments: (spec.attachments ?? []).map((a, i) => ({ id: a.id ?? `att-${i}`, name: a.name, size: a.size ?? a.content?.length ?? 0, isInline: false, attachmentType: "file" })),
    truncatedFields: [],
  };
  const cache = spec.sessionData?.[INSPECTIONS_SESSION_KEY];
  return cache ? withCachedInspections(draft, new Map(Object.entries(JSON.parse(cache).files as Record<string, StoredInspection>))) : draft;
}

/** Claims approving `spec` as evaluated under `policyText`: its fingerprint and the coverage of its findings. */
export function approvalClaimsFor(spec: FakeItemSpec, policyText: string, change: Partial<ApprovalClaims> = {}): ApprovalClaims {
  const policy = parsePolicyText(policyText);
  if (!policy.ok) throw new Error("invalid test policy");
  const evaluation = evaluate(draftOfSpec(spec), policy.policy);
  const now = Math.floor(Date.now() / 1000);
  return {
    rid: "rv_1",
    fp: evaluation.fingerprint,
    snd: spec.from ?? SENDER,
    rev: "kacho@mirai-shoji.co.jp",
    rvn: "山田 課長",
    iat: now,
    exp: now + 3600,
    cov: coverageOf(evaluation.findings),
    ...change,
  };
}
