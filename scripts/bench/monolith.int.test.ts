import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTokenVerifier, loadAuthConfig } from "@portal-graph/auth";
import { mintDevToken, startDevIssuer } from "@portal-graph/auth/dev-issuer";
import { closeServer, createLogger, listen } from "@portal-graph/http-kit";
import type { SubgraphDefinition } from "@portal-graph/subgraph-kit";
import { openTestSubgraph, type TestSubgraph } from "@portal-graph/subgraph-kit/testing";
import { findRepoRoot, readRegistry } from "@portal-graph/subgraph-kit/workspace";
import { createMonolith } from "./monolith.js";

// The monolith column: every subgraph's schema over its own seeded database, in this one process; no subgraph
// listens anywhere, so an answer that needs several domains shows there is no network between them.
const root = findRepoRoot();
const operation = (name: string) =>
  readFileSync(path.join(root, "scripts", "bench", "operations", `${name}.graphql`), "utf8");

describe("the monolith", () => {
  const opened: { definition: SubgraphDefinition; test: TestSubgraph }[] = [];
  const dir = mkdtempSync(path.join(os.tmpdir(), "monolith-"));
  let issuer: Awaited<ReturnType<typeof startDevIssuer>>;
  let server: Server;
  let url: string;

  beforeAll(async () => {
    for (const entry of readRegistry(root)) {
      const { subgraph: definition } = (await import(entry.package)) as { subgraph: SubgraphDefinition };
      opened.push({ definition, test: await openTestSubgraph(definition, "sqlite") });
    }
    issuer = await startDevIssuer(path.join(dir, "keys"), 0);
    ({ server } = await createMonolith({
      root,
      domains: opened.map(({ definition, test }) => ({
        definition,
        schema: test.subgraph.schema,
        dataSource: test.dataSource,
      })),
      verifier: createTokenVerifier(loadAuthConfig({ OIDC_ISSUER: issuer.issuer })),
      logger: createLogger("monolith", { level: "warn" }),
    }));
    url = `http://127.0.0.1:${await listen(server, 0, "127.0.0.1")}/graphql`;
  });

  afterAll(async () => {
    if (server) await closeServer(server);
    await Promise.all(opened.map(({ test }) => test.close()));
    issuer?.server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function graphql(query: string, variables: Record<string, unknown>, token?: string) {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  }

  it("answers an anonymous page from all four domains", async () => {
    const { data, errors } = await graphql(operation("application-detail"), { id: "pecos-ai" });
    expect(errors).toBeUndefined();
    const application = data!.application as Record<string, unknown[]>;
    expect(application.helpDesks!.length).toBeGreaterThan(0);
    expect(application.roles!.length).toBeGreaterThan(0);
    expect(application.requiredPolicies!.length).toBeGreaterThan(0);
  });

  it("gives every domain the viewer of the token, verified once", async () => {
    const token = await mintDevToken(path.join(dir, "keys"), issuer.issuer, { user: "dana" });
    const { data, errors } = await graphql(operation("my-portal"), { applicationId: "pecos-ai" }, token);
    expect(errors).toBeUndefined();
    const me = data!.me as { id: string; compliance: unknown; roleGrants: unknown[] };
    expect(me.id).toBe("dana");
    expect(me.compliance).not.toBeNull();
    expect(me.roleGrants.length).toBeGreaterThan(0);
  });
});
