/**
 * What the gateway depends on outside itself: the identity provider (an outage is 503, held keys keep working) and
 * nothing but its subgraphs and that provider on the network.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rotateDevKeys } from "@portal-graph/auth/dev-issuer";
import { publicKeySet, startTestJwks, type TestJwks } from "@portal-graph/auth/testing";
import { subgraphUrlVariable } from "../../scripts/lib/stack.js";
import { root, startTestStack, type TestStack } from "../harness.js";
import { provedFetch } from "../subgraph-client.js";

const ME = "{ me { id } }";

let stack: TestStack;
let jwks: TestJwks;
let keysDir = "";

beforeAll(async () => {
  // The stack's processes fetch keys from here, the development issuer's keys, served by a server the test can break.
  jwks = await startTestJwks(async () => publicKeySet(keysDir));
  stack = await startTestStack({ OIDC_JWKS_URL: jwks.url });
  keysDir = stack.keysDir;
});
afterAll(async () => {
  await stack?.stop();
  await jwks?.stop();
});

// At a subgraph with the test harness's caller proof (docs/adr/0003): what is tested is the token check.
async function me(url: string, token?: string) {
  const response = await provedFetch(stack, url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query: ME }),
  });
  const body = (await response.json()) as {
    data?: { me: { id: string } | null } | null;
    errors?: { message: string; extensions?: { code?: string } }[];
  };
  return { status: response.status, retryAfter: response.headers.get("retry-after"), body };
}

describe("an identity-provider outage, at the gateway and at a subgraph", () => {
  let endpoints: [string, string][];
  let held: string;
  beforeAll(async () => {
    endpoints = [
      ["gateway", stack.gatewayUrl],
      ["access-roles directly", `${stack.subgraphs.get("access-roles")!.url}/graphql`],
    ];
    // Every process fetches and holds the current key.
    held = await stack.token("bob");
    for (const [, url] of endpoints) expect((await me(url, held)).body.data?.me?.id).toBe("bob");
  });

  const outages: [string, () => Promise<void>, () => Promise<void>][] = [
    ["refuses connections", () => jwks.stop(), () => jwks.start()],
    ["answers 500", async () => jwks.setMode("error-500"), async () => jwks.setMode("up")],
    ["answers something that is not JSON", async () => jwks.setMode("bad-json"), async () => jwks.setMode("up")],
  ];

  it.each(outages)(
    "when the provider %s: held keys work, others are 503, anonymous is served",
    async (_name, cut, mend) => {
      await rotateDevKeys(keysDir);
      const signedByNewKey = await stack.token("carol");
      await cut();
      try {
        for (const [where, url] of endpoints) {
          expect((await me(url, held)).body.data?.me?.id, `${where}: held key`).toBe("bob");
          const refused = await me(url, signedByNewKey);
          expect([where, refused.status, refused.retryAfter]).toEqual([where, 503, "5"]);
          expect(refused.body.errors?.[0]).toEqual({
            message: "The identity provider cannot be reached to verify the bearer token; try again shortly",
            extensions: { code: "IDENTITY_PROVIDER_UNAVAILABLE" },
          });
          expect((await me(url)).body).toEqual({ data: { me: null } });
        }
      } finally {
        await mend();
      }
      for (const [where, url] of endpoints) {
        expect((await me(url, signedByNewKey)).body.data?.me?.id, `${where}: after the outage`).toBe("carol");
      }
    },
  );
});

const LOOPBACK = ["127.0.0.1", "localhost", "::1"];

interface NetworkRecord {
  kind: "connect" | "dns" | "udp";
  host?: string | null;
  port?: number | null;
  path?: string | null;
}

describe("a started gateway's outbound connections", () => {
  let records: NetworkRecord[];
  let allowedPorts: Set<number>;
  let subgraphPorts: number[];

  beforeAll(async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "gateway-network-"));
    const recordFile = path.join(dir, "network.jsonl");
    const recorder = pathToFileURL(path.join(root, "tests", "support", "record-network.mjs")).href;
    subgraphPorts = [...stack.subgraphs.values()].map((subgraph) => subgraph.port);
    allowedPorts = new Set([...subgraphPorts, Number(new URL(jwks.url).port), Number(new URL(stack.issuer!).port)]);
    const { APOLLO_TELEMETRY_DISABLED: _unset, ...environment } = process.env;
    const child = spawn(process.execPath, [path.join(root, "gateway", "dist", "index.js")], {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...environment,
        ...Object.fromEntries(
          [...stack.subgraphs.values()].map((subgraph) => [
            subgraphUrlVariable(subgraph.name),
            `${subgraph.url}/graphql`,
          ]),
        ),
        NODE_OPTIONS: `--import ${recorder}`,
        NET_RECORD_FILE: recordFile,
        PORT: "0",
        HOST: "127.0.0.1",
        NODE_ENV: "test",
        LOG_LEVEL: "info",
        OIDC_ISSUER: stack.issuer!,
        OIDC_JWKS_URL: jwks.url,
        GATEWAY_PROOF_KEY_FILE: stack.callerKeys!.privateKeyFile("gateway"),
        // Were Apollo's usage reporting reachable, these would switch it on.
        APOLLO_KEY: "service:portal-graph:not-a-real-key",
        APOLLO_GRAPH_REF: "portal-graph@current",
      },
    });
    try {
      const port = await new Promise<number>((resolve, reject) => {
        createInterface({ input: child.stdout! }).on("line", (line) => {
          if (line.includes("gateway listening")) resolve((JSON.parse(line) as { port: number }).port);
        });
        child.once("exit", (code) => reject(new Error(`gateway exited with ${code} before listening`)));
      });
      const base = `http://127.0.0.1:${port}`;
      const token = await stack.token("frank", { roles: ["AUDITOR"] });
      const query = `{ applications(first: 3) { nodes { id helpDesks { helpDesk { id } } } } me { id acknowledgements(first: 1) { nodes { id } } } }`;
      const response = await fetch(`${base}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify({ query }),
      });
      expect(((await response.json()) as { errors?: unknown }).errors).toBeUndefined();
      expect((await fetch(`${base}/ready`)).status).toBe(200);
      const csv = await fetch(`${base}/export/acknowledgements.csv?policyId=hhs-rules-of-behavior`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(csv.status).toBe(200);
      await csv.text();
    } finally {
      // A drained stop is when a scheduled export would flush: stop it the orderly way and wait.
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    }
    records = readFileSync(recordFile, "utf8")
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as NetworkRecord);
    rmSync(dir, { recursive: true, force: true });
  });

  it("connects only to its subgraphs and the identity provider, on loopback", () => {
    const connects = records.filter((record) => record.kind === "connect");
    const elsewhere = connects.filter(
      (record) =>
        !["127.0.0.1", "localhost", "::1"].includes(record.host ?? "") || !allowedPorts.has(record.port ?? -1),
    );
    expect(elsewhere).toEqual([]);
    // The recorder saw the calls it should: every subgraph, and the key set.
    const reached = new Set(connects.map((record) => record.port));
    for (const port of [...subgraphPorts, Number(new URL(jwks.url).port)]) expect(reached).toContain(port);
  });

  it("looks up no name but loopback and opens no UDP socket (no cloud metadata probes, no usage export)", () => {
    const lookups = records.filter((record) => record.kind === "dns" && !LOOPBACK.includes(record.host ?? ""));
    expect(lookups).toEqual([]);
    expect(records.filter((record) => record.kind === "udp")).toEqual([]);
  });
});
