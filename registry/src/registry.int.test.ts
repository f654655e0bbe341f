import { readFileSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "@portal-graph/http-kit";
import { createTestDatabase, testDatabaseKinds } from "@portal-graph/subgraph-kit/testing";
import { findRepoRoot, readRegistry } from "@portal-graph/subgraph-kit/workspace";
import type { DataSource } from "typeorm";
import { RegistryClient } from "./client.js";
import { loadCredentials } from "./credentials.js";
import { openRegistryDatabase } from "./database.js";
import { createRegistryServer } from "./server.js";

// Application.acronym in the catalog's committed SDL, with its description: the field these tests remove or add beside.
const APPLICATION_ACRONYM = /(\n {2}id: ID!\n)\n {2}"""[^\n]*"""\n {2}acronym: String\n/;

const kinds = await testDatabaseKinds();
const root = findRepoRoot();
const sdlOf = (name: string) => readFileSync(path.join(root, "schema", "subgraphs", `${name}.graphql`), "utf8");
const owner = { owner: "team", contact: "team@example.test" };

const TOKENS = {
  REGISTRY_ADMIN_TOKEN: "admin-token-0123456789",
  REGISTRY_PUBLISH_TOKENS: "catalog=catalog-token-0123456789,help-desks=help-desks-token-0123456",
  REGISTRY_READ_TOKENS: "gateway=gateway-token-0123456789",
};

describe.each(kinds)("the registry on %s", (kind) => {
  let dataSource: DataSource;
  let server: Server;
  let url: string;
  let drop: () => Promise<void>;
  const as = (token?: string) => new RegistryClient(url, token);
  const admin = () => as(TOKENS.REGISTRY_ADMIN_TOKEN);

  /** What a gateway reports after serving a portal page that reads these coordinates. */
  const report = (operationName: string, coordinates: string[]) =>
    fetch(`${url}/usage`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: "Bearer gateway-token-0123456789" },
      body: JSON.stringify({
        reports: [
          {
            operationId: operationName.padEnd(64, "0"),
            operationName,
            clientName: "portal-ui",
            clientVersion: "1.4.0",
            coordinates,
            count: 3,
          },
        ],
      }),
    });

  beforeAll(async () => {
    const database = await createTestDatabase(kind, "registry");
    drop = database.drop;
    const logger = createLogger("registry");
    dataSource = await openRegistryDatabase(logger, database.target);
    server = createRegistryServer({ dataSource, credentials: loadCredentials(TOKENS), logger });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const bodies = new Map(
      readRegistry(root).map((entry) => [
        entry.name,
        { sdl: sdlOf(entry.name), routingUrl: entry.routingUrl, ...owner },
      ]),
    );
    const answers = await admin().publishAll(bodies);
    expect([...answers.keys()].sort()).toEqual([...bodies.keys()].sort());
    for (const { status } of answers.values()) expect(status).toBe(200);
  });
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await dataSource?.destroy();
    await drop?.();
  });

  it("serves the composed supergraph with its version and ETag, and 304 when it has not changed", async () => {
    const first = await fetch(`${url}/supergraph`, {
      headers: { authorization: `Bearer ${TOKENS.REGISTRY_READ_TOKENS.split("=")[1]}` },
    });
    expect(first.status).toBe(200);
    expect(first.headers.get("x-supergraph-version")).toBe(String(readRegistry(root).length));
    const sdl = await first.text();
    expect(sdl).toContain("join__Graph");
    const again = await fetch(`${url}/supergraph`, {
      headers: { authorization: `Bearer ${TOKENS.REGISTRY_ADMIN_TOKEN}`, "if-none-match": first.headers.get("etag")! },
    });
    expect(again.status).toBe(304);
  });

  it("passes the removal of a field no operation used as dangerous, saying why", async () => {
    const withoutAcronym = sdlOf("catalog").replace(APPLICATION_ACRONYM, "$1");
    const { body } = await as("catalog-token-0123456789").check("catalog", { sdl: withoutAcronym });
    expect(body.ok).toBe(true);
    expect(body.changes).toContainEqual(
      expect.objectContaining({
        level: "DANGEROUS",
        path: "Application.acronym",
        message: expect.stringContaining("no operation used it in the last 30 days"),
      }),
    );
  });

  it("fails the check of a change that removes a field an operation used, naming it, its client and the owners, and stores nothing", async () => {
    expect((await report("PortalHome", ["Application.acronym", "Application.name", "Query.applications"])).status).toBe(
      202,
    );
    const before = await admin().history();
    const withoutAcronym = sdlOf("catalog").replace(APPLICATION_ACRONYM, "$1");
    const { status, body } = await as("catalog-token-0123456789").check("catalog", { sdl: withoutAcronym });
    expect(status).toBe(200);
    expect(body.ok).toBe(false);
    expect(body.changes).toContainEqual(
      expect.objectContaining({
        level: "BREAKING",
        path: "Application.acronym",
        usedBy: [expect.objectContaining({ operation: "PortalHome", client: "portal-ui@1.4.0", count: 3 })],
      }),
    );
    expect(body.owners).toContainEqual({ subgraph: "catalog", ...{ owner: "team", contact: "team@example.test" } });
    const published = await as("catalog-token-0123456789").publish("catalog", { sdl: withoutAcronym });
    expect(published.status).toBe(422);
    expect((await admin().history()).body).toEqual(before.body);
  });

  it("takes a deliberate break only with a reason, and records it", async () => {
    const withoutAcronym = sdlOf("catalog").replace(APPLICATION_ACRONYM, "$1");
    const noReason = await admin().check("catalog", { sdl: withoutAcronym, force: true });
    expect(noReason.status).toBe(400);
    expect(JSON.stringify(noReason.body)).toContain("needs a reason");
    const forced = await admin().check("catalog", { sdl: withoutAcronym, force: true, reason: "acronym moved" });
    expect(forced.body).toMatchObject({ ok: true, forced: true });
  });

  it("passes an additive change as safe, and publishing it serves a new version", async () => {
    const added = sdlOf("catalog").replace(APPLICATION_ACRONYM, "$&  nickname: String\n");
    const check = await as("catalog-token-0123456789").check("catalog", { sdl: added });
    expect(check.body).toMatchObject({
      ok: true,
      changes: [expect.objectContaining({ level: "SAFE", path: "Application.nickname" })],
    });
    const { status, body } = await as("catalog-token-0123456789").publish("catalog", { sdl: added });
    expect(status).toBe(200);
    const version = body.version as { id: number; subgraph: string; actor: string };
    expect(version).toMatchObject({ subgraph: "catalog", actor: "catalog" });
    const history = (await admin().history(1)).body.versions as { id: number; changes: { path: string }[] }[];
    expect(history[0]).toMatchObject({
      id: version.id,
      changes: [expect.objectContaining({ path: "Application.nickname" })],
    });
    const served = await (
      await fetch(`${url}/supergraph`, { headers: { authorization: `Bearer ${TOKENS.REGISTRY_ADMIN_TOKEN}` } })
    ).text();
    expect(served).toContain("nickname: String");
  });

  it("refuses a change that does not compose, with the composition's message", async () => {
    const clash = sdlOf("help-desks").replace(/type HelpDesk\b/, "type Application");
    const { body } = await as("help-desks-token-0123456").check("help-desks", { sdl: clash });
    expect(body.ok).toBe(false);
    expect((body.compositionErrors as string[]).length).toBeGreaterThan(0);
  });

  it("refuses a usage report that is not one, naming the field", async () => {
    const response = await fetch(`${url}/usage`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: "Bearer gateway-token-0123456789" },
      body: JSON.stringify({
        reports: [{ operationId: "x", clientName: "ui", clientVersion: "1", coordinates: [], count: 0 }],
      }),
    });
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain("reports[0].count");
  });

  it("lets a subgraph's token change that subgraph only, a read token change none, and no token nothing", async () => {
    const sdl = sdlOf("help-desks");
    expect((await as("catalog-token-0123456789").publish("help-desks", { sdl })).status).toBe(403);
    expect((await as("gateway-token-0123456789").check("catalog", { sdl: sdlOf("catalog") })).status).toBe(403);
    expect((await as().list()).status).toBe(401);
    expect((await as("not-a-token-at-all-000").list()).status).toBe(401);
    expect((await as("catalog-token-0123456789").rollback(1)).status).toBe(403);
  });

  it("requires an owner and a contact the first time a subgraph is published", async () => {
    const { status, body } = await admin().publish("enrollment", {
      sdl: "type Query { enrollments: [String!] }",
      routingUrl: "http://127.0.0.1:4005/graphql",
    });
    expect(status).toBe(400);
    expect(JSON.stringify(body)).toContain("owning team and a contact");
  });

  it("checks a removal like any change, and rolls back to an earlier version as a new one", async () => {
    await report("HelpPanel", ["Application.helpDesks", "ApplicationHelpDesk.helpDesk", "HelpDesk.name"]);
    const removal = await admin().remove("help-desks");
    expect(removal.status).toBe(422);
    expect(JSON.stringify(removal.body)).toContain("Application.helpDesks");
    const history = (await admin().history()).body.versions as { id: number; hash: string }[];
    const target = history.at(-1)!;
    const { body } = await admin().rollback(target.id, "undo the nickname");
    const version = body.version as { id: number; hash: string; action: string; reason: string };
    expect(version).toMatchObject({
      id: history[0]!.id + 1,
      hash: target.hash,
      action: "rollback",
      reason: "undo the nickname",
    });
    // Back to the first version, a graph of help-desks alone (the catalog waited for the subgraphs whose fields it
    // @requires): the other subgraphs' fields go, and the version says so.
    expect((body.version as { changes: { path: string | null }[] }).changes).toContainEqual(
      expect.objectContaining({ path: "Query.applications" }),
    );
  });
});
