import { parsePolicy, parsePolicyText, resolvePolicy, sealedPolicyText, type PolicySources } from "../../src/policy";

const builtIn = parsePolicy({ internalDomains: ["built-in.example.jp"] });
const text = (domain: string) => JSON.stringify({ internalDomains: [domain] });

function sources(cached: string | undefined, published: string | undefined) {
  const written: string[] = [];
  const io: PolicySources = {
    readCached: () => Promise.resolve(cached),
    fetchPublished: jest.fn(() => Promise.resolve(published)),
    writeCached: (t) => written.push(t),
    parseText: parsePolicyText,
  };
  return { io, written };
}

const domains = async (io: PolicySources) => {
  const result = await resolvePolicy(io, () => builtIn);
  return result.ok ? result.policy.internalDomains : result.errors.map((e) => e.path);
};

test("the copy cached on the item wins, and nothing is fetched", async () => {
  const { io } = sources(text("cached.example.jp"), text("published.example.jp"));
  expect(await domains(io)).toEqual(["cached.example.jp"]);
  expect(io.fetchPublished).not.toHaveBeenCalled();
});

test("no valid cached copy: the published policy, then cached for the next runtime", async () => {
  for (const cached of [undefined, "{not json", JSON.stringify({ internalDomain: "typo" })]) {
    const { io, written } = sources(cached, text("published.example.jp"));
    expect(await domains(io)).toEqual(["published.example.jp"]);
    // Kept sealed: the next runtime reads it back without validating again.
    const published = parsePolicyText(text("published.example.jp"));
    expect(written).toEqual([published.ok && sealedPolicyText(published.policy)]);
  }
});

test("the server cannot be reached: the policy built into the add-in", async () => {
  const { io, written } = sources(undefined, undefined);
  expect(await domains(io)).toEqual(["built-in.example.jp"]);
  expect(written).toEqual([]);
});

test("an invalid published policy is an error, not silently replaced, and not cached", async () => {
  const { io, written } = sources(undefined, JSON.stringify({ exposure: { massThreshold: 0 } }));
  expect(await domains(io)).toEqual(["exposure.massThreshold"]);
  expect(written).toEqual([]);
});

test("a sealed copy on the item is used as it is: no validation, nothing fetched", async () => {
  const policy = parsePolicy({ internalDomains: ["sealed.example.jp"] });
  if (!policy.ok) throw new Error("invalid");
  const { io } = sources(sealedPolicyText(policy.policy), text("published.example.jp"));
  const parseText = jest.fn(parsePolicyText);
  expect(await domains({ ...io, parseText })).toEqual(["sealed.example.jp"]);
  expect(parseText).not.toHaveBeenCalled();
  expect(io.fetchPublished).not.toHaveBeenCalled();
});

test("a sealed copy of another format (an older add-in's) is not used: the published policy is", async () => {
  const policy = parsePolicy({ internalDomains: ["old.example.jp"] });
  if (!policy.ok) throw new Error("invalid");
  const old = sealedPolicyText(policy.policy).replace(/"format":"[^"]+"/, '"format":"sgp0-000000000000"');
  const { io } = sources(old, text("published.example.jp"));
  expect(await domains(io)).toEqual(["published.example.jp"]);
});

test("the built-in policy is only worked out when it is needed", async () => {
  const { io } = sources(text("cached.example.jp"), undefined);
  const builtInLater = jest.fn(() => builtIn);
  await resolvePolicy(io, builtInLater);
  expect(builtInLater).not.toHaveBeenCalled();
});

test("a published policy that comes sealed (Send Guard's server answering a launch event) is used as it came: no validation", async () => {
  const policy = parsePolicy({ internalDomains: ["served.example.jp"] });
  if (!policy.ok) throw new Error("invalid");
  const { io, written } = sources(undefined, sealedPolicyText(policy.policy));
  const parseText = jest.fn(parsePolicyText);
  expect(await domains({ ...io, parseText })).toEqual(["served.example.jp"]);
  expect(parseText).not.toHaveBeenCalled();
  expect(written).toEqual([sealedPolicyText(policy.policy)]);
});

test("a published policy sealed in another format is validated as a file, and so refused", async () => {
  const policy = parsePolicy({ internalDomains: ["served.example.jp"] });
  if (!policy.ok) throw new Error("invalid");
  const other = sealedPolicyText(policy.policy).replace(/"format":"[^"]+"/, '"format":"sgp0-000000000000"');
  const { io, written } = sources(undefined, other);
  const result = await resolvePolicy(io, () => builtIn);
  expect(result.ok).toBe(false);
  expect(written).toEqual([]);
});
