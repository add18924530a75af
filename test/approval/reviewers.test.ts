import { parsePolicy } from "../../src/policy";
import { isAdmin, mayReview, reviewersFor } from "../../src/approval/reviewers";
import { policyOf } from "../support/drafts";

const policy = policyOf({
  review: {
    reviewers: [
      { address: "Kacho@Mirai-Shoji.co.jp", name: "山田 課長", reviews: ["@mirai-shoji.co.jp"] },
      { address: "bucho@mirai-shoji.co.jp", reviews: ["*"] },
      { address: "tanaka@mirai-shoji.co.jp", name: "田中 一郎", reviews: ["sato@mirai-shoji.co.jp"] },
      { address: "kacho@mirai-shoji.co.jp", reviews: ["*"] },
    ],
    admins: ["IT@mirai-shoji.co.jp"],
  },
});

describe("who may review whom", () => {
  test.each([
    ["tanaka@mirai-shoji.co.jp", ["kacho@mirai-shoji.co.jp", "bucho@mirai-shoji.co.jp"]],
    ["sato@mirai-shoji.co.jp", ["kacho@mirai-shoji.co.jp", "bucho@mirai-shoji.co.jp", "tanaka@mirai-shoji.co.jp"]],
    ["Sato@Tokyo.Mirai-Shoji.co.jp", ["kacho@mirai-shoji.co.jp", "bucho@mirai-shoji.co.jp"]],
    ["kacho@mirai-shoji.co.jp", ["bucho@mirai-shoji.co.jp"]],
    // kacho appears twice in the policy; his second entry ("*") covers outside senders too.
    ["someone@acme.co.jp", ["bucho@mirai-shoji.co.jp", "kacho@mirai-shoji.co.jp"]],
    ["not an address", []],
  ])("%s → %j (never themself, no duplicates, policy order)", (sender, expected) => {
    expect(reviewersFor(sender, policy).map((r) => r.address)).toEqual(expected);
  });

  test("mayReview and isAdmin compare normalised addresses", () => {
    expect(mayReview("KACHO@mirai-shoji.co.jp", "tanaka@mirai-shoji.co.jp", policy)).toBe(true);
    expect(mayReview("tanaka@mirai-shoji.co.jp", "tanaka@mirai-shoji.co.jp", policy)).toBe(false);
    expect(mayReview("tanaka@mirai-shoji.co.jp", "kacho@mirai-shoji.co.jp", policy)).toBe(false);
    expect(isAdmin("it@MIRAI-SHOJI.co.jp", policy)).toBe(true);
    expect(isAdmin("kacho@mirai-shoji.co.jp", policy)).toBe(false);
  });

  test("defaults: no reviewers, no admins, 24 hours, no approval keys", () => {
    expect(policyOf()).toMatchObject({ review: { reviewers: [], admins: [], expiryHours: 24 }, approvalKeys: [] });
  });

  test.each([
    [{ review: { reviewers: [{ address: "kacho@", reviews: ["*"] }] } }, "review.reviewers[0].address is not a valid email address"],
    [{ review: { reviewers: [{ address: "kacho@mirai-shoji.co.jp", reviews: [] }] } }, "review.reviewers[0].reviews must be at least 1"],
    [{ review: { reviewers: [{ address: "kacho@mirai-shoji.co.jp", reviews: ["@"] }] } }, 'review.reviewers[0].reviews[0] must be "*", "@domain" or an email address'],
    [{ review: { expiryHours: 0 } }, "review.expiryHours must be at least 1"],
    [{ review: { admins: ["x"] } }, "review.admins[0] is not a valid email address"],
    [{ review: { approvers: [] } }, "review.approvers is not a known policy key"],
    [{ approvalKeys: ["AB".repeat(32)] }, "approvalKeys[0] must be 64 lower-case hex characters (an Ed25519 public key)"],
  ])("%j → %s", (input, message) => {
    const result = parsePolicy(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => `${e.path} ${e.message}`)).toContain(message);
  });
});
