import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestStack, type TestStack } from "../harness.js";
import { subgraphMetrics } from "../subgraph-client.js";

interface Desk {
  id: string;
  name: string;
  openNow: boolean | null;
  hours: { timeZone: string } | null;
}
interface Home {
  applications: { nodes: { id: string; helpDesks: { purpose: string | null; primary: boolean; helpDesk: Desk }[] }[] };
}

const HOME = `{ applications(first: 100) { nodes { id helpDesks { purpose primary helpDesk {
  id name openNow hours { timeZone } contactPoints { kind value display menuSteps } } } } } }`;

const metrics = subgraphMetrics;

describe("help desks through the gateway", () => {
  let stack: TestStack;
  beforeAll(async () => {
    // The fetch and SQL counts below are of the subgraphs' own work: the response cache would answer repeats itself.
    stack = await startTestStack({ RESPONSE_CACHE: "false" });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it("answers every application's desks anonymously, shared desks as one entity", async () => {
    const { body } = await stack.graphql<Home>(HOME);
    expect(body.errors).toBeUndefined();
    const byApp = new Map(body.data!.applications.nodes.map((node) => [node.id, node.helpDesks]));
    expect(byApp.size).toBe(23);
    const deskIds = (app: string) => byApp.get(app)!.map((entry) => entry.helpDesk.id);
    for (const app of [
      "aps",
      "enterprise-cognos-reports",
      "enterprise-microstrategy-reports",
      "pecos-ai",
      "pecos-dm",
    ]) {
      expect(deskIds(app)).toContain("cms-it-service-desk");
    }
    expect(deskIds("cpms")).toEqual(deskIds("midas"));
    expect(deskIds("dmepos-cbp-suppliers")).toEqual(deskIds("dmepos-bidding-system"));
    expect(deskIds("pecos-ai").sort()).toEqual(["cms-it-service-desk", "eus-portal"]);
    expect(byApp.get("bigapps")).toEqual([]);
    for (const entry of [...byApp.values()].flat()) {
      expect(entry.helpDesk.openNow === null).toBe(entry.helpDesk.hours === null);
    }
  });

  it("costs one fetch to each subgraph and a constant number of SQL statements", async () => {
    const before = { catalog: await metrics(stack, "catalog"), desks: await metrics(stack, "help-desks") };
    await stack.graphql<Home>(HOME);
    const after = { catalog: await metrics(stack, "catalog"), desks: await metrics(stack, "help-desks") };
    expect(after.catalog.requests - before.catalog.requests).toBe(1);
    expect(after.desks.requests - before.desks.requests).toBe(1);
    // assignments with their desks, then contact points: whatever the number of applications
    expect(after.desks.sqlStatements - before.desks.sqlStatements).toBe(2);
  });
});
