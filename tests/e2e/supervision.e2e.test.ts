/**
 * `npm start`'s promises to a team developing one subgraph: a subgraph that dies is started again while the rest go
 * on serving, and a subgraph run by hand beside the graph finds the graph's issuer and caller keys by itself.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeRunningGraph } from "@portal-graph/subgraph-kit/workspace";
import { freePort } from "../../scripts/bench/support.js";
import { startStack } from "../../scripts/lib/stack.js";
import { root, startTestStack, type TestStack } from "../harness.js";

const CATALOG = "{ applications(first: 5) { totalCount } }";
const HELP_DESKS = "{ applications(first: 5) { nodes { helpDesks { helpDesk { name } } } } }";

async function until<T>(what: string, check: () => T | undefined, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("a subgraph that exits while the graph runs", () => {
  let stack: TestStack;
  const exits: { name: string; code: number | null; restartInMs?: number }[] = [];
  const restarted: string[] = [];

  beforeAll(async () => {
    stack = await startTestStack(
      {},
      {
        restart: { delayMs: 200 },
        onExit: (name, code, restartInMs) => exits.push({ name, code, restartInMs }),
        onRestarted: (name) => restarted.push(name),
      },
    );
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it("leaves the others answering, and is started again on its port within seconds", async () => {
    const before = stack.subgraphs.get("help-desks")!;
    before.child.kill("SIGKILL");
    await until("the exit", () => (exits.length > 0 ? true : undefined));
    expect(exits[0]).toMatchObject({ name: "help-desks", restartInMs: 200 });

    // While it is down, the catalog's fields still answer through the gateway.
    const meanwhile = await stack.graphql<{ applications: { totalCount: number } }>(CATALOG);
    expect(meanwhile.body.errors).toBeUndefined();
    expect(meanwhile.body.data!.applications.totalCount).toBe(23);

    await until("the restart", () => (restarted.includes("help-desks") ? true : undefined));
    const after = stack.subgraphs.get("help-desks")!;
    expect(after.child.pid).not.toBe(before.child.pid);
    expect(after.port).toBe(before.port);
    const back = await stack.graphql<{ applications: { nodes: { helpDesks: unknown[] }[] } }>(HELP_DESKS);
    expect(back.body.errors).toBeUndefined();
    expect(back.body.data!.applications.nodes.some((node) => node.helpDesks.length > 0)).toBe(true);
    expect(stack.gateway.child.exitCode).toBeNull();
  });

  it("waits longer each time it exits again soon after a start", async () => {
    const seen = exits.length;
    stack.subgraphs.get("help-desks")!.child.kill("SIGKILL");
    await until("the second exit", () => (exits.length > seen ? true : undefined));
    expect(exits[seen]).toMatchObject({ name: "help-desks", restartInMs: 400 });
    await until("the second restart", () => (restarted.length >= 2 ? true : undefined));
  });

  it("is not started again once the graph stops on purpose", async () => {
    const seen = exits.length;
    await stack.stopSubgraph("catalog");
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(exits.length).toBe(seen);
    expect(stack.subgraphs.get("catalog")!.child.exitCode).not.toBeNull();
    await stack.restartSubgraph("catalog");
  });
});

describe("a subgraph a team runs by hand beside the graph", () => {
  let stack: TestStack;
  let own: ChildProcess | undefined;
  let port: number;
  let forget: () => void;

  beforeAll(async () => {
    port = await freePort();
    stack = await startTestStack(
      { SUBGRAPH_ACKNOWLEDGEMENTS_URL: `http://127.0.0.1:${port}/graphql` },
      { without: ["acknowledgements"] },
    );
    forget = writeRunningGraph(
      root,
      {
        pid: process.pid,
        gatewayUrl: stack.gatewayUrl,
        issuer: stack.issuer,
        trustedCallerKeys: stack.callerKeys!.trustedCallerKeys,
      },
      { DATA_DIR: stack.dataDir },
    );
  });
  afterAll(async () => {
    forget?.();
    if (own && own.exitCode === null) {
      const exited = new Promise((resolve) => own!.once("exit", resolve));
      own.kill("SIGTERM");
      await exited;
    }
    await stack?.stop();
  });

  it("trusts the running graph's gateway and development issuer without being told", async () => {
    // No OIDC_* and no TRUSTED_CALLER_KEYS: what a team has when it runs `npm run dev` in its workspace.
    const env = Object.fromEntries(
      Object.entries(process.env).filter(([name]) => !name.startsWith("OIDC_") && name !== "TRUSTED_CALLER_KEYS"),
    );
    own = spawn(process.execPath, [path.join(root, "subgraphs", "acknowledgements", "dist", "index.js")], {
      env: {
        ...env,
        PORT: String(port),
        DATA_DIR: stack.dataDir,
        SEED_ON_START: "true",
        NODE_ENV: "test",
        LOG_LEVEL: "info",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const output: string[] = [];
    own.stdout!.on("data", (chunk: Buffer) => output.push(chunk.toString()));
    own.stderr!.on("data", (chunk: Buffer) => output.push(chunk.toString()));
    await until("the hand-run subgraph's start", () => {
      if (own!.exitCode !== null) throw new Error(`it exited with code ${own!.exitCode}:\n${output.join("")}`);
      return output.join("").includes("subgraph listening") ? true : undefined;
    });
    expect(output.join("")).toContain("trusting the issuer and callers of the graph npm start runs");

    // bob has acknowledged policies in the seed: his own, read with his token, verified by the hand-run subgraph.
    const token = await stack.token("bob");
    const { body } = await stack.graphql<{ me: { id: string; acknowledgements: { nodes: unknown[] } } }>(
      "{ me { id acknowledgements { nodes { id } } } }",
      undefined,
      { authorization: `Bearer ${token}` },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.me.id).toBe("bob");
    expect(body.data!.me.acknowledgements.nodes.length).toBeGreaterThan(0);
  });
});

describe("a graph started where another still runs", () => {
  it("refuses to start, naming the port and its process, instead of trusting the other's answers", async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const ports = { catalog: port, "help-desks": 0, acknowledgements: 0, "access-roles": 0, gateway: 0 };
      await expect(startStack({ root, ports })).rejects.toThrow(`port ${port} (catalog) is already in use`);
    } finally {
      blocker.close();
    }
  });
});
