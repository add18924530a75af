import { applyPlan, evaluate, planMoveToBcc } from "../../src/policy";
import { groupRecipients } from "../../src/views/recipient-groups";
import { addresses, CARRIER_DOMAINS, draftOf, policyOf } from "../support/drafts";

const policy = policyOf();
const addressesOf = (list: { emailAddress: string }[]) => list.map((r) => r.emailAddress);

describe("planMoveToBcc: move outside recipients to BCC", () => {
  test("the Asunaro case: guardians in CC go to BCC, staff stay in To, and the message then passes", () => {
    const guardians = addresses(88, CARRIER_DOMAINS);
    const draft = draftOf({ to: ["園長 <encho@mirai-shoji.co.jp>"], cc: guardians, subject: "運動会のお知らせ" });
    expect(evaluate(draft, policy).verdict).toBe("review");

    const plan = planMoveToBcc(draft, policy);
    expect(plan).not.toBeNull();
    expect(addressesOf(plan!.to)).toEqual(["encho@mirai-shoji.co.jp"]);
    expect(plan!.cc).toEqual([]);
    expect(addressesOf(plan!.bcc)).toEqual(guardians);
    expect(plan!.moved).toHaveLength(88);
    expect(plan!.senderAdded).toBe(false);
    expect(evaluate(applyPlan(draft, plan!), policy).verdict).toBe("allow");
  });

  test("when To would be empty, the sender's own address goes there", () => {
    const draft = draftOf({ from: "tanaka@mirai-shoji.co.jp", to: ["a@tokyo-unyu.co.jp", "b@gmail.com"] });
    const plan = planMoveToBcc(draft, policy)!;
    expect(addressesOf(plan.to)).toEqual(["tanaka@mirai-shoji.co.jp"]);
    expect(plan.senderAdded).toBe(true);
    expect(addressesOf(plan.bcc)).toEqual(["a@tokyo-unyu.co.jp", "b@gmail.com"]);
  });

  test("internal people in CC and trusted group companies stay where they are, with their display names", () => {
    const draft = draftOf({
      to: ["山田 太郎 <yamada@tokyo-unyu.co.jp>", "suzuki@gmail.com"],
      cc: ["佐藤 花子 <sato@mirai-shoji.co.jp>", "kato@mirai-group.jp"],
    });
    const plan = planMoveToBcc(draft, policy)!;
    expect(plan.cc.map((r) => r.displayName)).toEqual(["佐藤 花子", "kato@mirai-group.jp"]);
    expect(plan.bcc.map((r) => r.displayName)).toEqual(["山田 太郎", "suzuki@gmail.com"]);
    expect(addressesOf(plan.to)).toEqual(["tanaka@mirai-shoji.co.jp"]);
    expect(plan.moved).toEqual([
      { address: "yamada@tokyo-unyu.co.jp", field: "to" },
      { address: "suzuki@gmail.com", field: "to" },
    ]);
  });

  test("an address already in BCC, or repeated in To and CC, ends up in BCC exactly once", () => {
    const draft = draftOf({
      to: ["staff@mirai-shoji.co.jp", "A@Gmail.com"],
      cc: ["a@gmail.com", "b@yahoo.co.jp"],
      bcc: ["b@yahoo.co.jp"],
    });
    const plan = planMoveToBcc(draft, policy)!;
    expect(addressesOf(plan.bcc)).toEqual(["b@yahoo.co.jp", "A@Gmail.com"]);
    expect(plan.moved.map((m) => m.field)).toEqual(["to", "cc", "cc"]);
  });

  test("distribution lists of our own and unparseable addresses are never moved or dropped", () => {
    const draft = draftOf({ to: ["dl:all-staff@mirai-shoji.co.jp", "not an address"], cc: ["c@gmail.com"] });
    const plan = planMoveToBcc(draft, policy)!;
    expect(addressesOf(plan.to)).toEqual(["all-staff@mirai-shoji.co.jp", "not an address"]);
    expect(addressesOf(plan.bcc)).toEqual(["c@gmail.com"]);
  });

  test("nothing to move gives no plan", () => {
    expect(planMoveToBcc(draftOf({ to: ["a@mirai-shoji.co.jp"], bcc: ["x@gmail.com"] }), policy)).toBeNull();
  });

  test("no valid sender address: To stays empty rather than receiving something invented", () => {
    const plan = planMoveToBcc(draftOf({ from: "", to: ["a@tokyo-unyu.co.jp"] }), policy)!;
    expect(plan.to).toEqual([]);
    expect(plan.senderAdded).toBe(false);
  });
});

describe("groupRecipients: who sees whom", () => {
  test("groups by party, outside parties first, with the outside addresses of others each party would see", () => {
    const draft = draftOf({
      to: ["a@sales.tokyo-unyu.co.jp", "b@tokyo-unyu.co.jp"],
      cc: ["me@mirai-shoji.co.jp", "x@gmail.com"],
      bcc: ["y@gmail.com"],
    });
    const { groups, unverified } = groupRecipients(draft, policy);
    expect(groups.map((g) => [g.id, g.kind, g.members.length, g.seesOutside])).toEqual([
      ["tokyo-unyu.co.jp", "organization", 2, 1],
      ["x@gmail.com", "individual", 1, 2],
      ["y@gmail.com", "individual", 1, 3],
      ["us", "internal", 1, 3],
    ]);
    expect(unverified).toEqual([]);
  });

  test("unparseable recipients are listed, not dropped", () => {
    const { unverified } = groupRecipients(draftOf({ to: ["foo@@bar"] }), policy);
    expect(unverified).toEqual([{ address: "foo@@bar", displayName: "foo@@bar", field: "to" }]);
  });
});
