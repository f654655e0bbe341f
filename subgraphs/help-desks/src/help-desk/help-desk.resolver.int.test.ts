import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestSubgraph, testDatabaseKinds, type TestSubgraph } from "@portal-graph/subgraph-kit/testing";
import { ContactKind } from "../contact/contact-point.js";
import { Weekday } from "../hours/opening-hours.js";
import { subgraph } from "../server.js";
import { HELP_DESKS, type HelpDeskSeed } from "../seed/help-desks.js";
import { seedHelpDesks } from "../seed/seed.js";

const kinds = await testDatabaseKinds();

interface Page {
  helpDesks: {
    totalCount: number;
    nodes: { id: string; name: string }[];
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
  };
}
const PAGE = `query ($search: String, $first: Int, $after: String) {
  helpDesks(search: $search, first: $first, after: $after) {
    totalCount
    nodes { id name }
    pageInfo { hasNextPage hasPreviousPage endCursor }
  }
}`;
const ids = (page: Page) => page.helpDesks.nodes.map((node) => node.id);

/** Desks with hours in several zones, to fill a page of 100. */
function syntheticDesks(count: number): HelpDeskSeed[] {
  const zones = ["America/Chicago", "America/New_York", "Europe/London", "Asia/Tokyo"];
  return Array.from({ length: count }, (_, i) => ({
    id: `synthetic-desk-${String(i).padStart(3, "0")}`,
    name: `Synthetic Desk ${String(i).padStart(3, "0")}`,
    description: null,
    notes: [],
    contactPoints: [{ kind: ContactKind.EMAIL, value: `desk${i}@example.gov` }],
    hours: {
      timeZone: zones[i % zones.length]!,
      weekly: [{ days: [Weekday.MONDAY], opens: "09:00", closes: "17:00" }],
    },
    dataQuality: [],
    assignments: [],
  }));
}

describe.each(kinds)("help-desk queries on %s", (kind) => {
  let helpDesks: TestSubgraph;
  beforeAll(async () => {
    helpDesks = await openTestSubgraph(subgraph, kind);
  });
  afterAll(async () => {
    await helpDesks?.close();
  });

  it("lists every seeded desk once, ordered by name", async () => {
    const { data, errors } = await helpDesks.execute<Page>(PAGE, { first: 100 });
    expect(errors).toBeUndefined();
    expect(data!.helpDesks.totalCount).toBe(HELP_DESKS.length);
    expect(new Set(ids(data!))).toEqual(new Set(HELP_DESKS.map((desk) => desk.id)));
    const names = data!.helpDesks.nodes.map((node) => node.name.toLowerCase());
    expect(names).toEqual([...names].sort());
  });

  it("searches names, descriptions, notes and contact values, case-insensitively", async () => {
    const search = async (text: string) => ids((await helpDesks.execute<Page>(PAGE, { search: text })).data!);
    expect(await search("marketplace")).toEqual(["marketplace-service-desk"]);
    expect(await search("cms-1515")).toEqual(["marketplace-service-desk"]);
    expect(await search("+18552671515")).toEqual(["marketplace-service-desk"]);
    expect(await search("CITIC")).toEqual(["cms-it-service-desk"]);
    expect(await search("HCQIS.ORG")).toEqual(["qualitynet-help-desk"]);
    expect(await search("%")).toEqual([]);
    expect(await search("d_sk")).toEqual([]); // as a wildcard, _ would match every "desk"
    expect(await search("desy_")).toEqual(["desy-support-mailbox"]);
  });

  it("pages with cursors, without gaps or repeats", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page += 1) {
      const result: { data?: Page | null } = await helpDesks.execute<Page>(PAGE, { first: 4, after });
      seen.push(...ids(result.data!));
      expect(result.data!.helpDesks.pageInfo.hasPreviousPage).toBe(page > 0);
      if (!result.data!.helpDesks.pageInfo.hasNextPage) break;
      after = result.data!.helpDesks.pageInfo.endCursor;
    }
    expect(seen).toEqual(ids((await helpDesks.execute<Page>(PAGE, { first: 100 })).data!));
  });

  it.each([101, -1])("refuses first: %i with BAD_USER_INPUT", async (first) => {
    const { data, errors } = await helpDesks.execute<Page>(PAGE, { first });
    expect(data).toEqual({ helpDesks: null });
    expect(errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "first" });
  });

  it("finds one desk by id, and answers null for an unknown one", async () => {
    const query = `query ($id: ID!) { helpDesk(id: $id) { name } }`;
    expect((await helpDesks.execute(query, { id: "eus-portal" })).data).toEqual({ helpDesk: { name: "EUS Portal" } });
    expect((await helpDesks.execute(query, { id: "nope" })).data).toEqual({ helpDesk: null });
  });

  it("answers openNow for the given instant in the desk's zone, and null without hours", async () => {
    const query = `query ($at: DateTime) {
      qualityNet: helpDesk(id: "qualitynet-help-desk") { openNow(at: $at) }
      ocm: helpDesk(id: "ocm-help-desk") { openNow(at: $at) }
      eus: helpDesk(id: "eus-portal") { openNow(at: $at) }
    }`;
    // Monday 10 March 2025, 12:45Z: 7:45 a.m. CDT in Chicago (open), 8:45 a.m. EDT in New York (open)
    expect((await helpDesks.execute(query, { at: "2025-03-10T12:45:00Z" })).data).toEqual({
      qualityNet: { openNow: true },
      ocm: { openNow: true },
      eus: { openNow: null },
    });
    // The Friday before, the same UTC time is 6:45 a.m. CST and 7:45 a.m. EST: both still closed
    expect((await helpDesks.execute(query, { at: "2025-03-07T12:45:00Z" })).data).toEqual({
      qualityNet: { openNow: false },
      ocm: { openNow: false },
      eus: { openNow: null },
    });
  });

  it("computes openNow for a page of 100 desks without a statement per desk", async () => {
    await seedHelpDesks(helpDesks.dataSource, syntheticDesks(100));
    const query = (fields: string) => `{ helpDesks(first: 100) { nodes { id ${fields} } } }`;
    const without = await helpDesks.execute(query(""));
    const withOpenNow = await helpDesks.execute<{ helpDesks: { nodes: { openNow: boolean | null }[] } }>(
      query(`openNow(at: "2025-03-10T15:00:00Z") hours { timeZone }`),
    );
    expect(withOpenNow.errors).toBeUndefined();
    const answers = withOpenNow.data!.helpDesks.nodes.map((node) => node.openNow);
    expect(answers).toHaveLength(100);
    expect(answers.filter((answer) => answer === true).length).toBeGreaterThan(0);
    expect(answers.filter((answer) => answer === false).length).toBeGreaterThan(0);
    expect(withOpenNow.sqlStatements).toBe(1);
    expect(without.sqlStatements).toBe(withOpenNow.sqlStatements);
  });
});
