import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findRepoRoot } from "@portal-graph/subgraph-kit/workspace";
import { openTestSubgraph, testDatabaseKinds, type TestSubgraph } from "@portal-graph/subgraph-kit/testing";
import { subgraph } from "../server.js";
import type { ApplicationSeed } from "../seed/applications.js";
import { seedCatalog } from "../seed/seed.js";

const kinds = await testDatabaseKinds();

/** Synthetic applications beyond the seed page, for counting statements at scale. */
function syntheticApplications(count: number): ApplicationSeed[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `synthetic-${String(i).padStart(4, "0")}`,
    acronym: `SYN${i}`,
    name: `Synthetic Application ${String(i).padStart(4, "0")}`,
    formerNames: [],
    description: null,
    category: "Synthetic",
    tags: ["synthetic", `group-${i % 7}`],
    launchUrl: null,
    links: [{ kind: "FAQ", title: "FAQ", url: `https://example.org/faq/${i}` }],
  }));
}

const HOME = `{ applications(first: 100) { totalCount nodes { id name acronym formerNames links { kind url } tags updatedAt } } }`;

describe.each(kinds)("catalog federation on %s", (kind) => {
  let catalog: TestSubgraph;
  beforeAll(async () => {
    catalog = await openTestSubgraph(subgraph, kind);
  });
  afterAll(async () => {
    await catalog?.close();
  });

  it("serves exactly the committed SDL", async () => {
    const { data } = await catalog.execute<{ _service: { sdl: string } }>("{ _service { sdl } }");
    const committed = await readFile(path.join(findRepoRoot(), "schema", "subgraphs", "catalog.graphql"), "utf8");
    expect(data!._service.sdl.trim()).toBe(committed.trim());
  });

  it("resolves a batch of Application representations in one SQL statement", async () => {
    const representations = ["aps", "pecos-ai", "no-such-app", "hdt"].map((id) => ({ __typename: "Application", id }));
    const { data, errors, sqlStatements } = await catalog.execute<{
      _entities: ({ id: string; acronym: string } | null)[];
    }>(
      `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Application { id acronym } } }`,
      { representations },
    );
    expect(errors).toBeUndefined();
    expect(data!._entities.map((entity) => entity?.acronym ?? null)).toEqual(["APS", "PECOS AI", null, "HDT"]);
    expect(sqlStatements).toBe(1);
  });

  it("runs the same number of SQL statements for a page of 23 and of 500+ applications", async () => {
    const small = await catalog.execute(HOME);
    expect(small.errors).toBeUndefined();
    await seedCatalog(catalog.dataSource, syntheticApplications(500));
    const large = await catalog.execute<{ applications: { totalCount: number; nodes: unknown[] } }>(HOME);
    expect(large.errors).toBeUndefined();
    expect(large.data!.applications.totalCount).toBe(523);
    expect(large.data!.applications.nodes).toHaveLength(100);
    // page + count + links + tags, whatever the number of applications
    expect(small.sqlStatements).toBe(4);
    expect(large.sqlStatements).toBe(small.sqlStatements);
  });
});
