import { describe, expect, it } from "vitest";
import { isPlanNode, type PlanNode } from "@apollo/query-planner";
import { fetches, planFor } from "../federation.test-support.js";

describe("the gateway's plan for a page of applications with who can help", () => {
  it("asks help-desks once, with one _entities call of Readiness keys for the whole page", async () => {
    const plan = await planFor(`{
      applications(first: 100) {
        nodes { name viewerReadiness { help { helpDesk { name } contactPoint { kind value } openNow opensAt } } }
      }
    }`);
    expect(isPlanNode(plan.node)).toBe(true);
    const toHelpDesks = fetches(plan.node as PlanNode).filter((fetch) => fetch.serviceName === "help-desks");
    expect(toHelpDesks).toHaveLength(1);
    expect(toHelpDesks[0]!.operation).toContain("_entities(representations:");
    expect(toHelpDesks[0]!.operation).toContain("...on Readiness");
  });
});
