import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestSubgraph, testDatabaseKinds, type TestSubgraph } from "@portal-graph/subgraph-kit/testing";
import { subgraph } from "../server.js";
import { APPLICATIONS } from "../seed/applications.js";

const kinds = await testDatabaseKinds();

interface Page {
  applications: {
    totalCount: number;
    nodes: { id: string; name: string; acronym: string | null; formerNames: string[] }[];
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
  };
}

const PAGE = `query ($search: String, $lifecycle: [Lifecycle!], $tag: String, $first: Int, $after: String) {
  applications(search: $search, lifecycle: $lifecycle, tag: $tag, first: $first, after: $after) {
    totalCount
    nodes { id name acronym formerNames }
    pageInfo { hasNextPage hasPreviousPage endCursor }
  }
}`;

describe.each(kinds)("catalog queries on %s", (kind) => {
  let catalog: TestSubgraph;
  beforeAll(async () => {
    catalog = await openTestSubgraph(subgraph, kind);
  });
  afterAll(async () => {
    await catalog?.close();
  });

  it("lists the 23 applications of the seed page, ordered by name", async () => {
    const { data, errors } = await catalog.execute<Page>(PAGE, { first: 100 });
    expect(errors).toBeUndefined();
    expect(data!.applications.totalCount).toBe(23);
    const names = data!.applications.nodes.map((node) => node.name);
    expect(names).toHaveLength(23);
    expect(names).toEqual([...names].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1)));
    expect(new Set(data!.applications.nodes.map((node) => node.id))).toEqual(
      new Set(APPLICATIONS.map((app) => app.id)),
    );
    expect(data!.applications.pageInfo.hasNextPage).toBe(false);
  });

  it("finds HDT by its former name, case-insensitively", async () => {
    const { data } = await catalog.execute<Page>(PAGE, { search: "hpg" });
    expect(data!.applications.nodes.map((node) => node.acronym)).toEqual(["HDT"]);
    expect(data!.applications.nodes[0]!.formerNames).toEqual(["HPG"]);
  });

  it("matches acronyms, names and descriptions", async () => {
    const byAcronym = await catalog.execute<Page>(PAGE, { search: "pecos" });
    expect(byAcronym.data!.applications.nodes.map((node) => node.id).sort()).toEqual(["pecos-ai", "pecos-dm"]);
    const byDescription = await catalog.execute<Page>(PAGE, { search: "CONNEXION" });
    expect(byDescription.data!.applications.nodes.map((node) => node.id)).toContain("dmepos-cbp-suppliers");
  });

  it("takes LIKE wildcards in search literally", async () => {
    const { data } = await catalog.execute<Page>(PAGE, { search: "%" });
    expect(data!.applications.totalCount).toBe(0);
    const underscore = await catalog.execute<Page>(PAGE, { search: "_" });
    expect(underscore.data!.applications.totalCount).toBe(0);
  });

  it("filters by lifecycle and by tag", async () => {
    const retired = await catalog.execute<Page>(PAGE, { lifecycle: ["RETIRED"] });
    expect(retired.data!.applications.totalCount).toBe(0);
    const active = await catalog.execute<Page>(PAGE, { lifecycle: ["ACTIVE", "DEPRECATED"] });
    expect(active.data!.applications.totalCount).toBe(23);
    const tagged = APPLICATIONS.filter((app) => app.tags.includes("connexion")).map((app) => app.id);
    const byTag = await catalog.execute<Page>(PAGE, { tag: "Connexion" });
    expect(byTag.data!.applications.nodes.map((node) => node.id)).toEqual(tagged);
    expect(tagged.length).toBeGreaterThan(0);
  });

  it("pages with cursors, without gaps or repeats", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page += 1) {
      const result: { data?: Page | null } = await catalog.execute<Page>(PAGE, { first: 5, after });
      const connection: Page["applications"] = result.data!.applications;
      seen.push(...connection.nodes.map((node) => node.id));
      expect(connection.pageInfo.hasPreviousPage).toBe(page > 0);
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    const all = await catalog.execute<Page>(PAGE, { first: 100 });
    expect(seen).toEqual(all.data!.applications.nodes.map((node) => node.id));
  });

  it.each([101, 10000, -1])("refuses first: %i with BAD_USER_INPUT naming first", async (first) => {
    const { data, errors } = await catalog.execute<Page>(PAGE, { first });
    expect(data).toEqual({ applications: null });
    expect(errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "first" });
    expect(errors![0]!.message).toContain("from 0 to 100");
  });

  it("refuses a cursor it did not make", async () => {
    const { errors } = await catalog.execute<Page>(PAGE, { after: "not-a-cursor" });
    expect(errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "after" });
  });

  it("finds one application by id or by acronym, and answers null for an unknown one", async () => {
    const query = `query ($id: ID, $acronym: String) { application(id: $id, acronym: $acronym) { id name links { kind title url } tags } }`;
    const byId = await catalog.execute<{ application: { id: string; links: unknown[] } }>(query, { id: "aps" });
    expect(byId.data!.application.id).toBe("aps");
    expect(byId.data!.application.links).toHaveLength(2);
    const byAcronym = await catalog.execute<{ application: { id: string } }>(query, { acronym: "pecos dm" });
    expect(byAcronym.data!.application.id).toBe("pecos-dm");
    const unknown = await catalog.execute<{ application: null }>(query, { id: "no-such-app" });
    expect(unknown.errors).toBeUndefined();
    expect(unknown.data!.application).toBeNull();
  });

  it("refuses both or neither of id and acronym", async () => {
    const query = `query ($id: ID, $acronym: String) { application(id: $id, acronym: $acronym) { id } }`;
    for (const variables of [{}, { id: "aps", acronym: "APS" }]) {
      const { errors } = await catalog.execute(query, variables);
      expect(errors![0]!.extensions?.code).toBe("BAD_USER_INPUT");
      expect(errors![0]!.message).toContain("exactly one of id or acronym");
    }
  });

  it("seeds idempotently: a second run inserts nothing", async () => {
    expect(await subgraph.seed(catalog.dataSource)).toBe(0);
    const { data } = await catalog.execute<Page>(PAGE, { first: 100 });
    expect(data!.applications.totalCount).toBe(23);
  });
});
