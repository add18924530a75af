import { STAMP_CHECKED_PATTERN, STAMP_PENDING, stampFor } from "../../src/event/stamp";

const alert = (promptUser: boolean) => ({ allow: false as const, alert: { errorMessage: "x", cancelLabel: "y", contextData: "{}", promptUser } });

test.each([
  ["allowed by the policy", { allow: true as const }, "v1; checked", true],
  ["allowed by a reviewer's approval", { allow: true as const, approvedReview: "rv_1" }, "v1; checked; approved", true],
  ["allowed by the sender's confirmation in the pane", { allow: true as const, confirmedBySender: true as const }, "v1; checked; confirmed", true],
  ["stopped at a confirm with Send Anyway", alert(true), "v1; checked; confirm", true],
  ["stopped at a review or block", alert(false), "v1; stopped", false],
])("%s: %j", (_name, completion, value, passesRule) => {
  expect(stampFor(completion)).toBe(value);
  expect(new RegExp(STAMP_CHECKED_PATTERN).test(value)).toBe(passesRule);
});

test("pending never passes the rule's pattern", () => {
  expect(new RegExp(STAMP_CHECKED_PATTERN).test(STAMP_PENDING)).toBe(false);
});
