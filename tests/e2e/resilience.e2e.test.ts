import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestStack, type TestStack } from "../harness.js";

const LIST = "{ applications(first: 5) { totalCount nodes { id } } }";

async function ready(stack: TestStack): Promise<number> {
  return (await fetch(`${stack.gateway.url}/ready`)).status;
}

describe("the graph under bad input and a failing subgraph", () => {
  let stack: TestStack;
  beforeAll(async () => {
    // A failing subgraph must be seen failing: the response cache would answer a repeated public query itself.
    stack = await startTestStack({ RESPONSE_CACHE: "false" });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it.each([
    ["an unknown argument", "{ applications(colour: RED) { totalCount } }", "GRAPHQL_VALIDATION_FAILED", "colour"],
    ["a wrong type", '{ applications(first: "ten") { totalCount } }', "GRAPHQL_VALIDATION_FAILED", "Int"],
    ["an unknown field", "{ applications { nodes { colour } } }", "GRAPHQL_VALIDATION_FAILED", "colour"],
    ["first: 10000", "{ applications(first: 10000) { totalCount } }", "BAD_USER_INPUT", "first"],
    ["a syntax error", "{ applications(first: ", "GRAPHQL_PARSE_FAILED", "Syntax Error"],
  ])("answers %s with a clear error", async (_name, query, code, mentions) => {
    const { body } = await stack.graphql(query);
    expect(body.errors?.[0]?.extensions?.code).toBe(code);
    expect(body.errors?.[0]?.message).toContain(mentions);
    expect(JSON.stringify(body)).not.toMatch(/stacktrace|at .*\.js:\d+/);
  });

  it("nulls only the field whose argument is bad, not its parent", async () => {
    const token = await stack.token("alice");
    const { body } = await stack.graphql<{ me: { id: string; acknowledgements: unknown } }>(
      '{ me { id acknowledgements(after: "not-a-cursor") { nodes { id } } } }',
      undefined,
      { authorization: `Bearer ${token}` },
    );
    expect(body.data).toEqual({ me: { id: "alice", acknowledgements: null } });
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0]).toMatchObject({ path: ["me", "acknowledgements"] });
  });

  it("refuses a 1 MB query string with 413 and stays up", async () => {
    const response = await fetch(stack.gatewayUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: `{ applications { totalCount } } # ${"x".repeat(1024 * 1024)}` }),
    });
    expect(response.status).toBe(413);
    const body = (await response.json()) as { errors: { message: string }[] };
    expect(body.errors[0]!.message).toContain("larger than the limit");
    expect((await stack.graphql(LIST)).body.data).toBeTruthy();
  });

  it("refuses malformed JSON with 400 and stays up", async () => {
    const response = await fetch(stack.gatewayUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"query": "{ applications { totalCount } }"',
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("JSON");
    expect((await stack.graphql(LIST)).body.data).toBeTruthy();
  });

  it("gives a clean error while the catalog is down, stays ready, and recovers without a gateway restart", async () => {
    expect(await ready(stack)).toBe(200);
    await stack.stopSubgraph("catalog");

    const down = await stack.graphql(LIST);
    expect(down.body.data).toEqual({ applications: null });
    expect(down.body.errors?.[0]).toMatchObject({
      path: ["applications"],
      extensions: { code: "SUBGRAPH_UNAVAILABLE", subgraph: "catalog" },
    });
    expect(JSON.stringify(down.body)).not.toMatch(/stacktrace|ECONNREFUSED.*at /);
    // The gateway can still serve everything else, so a load balancer keeps it; the health report names the culprit.
    expect(await ready(stack)).toBe(200);
    const health = (await (await fetch(`${stack.gateway.url}/health/subgraphs`)).json()) as {
      healthy: boolean;
      subgraphs: Record<string, { reachable: boolean }>;
    };
    expect(health.healthy).toBe(false);
    expect(health.subgraphs.catalog?.reachable).toBe(false);
    expect(health.subgraphs["help-desks"]?.reachable).toBe(true);

    await stack.restartSubgraph("catalog");
    const back = await stack.graphql<{ applications: { totalCount: number } }>(LIST);
    expect(back.body.errors).toBeUndefined();
    expect(back.body.data!.applications.totalCount).toBe(23);
    expect(stack.gateway.child.exitCode).toBeNull();
  });
});
