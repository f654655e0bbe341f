import { mkdtempSync, rmSync, existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readRunningGraph, runningGraphFile, withRunningGraph, writeRunningGraph } from "./running-graph.js";

const dirs: string[] = [];
function checkout(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "running-graph-"));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const graph = {
  pid: process.pid,
  gatewayUrl: "http://localhost:4000/graphql",
  issuer: "http://127.0.0.1:4100/dev-issuer",
  trustedCallerKeys: "gateway=/keys/gateway.pub.pem",
};

describe("the running graph's description", () => {
  it("is read back while its process lives, and gone once forgotten", () => {
    const root = checkout();
    const forget = writeRunningGraph(root, graph, {});
    expect(readRunningGraph(root, {})).toEqual(graph);
    forget();
    expect(existsSync(runningGraphFile(root, {}))).toBe(false);
    expect(readRunningGraph(root, {})).toBeNull();
  });

  it("is ignored when the process that wrote it is gone (a graph killed without cleaning up)", () => {
    const root = checkout();
    writeRunningGraph(root, { ...graph, pid: 2 ** 22 + 1 }, {});
    expect(readRunningGraph(root, {})).toBeNull();
  });

  it("lives in DATA_DIR when it is set, and in the checkout's data/ when not", () => {
    const root = checkout();
    const elsewhere = path.join(checkout(), "elsewhere");
    writeRunningGraph(root, graph, { DATA_DIR: elsewhere });
    expect(runningGraphFile(root, { DATA_DIR: elsewhere })).toBe(path.join(elsewhere, "running-graph.json"));
    expect(runningGraphFile(root, {})).toBe(path.join(root, "data", "running-graph.json"));
    expect(readRunningGraph(root, { DATA_DIR: elsewhere })).toEqual(graph);
    expect(readRunningGraph(root, {})).toBeNull();
  });
});

describe("a subgraph started by hand", () => {
  it("takes the running graph's issuer and caller keys when it has none of its own", () => {
    const root = checkout();
    writeRunningGraph(root, graph, {});
    const { env, graph: found } = withRunningGraph(root, { PORT: "4009" });
    expect(found).toEqual(graph);
    expect(env).toEqual({ PORT: "4009", OIDC_ISSUER: graph.issuer, TRUSTED_CALLER_KEYS: graph.trustedCallerKeys });
  });

  it.each([
    ["an identity provider of its own", { OIDC_ISSUER: "https://idp.example.test" }],
    ["a JWKS URL of its own", { OIDC_JWKS_URL: "https://idp.example.test/keys" }],
    ["caller keys of its own", { TRUSTED_CALLER_KEYS: "gateway=/mine.pem" }],
    ["NODE_ENV=production", { NODE_ENV: "production" }],
  ])("keeps to its own settings with %s", (_name, own) => {
    const root = checkout();
    writeRunningGraph(root, graph, {});
    expect(withRunningGraph(root, own)).toEqual({ env: own, graph: null });
  });

  it("runs as configured outside a checkout or with no graph running", () => {
    expect(withRunningGraph(null, {})).toEqual({ env: {}, graph: null });
    expect(withRunningGraph(checkout(), {})).toEqual({ env: {}, graph: null });
  });
});
