/**
 * A reply is judged on what is new: outside people who had already seen each other in the
 * thread are not a new exposure; someone added since the reply started is.
 */
import { parseComposeStart, serializeComposeStart } from "../../src/memory/compose-start";
import { evaluate } from "../../src/policy";
import type { ComposeStart, ExposureEvidence, SendContext } from "../../src/shared/types";
import { addresses, draftOf, policyOf, type DraftSpec } from "../support/drafts";

const policy = policyOf();
const THREAD = ["a@acme.co.jp", "b@globex.co.jp", "c@initech.co.jp"];
const replyAll: ComposeStart = { type: "reply", to: ["a@acme.co.jp"], cc: ["b@globex.co.jp", "c@initech.co.jp", "jimu@mirai-shoji.co.jp"] };

function judge(spec: DraftSpec, composeStart?: ComposeStart, p = policy) {
  const context: SendContext = composeStart ? { composeStart } : {};
  const evaluation = evaluate(draftOf(spec), p, context);
  const exposure = evaluation.findings.find((f) => f.code === "external-exposure");
  return { verdict: evaluation.verdict, exposure: exposure?.evidence as ExposureEvidence | undefined, evaluation };
}

const exposedOf = (evidence: ExposureEvidence | undefined) => evidence?.exposed.map((e) => `${e.address}${e.inThread ? " (thread)" : ""}`).sort();

describe("a reply-all among people who already saw each other", () => {
  test.each<[string, DraftSpec]>([
    ["unchanged", { to: ["a@acme.co.jp"], cc: ["b@globex.co.jp", "c@initech.co.jp"] }],
    ["with the fields rearranged", { to: ["c@initech.co.jp", "b@globex.co.jp"], cc: ["a@acme.co.jp"] }],
    ["with one participant dropped", { to: ["a@acme.co.jp"], cc: ["b@globex.co.jp"] }],
    ["with one moved to BCC", { to: ["a@acme.co.jp"], cc: ["b@globex.co.jp"], bcc: ["c@initech.co.jp"] }],
    ["with a colleague added", { to: ["a@acme.co.jp"], cc: ["b@globex.co.jp", "c@initech.co.jp", "kacho@mirai-shoji.co.jp"] }],
    ["written differently by Outlook (case)", { to: ["A@ACME.CO.JP"], cc: ["b@Globex.co.jp", "c@initech.co.jp"] }],
  ])("%s: nothing new is exposed, the message passes", (_name, spec) => {
    expect(judge(spec, replyAll).verdict).toBe("allow");
  });

  test("without the compose-start record the same message is judged as a new one (three companies see each other: a small set, the sender confirms)", () => {
    const { verdict, exposure } = judge({ to: ["a@acme.co.jp"], cc: ["b@globex.co.jp", "c@initech.co.jp"] });
    expect(verdict).toBe("confirm");
    expect(exposure?.smallSet).toBe(true);
    expect(exposure?.alreadyShared).toBeUndefined();
  });
});

describe("a reply-all with someone new", () => {
  test("a new company in CC: it sees the thread's addresses and they see it; all four are exposed, the three marked as from the thread", () => {
    const { verdict, exposure } = judge({ to: ["a@acme.co.jp"], cc: ["b@globex.co.jp", "c@initech.co.jp", "d@umbrella.co.jp"] }, replyAll);
    expect(verdict).toBe("review");
    expect(exposedOf(exposure)).toEqual(["a@acme.co.jp (thread)", "b@globex.co.jp (thread)", "c@initech.co.jp (thread)", "d@umbrella.co.jp"]);
    expect(exposure?.alreadyShared).toBe(0);
  });

  test("a new person of a company already in the thread: exposed to and by the other companies, not to their own colleague", () => {
    const { exposure } = judge({ to: ["a@acme.co.jp", "a2@acme.co.jp"], cc: ["b@globex.co.jp", "c@initech.co.jp"] }, replyAll);
    expect(exposedOf(exposure)).toEqual(["a2@acme.co.jp", "b@globex.co.jp (thread)", "c@initech.co.jp (thread)"]);
    expect(exposure?.alreadyShared).toBe(1);
    expect(exposure?.visibleExternalCount).toBe(3);
    expect(exposure?.parties.find((p) => p.id === "acme.co.jp")).toMatchObject({ visible: 1, total: 2 });
  });

  test("someone new in BCC reads To and CC: the thread's addresses are exposed to them", () => {
    const { exposure } = judge({ to: ["a@acme.co.jp"], cc: ["b@globex.co.jp", "c@initech.co.jp"], bcc: ["e@umbrella.co.jp"] }, replyAll);
    expect(exposedOf(exposure)).toEqual(["a@acme.co.jp (thread)", "b@globex.co.jp (thread)", "c@initech.co.jp (thread)"]);
  });

  test("a plain reply (only the sender pre-filled) to which another company is added", () => {
    const reply: ComposeStart = { type: "reply", to: ["a@acme.co.jp"], cc: [] };
    expect(judge({ to: ["a@acme.co.jp"] }, reply).verdict).toBe("allow");
    expect(exposedOf(judge({ to: ["a@acme.co.jp"], cc: ["b@globex.co.jp"] }, reply).exposure)).toEqual(["a@acme.co.jp (thread)", "b@globex.co.jp"]);
  });
});

describe("mass mail in a thread", () => {
  const sixty = addresses(60, ["acme.co.jp"]);
  const start: ComposeStart = { type: "reply", to: [sixty[0]!], cc: sixty.slice(1) };

  test("replying to all sixty who were already in the thread exposes nothing new", () => {
    expect(judge({ to: [sixty[0]!], cc: sixty.slice(1) }, start).verdict).toBe("allow");
  });

  test("one newcomer sees all sixty: every address is exposed (mass)", () => {
    const { exposure, verdict } = judge({ to: [sixty[0]!], cc: [...sixty.slice(1), "new@acme.co.jp"] }, start);
    expect(verdict).toBe("review");
    expect(exposure?.reasons).toEqual(["mass"]);
    expect(exposure?.visibleExternalCount).toBe(61);
  });
});

describe("what does not count as a thread", () => {
  const message: DraftSpec = { to: ["a@acme.co.jp"], cc: ["b@globex.co.jp", "c@initech.co.jp"] };
  test.each<[string, ComposeStart]>([
    ["a forward (its recipients are all new)", { type: "forward", to: THREAD, cc: [] }],
    ["a new message that started with recipients (from a contact group)", { type: "newMail", to: THREAD, cc: [] }],
    ["a reply whose record names no valid address", { type: "reply", to: ["not an address"], cc: [] }],
  ])("%s: judged as today", (_name, composeStart) => {
    expect(judge(message, composeStart).verdict).toBe(judge(message).verdict);
    expect(judge(message, composeStart).exposure).toEqual(judge(message).exposure);
  });

  test("any-external mode keeps its meaning: a reply-all among the same people is still flagged", () => {
    const strict = policyOf({ exposure: { mode: "any-external" } });
    expect(judge({ to: ["a@acme.co.jp"], cc: ["b@globex.co.jp"] }, replyAll, strict).exposure?.reasons).toContain("any-external");
  });

  test("the fingerprint is the message's own: the same message has the same fingerprint with or without the record", () => {
    const spec = { to: ["a@acme.co.jp"], cc: ["b@globex.co.jp"] };
    expect(judge(spec, replyAll).evaluation.fingerprint).toBe(judge(spec).evaluation.fingerprint);
  });
});

describe("the compose-start record on the item", () => {
  test("reads back what was written", () => {
    const text = serializeComposeStart(replyAll);
    expect(text).toBe('{"v":1,"type":"reply","to":["a@acme.co.jp"],"cc":["b@globex.co.jp","c@initech.co.jp","jimu@mirai-shoji.co.jp"]}');
    expect(parseComposeStart(text)).toEqual(replyAll);
  });

  test.each([
    ["nothing", undefined],
    ["empty", ""],
    ["not JSON", "{reply"],
    ["another version", '{"v":2,"type":"reply","to":[],"cc":[]}'],
    ["an unknown compose type", '{"v":1,"type":"replyAll","to":[],"cc":[]}'],
    ["addresses that are not text", '{"v":1,"type":"reply","to":[1],"cc":[]}'],
    ["a missing field", '{"v":1,"type":"reply","to":[]}'],
    ["an array", "[1]"],
  ])("%s is no record (the message is judged on its own)", (_name, text) => {
    expect(parseComposeStart(text)).toBeUndefined();
  });

  test("a reply-all with more participants than the item can hold is not recorded, and a longer record is refused", () => {
    const many = addresses(501, ["acme.co.jp"]);
    expect(serializeComposeStart({ type: "reply", to: many, cc: [] })).toBeUndefined();
    expect(parseComposeStart(JSON.stringify({ v: 1, type: "reply", to: many, cc: [] }))).toBeUndefined();
  });
});
