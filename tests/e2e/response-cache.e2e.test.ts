/**
 * The gateway's response cache against the real graph: public answers are served again without a subgraph fetch,
 * private ones never cross users (nor reach the anonymous), and a write in the catalog, help-desks or
 * acknowledgements evicts at once, through the gateway that carried it and through another replica sharing Redis.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { subgraphUrlVariable } from "../../scripts/lib/stack.js";
import { requireRedisInCi, TEST_REDIS_URL } from "../../gateway/src/testing/redis.js";
import { root, startTestStack, type TestStack } from "../harness.js";
import { subgraphMetrics } from "../subgraph-client.js";

interface HomeData {
  applications: {
    nodes: { id: string; name: string; helpDesks: { helpDesk: { id: string; name: string } }[] | null }[];
  };
}

// The portal home's shape: the catalog's applications and help-desks' desks, every field public.
const HOME = `query Home { applications(first: 100) { nodes { id name
  helpDesks { primary helpDesk { id name openNow contactPoints { kind display } } } } } }`;
const POLICY = `query Policy($id: ID!) { policy(id: $id) { id title currentVersion { id version } versions { id } } }`;
const PRIVATE = `query Mine { me { id } application(id: "pecos-ai") { id name viewerReadiness { canLaunch blockers { kind } } } }`;
const UPDATE_APPLICATION = `mutation Rename($input: UpdateApplicationInput!) {
  updateApplication(input: $input) { application { id name } userErrors { code message } } }`;
const UPDATE_DESK = `mutation RenameDesk($input: UpdateHelpDeskInput!) {
  updateHelpDesk(input: $input) { helpDesk { id name } userErrors { code message } } }`;
const PUBLISH = `mutation Publish($input: PublishPolicyVersionInput!) {
  publishPolicyVersion(input: $input) { policyVersion { id version } userErrors { code message } } }`;

const redisAnswers = await requireRedisInCi();

/** Another gateway process over the stack's subgraphs, as a second replica: resolves with its /graphql URL. */
async function startReplica(stack: TestStack, env: NodeJS.ProcessEnv): Promise<{ url: string; child: ChildProcess }> {
  const overrides = Object.fromEntries(
    [...stack.subgraphs].map(([name, running]) => [subgraphUrlVariable(name), `${running.url}/graphql`]),
  );
  const child = spawn(process.execPath, [path.join(root, "gateway", "dist", "index.js")], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "test",
      LOG_LEVEL: "info",
      DATA_DIR: stack.dataDir,
      OIDC_ISSUER: stack.issuer!,
      OIDC_JWKS_COOLDOWN_SECONDS: "0",
      GATEWAY_PROOF_KEY_FILE: stack.callerKeys!.privateKeyFile("gateway"),
      PORT: "0",
      HOST: "127.0.0.1",
      ...overrides,
      ...env,
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`the replica exited (${code}) before listening`)));
    createInterface({ input: child.stdout! }).on("line", (line) => {
      try {
        const entry = JSON.parse(line) as { msg?: string; port?: number };
        if (entry.msg === "gateway listening" && entry.port) resolve(entry.port);
      } catch {
        // not a log line
      }
    });
  });
  return { url: `http://127.0.0.1:${port}/graphql`, child };
}

async function stopReplica(replica: { child: ChildProcess } | undefined): Promise<void> {
  if (!replica || replica.child.exitCode !== null) return;
  const exited = new Promise((resolve) => replica.child.once("exit", resolve));
  replica.child.kill("SIGTERM");
  await exited;
}

describe.skipIf(!redisAnswers)("the response cache", () => {
  let stack: TestStack;
  let replica: { url: string; child: ChildProcess };
  let memoryGateway: { url: string; child: ChildProcess };
  // Its own keys in the shared Redis, so concurrent runs (Node 20 and 24 in CI) never read each other's answers.
  const cacheEnv = {
    RESPONSE_CACHE: "true",
    REDIS_URL: TEST_REDIS_URL,
    RESPONSE_CACHE_REDIS_PREFIX: `portal-graph-test:${randomUUID()}:`,
  };
  const tokens: Record<string, string> = {};

  // HOME asks for openNow, whose cached life ends at the next minute: a test that started in a minute's last seconds
  // would see its cached answer lapse midway. Each test starts with at least 10 s of the minute left.
  beforeEach(async () => {
    const intoMinute = Date.now() % 60_000;
    if (intoMinute > 50_000) await new Promise((resolve) => setTimeout(resolve, 60_000 - intoMinute + 100));
  });

  beforeAll(async () => {
    stack = await startTestStack(cacheEnv);
    replica = await startReplica(stack, cacheEnv);
    // No REDIS_URL: a single gateway's in-memory cache (the development default).
    memoryGateway = await startReplica(stack, { RESPONSE_CACHE: "true", REDIS_URL: "" });
    for (const user of ["alice", "bob", "carol", "dana", "erin"]) tokens[user] = await stack.token(user);
  });
  afterAll(async () => {
    await stopReplica(replica);
    await stopReplica(memoryGateway);
    await stack?.stop();
  });

  async function post<T>(url: string, query: string, variables: Record<string, unknown> = {}, user?: string) {
    const response = await fetch(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(user ? { authorization: `Bearer ${tokens[user]}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T; errors?: unknown[] };
    return { response, body };
  }

  /** Renames an application through `url` as carol, a portal admin; the write must succeed. */
  async function renameApplication(url: string, id: string, name: string) {
    const write = await post<{ updateApplication: { userErrors: unknown[] } }>(
      url,
      UPDATE_APPLICATION,
      { input: { id, name } },
      "carol",
    );
    expect(write.body.data!.updateApplication.userErrors).toEqual([]);
  }

  /** Subgraph requests made while `run` ran, per subgraph. */
  async function fetchesDuring(run: () => Promise<unknown>): Promise<Record<string, number>> {
    const names = [...stack.subgraphs.keys()];
    const before = await Promise.all(names.map((name) => subgraphMetrics(stack, name)));
    await run();
    const after = await Promise.all(names.map((name) => subgraphMetrics(stack, name)));
    // `requests` counts GraphQL requests only: reading /metrics is not one.
    return Object.fromEntries(names.map((name, i) => [name, after[i]!.requests - before[i]!.requests]));
  }

  it("answers a second identical public query with no subgraph fetch, and tells clients no-store", async () => {
    const first = await post<HomeData>(stack.gatewayUrl, HOME);
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data!.applications.nodes.length).toBeGreaterThan(20);
    let second: Awaited<ReturnType<typeof post<HomeData>>> | undefined;
    const fetches = await fetchesDuring(async () => (second = await post<HomeData>(stack.gatewayUrl, HOME)));
    expect(fetches).toEqual({ catalog: 0, "help-desks": 0, acknowledgements: 0, "access-roles": 0 });
    expect(second!.body).toEqual(first.body);
    // Only the gateway caches: a browser or proxy copy could not be evicted by a write.
    expect(second!.response.headers.get("cache-control")).toBe("no-store");
    expect(second!.response.headers.get("age")).not.toBeNull();
  });

  it("keeps anonymous and signed-in answers apart, and shares the public answer among signed-in users", async () => {
    await post<HomeData>(stack.gatewayUrl, HOME);
    // alice's first portal home is not the anonymous entry: it is fetched, then kept for every signed-in user.
    const alice = await fetchesDuring(() => post<HomeData>(stack.gatewayUrl, HOME, {}, "alice"));
    expect(alice.catalog).toBe(1);
    let bobAnswer: HomeData | undefined;
    const bob = await fetchesDuring(async () => {
      bobAnswer = (await post<HomeData>(stack.gatewayUrl, HOME, {}, "bob")).body.data;
    });
    expect(bob).toEqual({ catalog: 0, "help-desks": 0, acknowledgements: 0, "access-roles": 0 });
    const anonymous = await post<HomeData>(stack.gatewayUrl, HOME);
    expect(bobAnswer).toEqual(anonymous.body.data);
  });

  it("never caches an answer with a private part: each user gets their own, anonymous gets none", async () => {
    type Mine = { me: { id: string } | null; application: { viewerReadiness: { blockers: { kind: string }[] } } };
    const alice = await post<Mine>(stack.gatewayUrl, PRIVATE, {}, "alice");
    expect(alice.body.data!.me).toEqual({ id: "alice" });
    const bob = await post<Mine>(stack.gatewayUrl, PRIVATE, {}, "bob");
    expect(bob.body.data!.me).toEqual({ id: "bob" });
    const anonymous = await post<Mine>(stack.gatewayUrl, PRIVATE);
    expect(anonymous.body.data!.me).toBeNull();
    expect(anonymous.body.data!.application.viewerReadiness.blockers.map((b) => b.kind)).toContain("SIGN_IN_REQUIRED");
    // alice again, through both replicas: fetched every time, never a stored copy of anyone's answer.
    for (const url of [stack.gatewayUrl, replica.url]) {
      let again: Mine | undefined;
      const fetches = await fetchesDuring(
        async () => (again = (await post<Mine>(url, PRIVATE, {}, "alice")).body.data),
      );
      expect(again!.me).toEqual({ id: "alice" });
      expect(fetches["access-roles"]).toBeGreaterThan(0);
      expect(fetches.catalog).toBeGreaterThan(0);
    }
  });

  it("evicts at once on an application change, on this replica and on another sharing Redis", async () => {
    const nameOf = (data: HomeData | undefined) =>
      data!.applications.nodes.find((node) => node.id === "pecos-ai")!.name;
    // Both replicas hold the home page.
    for (const url of [stack.gatewayUrl, replica.url]) await post<HomeData>(url, HOME);
    const before = nameOf((await post<HomeData>(replica.url, HOME)).body.data);
    const renamed = `${before} (renamed ${randomUUID().slice(0, 8)})`;
    await renameApplication(stack.gatewayUrl, "pecos-ai", renamed);
    // The next read, on either replica, shows it: no TTL to wait out.
    expect(nameOf((await post<HomeData>(stack.gatewayUrl, HOME)).body.data)).toBe(renamed);
    expect(nameOf((await post<HomeData>(replica.url, HOME, {}, "bob")).body.data)).toBe(renamed);
    expect(nameOf((await post<HomeData>(replica.url, HOME)).body.data)).toBe(renamed);
    // ...and the new answer is cached again.
    const fetches = await fetchesDuring(() => post<HomeData>(replica.url, HOME));
    expect(fetches.catalog).toBe(0);
  });

  it("keeps the cached answers that do not hold the application a write changed", async () => {
    const APP = `query App($id: ID!) { application(id: $id) { id name } }`;
    type AppData = { application: { id: string; name: string } };
    for (const id of ["aps", "pecos-ai"]) await post<AppData>(replica.url, APP, { id });
    const renamed = `PECOS ${randomUUID().slice(0, 8)}`;
    await renameApplication(stack.gatewayUrl, "pecos-ai", renamed);
    // APS's answer is still served from the cache on the other replica; PECOS's is fetched again, renamed.
    expect((await fetchesDuring(() => post<AppData>(replica.url, APP, { id: "aps" }))).catalog).toBe(0);
    let pecos: AppData | undefined;
    const fetches = await fetchesDuring(async () => {
      pecos = (await post<AppData>(replica.url, APP, { id: "pecos-ai" })).body.data;
    });
    expect(fetches.catalog).toBe(1);
    expect(pecos!.application.name).toBe(renamed);
  });

  it("evicts at once on a help desk change written through another replica", async () => {
    const deskName = (data: HomeData | undefined) =>
      data!.applications.nodes
        .flatMap((node) => node.helpDesks ?? [])
        .find((entry) => entry.helpDesk.id === "cms-it-service-desk")!.helpDesk.name;
    await post<HomeData>(stack.gatewayUrl, HOME, {}, "alice");
    const renamed = `CMS IT Service Desk ${randomUUID().slice(0, 8)}`;
    const write = await post<{ updateHelpDesk: { userErrors: unknown[] } }>(
      replica.url,
      UPDATE_DESK,
      { input: { id: "cms-it-service-desk", name: renamed } },
      "dana",
    );
    expect(write.body.data!.updateHelpDesk.userErrors).toEqual([]);
    expect(deskName((await post<HomeData>(stack.gatewayUrl, HOME, {}, "alice")).body.data)).toBe(renamed);
  });

  it("evicts at once on a new policy version", async () => {
    type PolicyData = { policy: { currentVersion: { id: string } | null; versions: { id: string }[] } };
    const id = "hhs-rules-of-behavior";
    const before = await post<PolicyData>(replica.url, POLICY, { id });
    expect(before.body.errors).toBeUndefined();
    await post<PolicyData>(replica.url, POLICY, { id });
    const write = await post<{ publishPolicyVersion: { policyVersion: { id: string }; userErrors: unknown[] } }>(
      stack.gatewayUrl,
      PUBLISH,
      { input: { policyId: id, body: `Rules of Behavior, revised ${randomUUID()}` } },
      "erin",
    );
    expect(write.body.data!.publishPolicyVersion.userErrors).toEqual([]);
    const published = write.body.data!.publishPolicyVersion.policyVersion.id;
    const after = await post<PolicyData>(replica.url, POLICY, { id });
    expect(after.body.data!.policy.versions.map((version) => version.id)).toContain(published);
    expect(after.body.data!.policy.versions.length).toBe(before.body.data!.policy.versions.length + 1);
    expect(after.body.data!.policy.currentVersion!.id).toBe(published);
  });

  it("in memory, without Redis: caches, and a write through the same gateway evicts at once", async () => {
    const nameOf = (data: HomeData | undefined) => data!.applications.nodes.find((node) => node.id === "aps")!.name;
    await post<HomeData>(memoryGateway.url, HOME);
    const cached = await fetchesDuring(() => post<HomeData>(memoryGateway.url, HOME));
    expect(cached.catalog).toBe(0);
    const renamed = `APS ${randomUUID().slice(0, 8)}`;
    await renameApplication(memoryGateway.url, "aps", renamed);
    expect(nameOf((await post<HomeData>(memoryGateway.url, HOME)).body.data)).toBe(renamed);
  });

  it("does not cache an operation that is not all public", async () => {
    const mixed = `{ applications(first: 3) { nodes { id } } me { id } }`;
    await post(stack.gatewayUrl, mixed, {}, "alice");
    const fetches = await fetchesDuring(() => post(stack.gatewayUrl, mixed, {}, "alice"));
    expect(fetches.catalog).toBe(1);
    expect(fetches["access-roles"]).toBe(1);
  });
});
