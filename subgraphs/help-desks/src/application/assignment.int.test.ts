import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestSubgraph, testDatabaseKinds, type TestSubgraph } from "@portal-graph/subgraph-kit/testing";
import { ADMIN, AUDITOR, changeCount, DOCUMENTS, PLAIN, snapshot } from "../help-desk/help-desk.test-support.js";
import { subgraph } from "../server.js";

const kinds = await testDatabaseKinds();

type Errors = { field: string[]; code: string }[];
type Assigned = {
  assignment: { purpose: string | null; primary: boolean; helpDesk: { id: string } } | null;
  userErrors: Errors;
};
type Unassigned = { application: { id: string } | null; helpDesk: { id: string } | null; userErrors: Errors };
const HELP_DESKS_OF = `query ($id: ID!) {
  _entities(representations: [{ __typename: "Application", id: $id }]) {
    ... on Application { helpDesks { primary purpose helpDesk { id } } }
  }
}`;

describe.each(kinds)("assignments on %s", (kind) => {
  let helpDesks: TestSubgraph;
  const assign = async (input: Record<string, unknown>) =>
    (await helpDesks.execute<{ assignHelpDesk: Assigned }>(DOCUMENTS.assignHelpDesk, { input }, { viewer: ADMIN }))
      .data!.assignHelpDesk;
  const unassign = async (input: Record<string, unknown>) =>
    (
      await helpDesks.execute<{ unassignHelpDesk: Unassigned }>(
        DOCUMENTS.unassignHelpDesk,
        { input },
        { viewer: ADMIN },
      )
    ).data!.unassignHelpDesk;
  const desksOf = async (id: string) => {
    const { data } = await helpDesks.execute<{
      _entities: { helpDesks: { primary: boolean; purpose: string; helpDesk: { id: string } }[] }[];
    }>(HELP_DESKS_OF, { id });
    return data!._entities[0]!.helpDesks.map((a) => [a.helpDesk.id, a.primary, a.purpose]);
  };

  beforeAll(async () => {
    helpDesks = await openTestSubgraph(subgraph, kind);
  });
  afterAll(async () => {
    await helpDesks?.close();
  });

  it("assigns a desk to an application that had none, with its purpose", async () => {
    expect(await desksOf("cnc")).toEqual([]);
    const result = await assign({
      applicationId: "cnc",
      helpDeskId: "marketplace-service-desk",
      purpose: "Login issues",
      primary: true,
    });
    expect(result).toEqual({
      assignment: {
        purpose: "Login issues",
        primary: true,
        helpDesk: { id: "marketplace-service-desk" },
        application: { id: "cnc" },
      },
      userErrors: [],
    });
    expect(await desksOf("cnc")).toEqual([["marketplace-service-desk", true, "Login issues"]]);
  });

  it("keeps one primary desk per application: a new primary takes the flag", async () => {
    const count = await changeCount(helpDesks);
    await assign({
      applicationId: "pecos-ai",
      helpDeskId: "eus-portal",
      purpose: "Errors within PECOS",
      primary: true,
    });
    expect(await desksOf("pecos-ai")).toEqual([
      ["eus-portal", true, "Errors within PECOS"],
      ["cms-it-service-desk", false, "Login issues, application latency and system outages"],
    ]);
    expect(await desksOf("pecos-dm")).toContainEqual(["cms-it-service-desk", true, expect.any(String)]);
    expect(await changeCount(helpDesks)).toBe(count + 1);
  });

  it("refuses a malformed application id and an unknown desk, writing nothing", async () => {
    const before = await snapshot(helpDesks);
    const bad = await assign({ applicationId: "Not An Id", helpDeskId: "eus-portal" });
    expect(bad.userErrors.map((e) => [e.field.join("."), e.code])).toEqual([["input.applicationId", "INVALID_SLUG"]]);
    const unknown = await assign({ applicationId: "cnc", helpDeskId: "no-such-desk" });
    expect(unknown.userErrors.map((e) => e.code)).toEqual(["HELP_DESK_NOT_FOUND"]);
    expect(unknown.assignment).toBeNull();
    expect(await snapshot(helpDesks)).toEqual(before);
  });

  it("unassigns, leaving the empty list, and says NOT_ASSIGNED the second time", async () => {
    const removed = await unassign({ applicationId: "desy", helpDeskId: "desy-support-mailbox" });
    expect(removed).toEqual({ application: { id: "desy" }, helpDesk: { id: "desy-support-mailbox" }, userErrors: [] });
    expect(await desksOf("desy")).toEqual([]);
    const before = await snapshot(helpDesks);
    const again = await unassign({ applicationId: "desy", helpDeskId: "desy-support-mailbox" });
    expect(again.userErrors.map((e) => [e.field.join("."), e.code])).toEqual([["input.helpDeskId", "NOT_ASSIGNED"]]);
    expect(await snapshot(helpDesks)).toEqual(before);
  });

  it("shows the change log to admins and auditors only, newest first", async () => {
    const query = `{ helpDeskChanges(helpDeskId: "desy-support-mailbox") { actor action targetId at summary } }`;
    const forbidden = await helpDesks.execute(query, {}, { viewer: PLAIN });
    expect(forbidden.errors![0]!.extensions!.code).toBe("FORBIDDEN");
    const { data } = await helpDesks.execute<{ helpDeskChanges: { actor: string; action: string; summary: string }[] }>(
      query,
      {},
      { viewer: AUDITOR },
    );
    expect(data!.helpDeskChanges).toEqual([
      expect.objectContaining({ actor: "dana", action: "unassignHelpDesk", targetId: "desy-support-mailbox" }),
    ]);
    expect(JSON.parse(data!.helpDeskChanges[0]!.summary)).toEqual({ applicationId: "desy", wasPrimary: true });
  });

  it("refuses to update or delete change-log rows in the database itself", async () => {
    await expect(helpDesks.dataSource.query(`UPDATE help_desk_change SET actor = 'mallory'`)).rejects.toThrow(
      /append-only/,
    );
    await expect(helpDesks.dataSource.query(`DELETE FROM help_desk_change`)).rejects.toThrow(/append-only/);
  });
});
