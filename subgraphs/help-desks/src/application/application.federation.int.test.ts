import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findRepoRoot } from "@portal-graph/subgraph-kit/workspace";
import { openTestSubgraph, testDatabaseKinds, type TestSubgraph } from "@portal-graph/subgraph-kit/testing";
import { subgraph } from "../server.js";
import { HELP_DESKS } from "../seed/help-desks.js";
import { ApplicationHelpDesk } from "./application-help-desk.entity.js";

const kinds = await testDatabaseKinds();
const COMMITTED_SDL = path.join(findRepoRoot(), "schema", "subgraphs", "help-desks.graphql");

const CATALOG_IDS = [
  "aps", "bigapps", "dmepos-cbp-suppliers", "desy", "cisco-webex", "cnc", "cpms", "enterprise-cognos-reports",
  "dmepos-bidding-system", "hats", "hdt", "mdm", "midas", "enterprise-microstrategy-reports", "ocm", "onepi",
  "pecos-ai", "pecos-dm", "pris", "pv", "qarm", "shim", "vms-client-letter",
]; // prettier-ignore

// What a portal page listing applications asks of this subgraph, in one _entities fetch from the gateway.
const HELP_DESKS_OF = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Application {
      id
      helpDesks {
        purpose
        primary
        helpDesk { name openNow contactPoints { kind value } hours { timeZone weekly { days opens closes } } }
      }
    }
  }
}`;

type Result = { _entities: { id: string; helpDesks: { helpDesk: { name: string; contactPoints: unknown[] } }[] }[] };
const representations = (ids: string[]) => ids.map((id) => ({ __typename: "Application", id }));

describe.each(kinds)("help-desks federation on %s", (kind) => {
  let helpDesks: TestSubgraph;
  beforeAll(async () => {
    helpDesks = await openTestSubgraph(subgraph, kind);
  });
  afterAll(async () => {
    await helpDesks?.close();
  });

  it("serves exactly the committed SDL", async () => {
    const { data } = await helpDesks.execute<{ _service: { sdl: string } }>("{ _service { sdl } }");
    expect(data!._service.sdl.trim()).toBe(readFileSync(COMMITTED_SDL, "utf8").trim());
  });

  it("resolves Application representations without SQL when no field needs it", async () => {
    const { data, sqlStatements } = await helpDesks.execute<{ _entities: { id: string }[] }>(
      `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Application { id } } }`,
      { representations: representations(CATALOG_IDS) },
    );
    expect(data!._entities.map((entity) => entity.id)).toEqual(CATALOG_IDS);
    expect(sqlStatements).toBe(0);
  });

  it("resolves a batch of HelpDesk representations in one statement, null for an unknown id", async () => {
    const reps = ["ocm-help-desk", "no-such-desk", "eus-portal"].map((id) => ({ __typename: "HelpDesk", id }));
    const { data, sqlStatements } = await helpDesks.execute<{ _entities: ({ name: string } | null)[] }>(
      `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on HelpDesk { name } } }`,
      { representations: reps },
    );
    expect(data!._entities.map((entity) => entity?.name ?? null)).toEqual(["OCM Help Desk Team", null, "EUS Portal"]);
    expect(sqlStatements).toBe(1);
  });

  it("costs the same statements for the help desks of 23 and of 500 applications", async () => {
    const small = await helpDesks.execute<Result>(HELP_DESKS_OF, { representations: representations(CATALOG_IDS) });
    expect(small.errors).toBeUndefined();
    expect(small.data!._entities.filter((app) => app.helpDesks.length > 0)).toHaveLength(19);

    const synthetic = Array.from({ length: 500 }, (_, i) => `synthetic-${String(i).padStart(4, "0")}`);
    await helpDesks.dataSource.getRepository(ApplicationHelpDesk).insert(
      synthetic.map((applicationId, i) => ({
        applicationId,
        helpDeskId: HELP_DESKS[i % HELP_DESKS.length]!.id,
        purpose: `Synthetic purpose ${i}`,
        primary: true,
        assignedAt: new Date(),
      })),
    );
    const large = await helpDesks.execute<Result>(HELP_DESKS_OF, { representations: representations(synthetic) });
    expect(large.errors).toBeUndefined();
    expect(large.data!._entities).toHaveLength(500);
    expect(large.data!._entities.every((app) => app.helpDesks.length === 1)).toBe(true);
    expect(large.data!._entities[11]!.helpDesks[0]!.helpDesk.name).toBe(HELP_DESKS[11]!.name);
    // assignments joined with their desks + contact points; hours are columns of the desk and openNow is computed
    expect(small.sqlStatements).toBe(2);
    expect(large.sqlStatements).toBe(small.sqlStatements);
  });
});
