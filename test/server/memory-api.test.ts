/**
 * The correspondence memory on the review server: one per signed-in person, only in the
 * add-in's hashed format, on both database engines.
 */
import { CorrespondenceMemory } from "../../src/memory/correspondence";
import { dropSchemas, ENGINES } from "../support/databases";
import { startReviewServer, type ReviewServer } from "../support/review-server";

const memoryOf = (...groups: string[][]) => {
  const memory = CorrespondenceMemory.empty();
  for (const group of groups) memory.learn({ addresses: [], group }, Date.now());
  return memory.encode();
};

afterAll(dropSchemas);

describe.each(ENGINES)("the memory API on $name", (engine) => {
  let server: ReviewServer;
  let tanaka: string;
  let sato: string;

  beforeAll(async () => {
    server = await startReviewServer({ database: await engine.open() });
    [tanaka, sato] = await Promise.all([server.signIn("tanaka@mirai-shoji.co.jp"), server.signIn("sato@mirai-shoji.co.jp")]);
  });
  afterAll(() => server.close());

  test("none at first; what is put comes back exactly, for its owner only", async () => {
    expect((await server.api("GET", "/api/memory", tanaka)).body).toEqual({ memory: null, updatedAt: null });
    const memory = memoryOf(["a@acme.co.jp", "b@globex.co.jp"]);
    expect((await server.api("PUT", "/api/memory", tanaka, { memory })).status).toBe(204);
    const back = await server.api("GET", "/api/memory", tanaka);
    expect(back.body.memory).toEqual(memory);
    expect(Date.parse(back.body.updatedAt)).not.toBeNaN();
    expect((await server.api("GET", "/api/memory", sato)).body.memory).toBeNull();
  });

  test("a new copy replaces the old; delete forgets it", async () => {
    const second = memoryOf(["c@initech.co.jp", "d@umbrella.co.jp"]);
    await server.api("PUT", "/api/memory", tanaka, { memory: second });
    expect((await server.api("GET", "/api/memory", tanaka)).body.memory).toEqual(second);
    expect((await server.api("DELETE", "/api/memory", tanaka)).status).toBe(204);
    expect((await server.api("GET", "/api/memory", tanaka)).body.memory).toBeNull();
  });

  test.each<[string, unknown]>([
    ["no memory", {}],
    ["an address in the clear", { memory: { ...memoryOf(), a: "tanaka@mirai-shoji.co.jp" } }],
    ["another version", { memory: { ...memoryOf(), v: 2 } }],
    ["an extra key", { memory: { ...memoryOf(), addresses: ["a@acme.co.jp"] } }],
    ["a group naming an address that is not there", { memory: { ...memoryOf(), g: Buffer.from([2, 0, 0, 0, 9]).toString("base64") } }],
    ["a salt of the wrong size", { memory: { ...memoryOf(), s: "AAAA" } }],
  ])("refused with 400, nothing stored: %s", async (_name, body) => {
    const response = await server.api("PUT", "/api/memory", sato, body);
    expect(response.status).toBe(400);
    expect(response.body.error).toBe("invalid-request");
    expect((await server.api("GET", "/api/memory", sato)).body.memory).toBeNull();
  });

  test("a body over the limit is refused before it is read", async () => {
    const huge = { memory: { ...memoryOf(), a: "A".repeat(100_000) } };
    expect((await server.api("PUT", "/api/memory", sato, huge)).status).toBe(413);
  });

  test("without a token: 401", async () => {
    expect((await server.api("GET", "/api/memory")).status).toBe(401);
    expect((await server.api("PUT", "/api/memory", undefined, { memory: memoryOf() })).status).toBe(401);
  });
});
