/**
 * Security suite, production mode: the whole graph with NODE_ENV=production. Each caller's role decides what it may
 * do at a subgraph: the gateway everything, the registry only the schema, the test credential only plain operations
 * (no schema, no entities, no "Did you mean"). And neither a subgraph nor the gateway starts without its keys.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mintDevToken, startDevIssuer } from "@portal-graph/auth/dev-issuer";
import { startStack, type Stack } from "../../scripts/lib/stack.js";
import { root } from "../harness.js";
import { callSubgraph } from "../subgraph-client.js";

const SUBGRAPHS = ["catalog", "help-desks", "acknowledgements", "access-roles"];
const FORGED_GRANT = `{ _entities(representations: [{ __typename: "RoleGrant", id: "seed-grant-erin-desy-dua-administrator",
  user: { id: "erin", missingPrivilegedAcknowledgements: [] } }]) { ... on RoleGrant { id status } } }`;

describe("in production, a caller's role decides what it may do at a subgraph", () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "portal-graph-zero-trust-"));
  let issuer: { server: Server; issuer: string };
  let stack: Stack;
  const token = (user: string) => mintDevToken(path.join(dataDir, "issuer"), issuer.issuer, { user });
  beforeAll(async () => {
    // Production refuses the development issuer's /dev-issuer path, so its keys are served under another one.
    issuer = await startDevIssuer(path.join(dataDir, "issuer"), 0, "127.0.0.1", "/test-issuer");
    stack = await startStack({
      root,
      ports: "ephemeral",
      env: { DATA_DIR: dataDir, NODE_ENV: "production", LOG_LEVEL: "info", OIDC_ISSUER: issuer.issuer },
      callerKeysDir: path.join(dataDir, "caller-keys"),
    });
  });
  afterAll(async () => {
    await stack?.stop();
    issuer?.server.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("serves the graph through the gateway, every subgraph answering its proof", async () => {
    const response = await fetch(stack.gatewayUrl, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${await token("bob")}` },
      body: JSON.stringify({
        query:
          "{ applications(first: 2) { nodes { id helpDesks { primary } requiredPolicies { id } roles { id } } } me { id compliance { compliant } } }",
      }),
    });
    const body = (await response.json()) as { data: { me: { id: string } }; errors?: unknown };
    expect(body.errors).toBeUndefined();
    expect(body.data.me.id).toBe("bob");
  });

  it("lets the test credential run plain operations, but read no schema and resolve no entities", async () => {
    const alice = await token("alice");
    const me = await callSubgraph<{ me: { id: string } }>(stack, "access-roles", {
      query: "{ me { id } }",
      token: alice,
    });
    expect([me.status, me.body.data]).toEqual([200, { me: { id: "alice" } }]);
    for (const subgraph of SUBGRAPHS) {
      for (const query of [
        "{ _service { sdl } }",
        "{ __schema { queryType { name } } }",
        '{ __type(name: "Query") { name } }',
        '{ _entities(representations: [{ __typename: "Application", id: "pecos-ai" }]) { __typename } }',
      ]) {
        const { status, body } = await callSubgraph(stack, subgraph, { query, token: alice });
        expect([subgraph, query, status, body.errors?.[0]?.extensions?.code, body.data ?? null]).toEqual([
          subgraph,
          query,
          403,
          "FORBIDDEN",
          null,
        ]);
      }
    }
  });

  it("refuses forged @requires data from any credential but the gateway's", async () => {
    const erin = await token("erin");
    for (const as of ["test", "registry"] as const) {
      const { status, body } = await callSubgraph(stack, "access-roles", { query: FORGED_GRANT, token: erin, as });
      expect([as, status, body.errors?.[0]?.extensions?.code]).toEqual([as, 403, "FORBIDDEN"]);
      expect(JSON.stringify(body)).not.toContain("ACTIVE");
    }
  });

  it("gives suggestions only to the gateway's and the registry's credentials", async () => {
    const misspelt = "{ mee { id } }";
    const asTest = await callSubgraph(stack, "access-roles", { query: misspelt });
    expect(asTest.status).toBe(400);
    expect(asTest.body.errors?.[0]?.message).toBe('Cannot query field "mee" on type "Query".');
    for (const as of ["gateway", "registry"] as const) {
      const { body } = await callSubgraph(stack, "access-roles", { query: misspelt, as });
      expect([as, body.errors?.[0]?.message]).toEqual([
        as,
        'Cannot query field "mee" on type "Query". Did you mean "me"?',
      ]);
    }
  });

  it("lets the registry read every subgraph's schema and nothing else; the gateway reads it too", async () => {
    for (const subgraph of SUBGRAPHS) {
      for (const as of ["registry", "gateway"] as const) {
        const sdl = await callSubgraph<{ _service: { sdl: string } }>(stack, subgraph, {
          query: "{ _service { sdl } }",
          as,
        });
        expect([subgraph, as, sdl.status]).toEqual([subgraph, as, 200]);
        expect(sdl.body.data!._service.sdl).toContain("@key");
      }
      const data = await callSubgraph(stack, subgraph, {
        query: '{ _entities(representations: [{ __typename: "Application", id: "pecos-ai" }]) { __typename } }',
        as: "registry",
      });
      expect([subgraph, data.status, data.body.errors?.[0]?.extensions?.code]).toEqual([subgraph, 403, "FORBIDDEN"]);
    }
    const me = await callSubgraph(stack, "access-roles", { query: "{ me { id } }", as: "registry" });
    expect([me.status, me.body.errors?.[0]?.extensions?.code]).toEqual([403, "FORBIDDEN"]);
  });

  it("refuses to start a subgraph or the gateway without its keys, naming the variable", async () => {
    const env = { NODE_ENV: "production", OIDC_ISSUER: issuer.issuer, DATA_DIR: dataDir, PORT: "0" };
    const subgraph = await run(path.join(root, "subgraphs", "catalog", "dist", "index.js"), {
      ...env,
      TRUSTED_CALLER_KEYS: "",
    });
    expect(subgraph.code).toBe(1);
    expect(subgraph.output).toContain("TRUSTED_CALLER_KEYS is required when NODE_ENV=production");
    const gateway = await run(path.join(root, "gateway", "dist", "index.js"), { ...env, GATEWAY_PROOF_KEY_FILE: "" });
    expect(gateway.code).toBe(1);
    expect(gateway.output).toContain("GATEWAY_PROOF_KEY_FILE is required when NODE_ENV=production");
  });
});

/** Runs a built entry point with extra environment; resolves with its exit code and output. */
function run(entry: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [entry], {
      cwd: root,
      env: { ...process.env, LOG_LEVEL: "info", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}
