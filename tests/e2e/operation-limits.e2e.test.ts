import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestStack, type TestStack } from "../harness.js";
import { subgraphMetrics } from "../subgraph-client.js";

/** `a { b { a { b { leaf } } } }`: the pair nested the given number of times inside the root field's text. */
function nested(root: string, pair: [string, string], levels: number, leaf: string): string {
  let inner = leaf;
  for (let level = 0; level < levels; level++) inner = `${pair[0]} { ${pair[1]} { ${inner} } }`;
  return `{ ${root.replace("%", inner)} }`;
}

// The hostile operations of issue 11, each measured on main before the limits: the first wedged access-roles.
const HOSTILE: Record<string, string> = {
  "roles ↔ application nested to depth 10": nested(
    "applications(first: 23) { nodes { % } }",
    ["roles", "application"],
    4,
    "name",
  ),
  "700 aliases of applications(first: 100)": `{ ${Array.from(
    { length: 700 },
    (_, i) => `a${i}: applications(first: 100) { totalCount }`,
  ).join(" ")} }`,
  "policies ↔ versions nested to depth 10": nested("policies { % }", ["versions", "policy"], 4, "title"),
};

describe("operation limits on the real graph", () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  /** Requests each subgraph has answered since it started. */
  async function requests(): Promise<Record<string, number>> {
    const entries = await Promise.all(
      [...stack.subgraphs.values()].map(
        async (sg) => [sg.name, (await subgraphMetrics(stack, sg.name)).requests] as const,
      ),
    );
    return Object.fromEntries(entries);
  }

  it.each(Object.entries(HOSTILE))("refuses %s with no subgraph fetch", async (_name, query) => {
    const before = await requests();
    const { status, body } = await stack.graphql(query);
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0]!.extensions).toMatchObject({ code: "OPERATION_LIMIT_EXCEEDED" });
    expect(await requests()).toEqual(before);
  });

  it("counts each refusal by its limit in the gateway's metrics", async () => {
    const text = await (await fetch(`${stack.gateway.url}/metrics`)).text();
    const count = (limit: string) =>
      Number(new RegExp(`^gateway_operation_refusals_total\\{limit="${limit}"\\} (\\d+)$`, "m").exec(text)?.[1] ?? 0);
    expect(count("cost")).toBeGreaterThanOrEqual(2);
    expect(count("aliases")).toBeGreaterThanOrEqual(1);
  });

  it("tells the portal home its estimate, under the default maximum", async () => {
    const home = `{ applications(first: 100) { nodes { id name helpDesks { helpDesk { name openNow } } } } }`;
    const response = await fetch(stack.gatewayUrl, {
      method: "POST",
      headers: { "content-type": "application/json", "x-graph-cost": "true" },
      body: JSON.stringify({ query: home }),
    });
    const body = (await response.json()) as { extensions?: { cost?: { estimated: number; max: number } } };
    expect(response.status).toBe(200);
    expect(body.extensions?.cost?.max).toBe(25_000);
    expect(body.extensions?.cost?.estimated).toBeGreaterThan(100);
    expect(body.extensions!.cost!.estimated).toBeLessThan(25_000);
  });
});
