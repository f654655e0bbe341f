import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { root, startTestStack, type TestStack } from "../harness.js";
import { subgraphMetrics } from "../subgraph-client.js";

// The benchmark's operations, run once each on a quiet stack: the subgraph fetches and SQL statements each costs
// are fixed by the query plan and the loaders, whatever the data. A change that breaks batching changes a number.
// Each entry: subgraph → [fetches, SQL statements].
const EXPECTED: Record<string, Record<string, [number, number]>> = {
  "portal-home": { catalog: [1, 1], "help-desks": [1, 2] },
  "application-detail": { catalog: [1, 2], "help-desks": [1, 2], acknowledgements: [1, 2], "access-roles": [1, 1] },
  // me (from the token: no SQL, no write), then compliance and the grants' prerequisites from acknowledgements
  // (@requires), then the grants' status
  "my-portal": { "access-roles": [2, 6], acknowledgements: [2, 6] },
  // the page, then readiness once acknowledgements and access-roles have reported; help from help-desks
  "launch-panel": { catalog: [2, 2], acknowledgements: [1, 3], "access-roles": [1, 3], "help-desks": [1, 1] },
  "approval-queue": { "access-roles": [1, 3] },
  acknowledge: { acknowledgements: [1, 6] },
};

const operation = (name: string) =>
  readFileSync(path.join(root, "scripts", "bench", "operations", `${name}.graphql`), "utf8");

describe("what each benchmarked operation costs", () => {
  let stack: TestStack;
  let ruleVersion: string;
  beforeAll(async () => {
    stack = await startTestStack();
    const { body } = await stack.graphql<{ policy: { currentVersion: { id: string } } }>(
      `{ policy(id: "hhs-rules-of-behavior") { currentVersion { id } } }`,
    );
    ruleVersion = body.data!.policy.currentVersion.id;
  });
  afterAll(async () => {
    await stack?.stop();
  });

  async function metrics() {
    const entries = await Promise.all(
      [...stack.subgraphs.values()].map(async (sg) => [sg.name, await subgraphMetrics(stack, sg.name)] as const),
    );
    return Object.fromEntries(entries);
  }

  it.each(Object.keys(EXPECTED))("%s", async (name) => {
    const variables: Record<string, unknown> =
      {
        "application-detail": { id: "pecos-ai" },
        "my-portal": { applicationId: "pecos-ai" },
        acknowledge: { input: { policyVersionId: ruleVersion, method: "ELECTRONIC" } },
      }[name] ?? {};
    const user = { "my-portal": "dana", "launch-panel": "dana", "approval-queue": "bob", acknowledge: "frank" }[name];
    const headers: Record<string, string> = user ? { authorization: `Bearer ${await stack.token(user)}` } : {};
    const before = await metrics();
    const { body } = await stack.graphql(operation(name), variables, headers);
    const after = await metrics();
    expect(body.errors).toBeUndefined();
    const costs: Record<string, [number, number]> = {};
    for (const sg of Object.keys(after)) {
      const fetches = after[sg]!.requests - before[sg]!.requests;
      if (fetches > 0) costs[sg] = [fetches, after[sg]!.sqlStatements - before[sg]!.sqlStatements];
    }
    expect(costs).toEqual(EXPECTED[name]);
  });
});
