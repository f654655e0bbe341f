/**
 * `npm run bench`: the portal's operations at scale, through our gateway, through Hive Gateway on the same
 * subgraphs, and at the floor (the same subgraph fetches called directly, one after another in plan order).
 * Writes bench/results/<date>-<commit>.json and prints a Markdown table. `--quick` runs a small size quickly.
 */
import "reflect-metadata";
import { execSync, spawn } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { CALLER_ASSERTION_HEADER, signCallerAssertion, type CallerSigningKey } from "@portal-graph/auth";
import { mintDevToken, startDevIssuer } from "@portal-graph/auth/dev-issuer";
import { findRepoRoot, readRegistry } from "@portal-graph/subgraph-kit/workspace";
import { startStack, subgraphUrlVariable } from "../lib/stack.js";
import { runFloor, startRecorder, type RecordedFetch } from "./floor.js";
import { generate, type Scale } from "./generate/index.js";
import { ensureHiveInstalled, startHive } from "./hive.js";
import { round, runLoad, type LoadResult, type PreparedRequest } from "./load.js";
import { OPERATIONS } from "./operations.js";
import { freePort, markdownTable, rewriteRoutingUrls, waitForOk } from "./support.js";
import { measureCpu, sampleRss } from "./rss.js";

const { values } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    db: { type: "string", default: "sqlite" },
    apps: { type: "string" },
    users: { type: "string" },
    acks: { type: "string" },
    grants: { type: "string" },
    seed: { type: "string", default: "42" },
    duration: { type: "string" },
    warmup: { type: "string" },
    connections: { type: "string", default: "16" },
    only: { type: "string" },
    "skip-hive": { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
  },
});

const quick = values.quick!;
const scale: Scale = {
  apps: Number(values.apps ?? (quick ? 150 : 1000)),
  users: Number(values.users ?? (quick ? 2000 : 100_000)),
  acks: Number(values.acks ?? (quick ? 20_000 : 1_000_000)),
  grants: Number(values.grants ?? (quick ? 5000 : 300_000)),
  seed: Number(values.seed),
};
const seconds = Number(values.duration ?? (quick ? 2 : 10));
const warmupSeconds = Number(values.warmup ?? (quick ? 0.5 : 2));
const connections = Number(values.connections);
const db = values.db === "postgres" ? "postgres" : values.db === "sqlite" ? "sqlite" : null;
if (!db) throw new Error(`--db must be sqlite or postgres, got ${values.db}`);

const root = findRepoRoot();
const runDir = path.join(root, "bench", "tmp", `run-${Date.now()}`);
mkdirSync(runDir, { recursive: true });
const cleanups: (() => unknown)[] = [];
const cleanup = async () => {
  for (const step of cleanups.reverse()) await step();
  if (!values.keep) rmSync(runDir, { recursive: true, force: true });
};
process.on("SIGINT", () => void cleanup().then(() => process.exit(130)));

try {
  console.log(`Portal Graph benchmark (${quick ? "quick" : "full"}, ${db}): ${JSON.stringify(scale)}`);
  const started = Date.now();
  const { env: databaseEnv, facts } = await generate(root, runDir, db, scale);
  const generationSeconds = round((Date.now() - started) / 1000);
  console.log(`data generated in ${generationSeconds} s`);

  // Production mode refuses the development issuer's /dev-issuer path, so the benchmark serves its keys elsewhere.
  const keysDir = path.join(runDir, "bench-issuer");
  const issuer = await startDevIssuer(keysDir, 0, "127.0.0.1", "/bench-issuer");
  cleanups.push(() => issuer.server.close());
  // The load generator is one client from one address: production's per-client rate limits would throttle it.
  const processEnv = {
    ...databaseEnv,
    NODE_ENV: "production",
    LOG_LEVEL: "warn",
    OIDC_ISSUER: issuer.issuer,
    RATE_LIMIT: "false",
  };

  const registry = readRegistry(root);
  const ports: Record<string, number> = { gateway: await freePort() };
  for (const entry of registry) ports[entry.name] = await freePort();
  const stack = await startStack({
    root,
    ports,
    env: processEnv,
    // Every caller proves itself to the subgraphs: our gateway, Hive (through its plugin) and the floor sign with the
    // gateway's key; the metrics reads below use the test caller's.
    callerKeysDir: path.join(runDir, "caller-keys"),
    onLine: (name, line) => {
      // Errors, and anything not a log line (a crash prints a plain stack trace).
      if (!line.startsWith("{") || /"level":(50|60)/.test(line)) console.error(`[${name}] ${line}`);
    },
  });
  cleanups.push(() => stack.stop());
  const subgraphUrls = Object.fromEntries([...stack.subgraphs.values()].map((sg) => [sg.name, sg.url]));
  const callerKeys = stack.callerKeys!;
  const gatewayKey = callerKeys.signingKey("gateway");
  const testKey = callerKeys.signingKey("test");
  const pids: Record<string, number> = { gateway: stack.gateway.child.pid! };
  for (const sg of stack.subgraphs.values()) pids[sg.name] = sg.child.pid!;

  // A second gateway of ours behind recording proxies shows which fetches each operation makes (for the floor).
  const recorder = await startRecorder(
    Object.fromEntries(Object.entries(subgraphUrls).map(([name, url]) => [name, `${url}/graphql`])),
  );
  cleanups.push(() => recorder.close());
  const capturePort = await freePort();
  const captureGateway = spawn(process.execPath, [path.join(root, "gateway", "dist", "index.js")], {
    cwd: root,
    env: {
      ...process.env,
      ...processEnv,
      PORT: String(capturePort),
      GATEWAY_PROOF_KEY_FILE: callerKeys.privateKeyFile("gateway"),
      ...Object.fromEntries(Object.entries(recorder.urls).map(([name, url]) => [subgraphUrlVariable(name), url])),
    },
    stdio: "ignore",
  });
  cleanups.push(() => captureGateway.kill());
  const captureUrl = `http://127.0.0.1:${capturePort}/graphql`;
  await waitForOk(`http://127.0.0.1:${capturePort}/ready`);

  const tokens = new Map<string, string>();
  const tokenFor = async (user: string) => {
    if (!tokens.has(user)) tokens.set(user, await mintDevToken(keysDir, issuer.issuer, { user, ttlSeconds: 6 * 3600 }));
    return tokens.get(user)!;
  };

  let hive: Awaited<ReturnType<typeof startHive>> | null = null;
  if (!values["skip-hive"]) {
    const hivePath = path.join(runDir, "supergraph.graphql");
    writeFileSync(hivePath, rewriteRoutingUrls(root, subgraphUrls));
    hive = await startHive(ensureHiveInstalled(root), hivePath, await freePort(), {
      keyFile: callerKeys.privateKeyFile("gateway"),
      kid: gatewayKey.kid,
      subgraphs: Object.fromEntries(Object.entries(subgraphUrls).map(([name, url]) => [`${url}/graphql`, name])),
    });
    cleanups.push(() => hive!.child.kill());
  }

  const results = [];
  const operations = OPERATIONS.filter((op) => !values.only || values.only.split(",").includes(op.name));
  for (const op of operations) {
    const prepare = op.prepare(facts, tokenFor);
    const requests: PreparedRequest[] = [];
    for (let i = 0; i < 1000; i++) requests.push(await prepare(i));
    const next = (i: number) => requests[i % requests.length]!;

    // Counts come from one request on a quiet stack: under load, requests still in flight at the end blur them.
    const before = await subgraphMetrics(subgraphUrls, testKey);
    await send(stack.gatewayUrl, next(0));
    const after = await subgraphMetrics(subgraphUrls, testKey);
    const delta = (name: string, key: "requests" | "sqlStatements") => after[name]![key] - before[name]![key];

    await runLoad(stack.gatewayUrl, next, warmupSeconds, connections);
    const oursRss = sampleRss(pids);
    const oursCpu = measureCpu(pids);
    const ours = await runLoad(stack.gatewayUrl, next, seconds, connections);
    const cpuMsPerRequest = oursCpu.stop(ours.requests);
    const peakRssMiB: Record<string, number | null> = oursRss.stop();

    let hiveResult: LoadResult | null = null;
    if (hive) {
      await runLoad(hive.url, next, warmupSeconds, connections);
      const hiveRss = sampleRss({ hive: hive.child.pid! });
      const hiveCpu = measureCpu({ hive: hive.child.pid! });
      hiveResult = await runLoad(hive.url, next, seconds, connections);
      cpuMsPerRequest.hive = hiveCpu.stop(hiveResult.requests).hive ?? null;
      peakRssMiB.hive = hiveRss.stop().hive ?? null;
    }

    const fetches = await capture(captureUrl, recorder, requests[0]!);
    const floor = await runFloor(fetches, seconds, connections, gatewayKey);

    const result = {
      operation: op.name,
      ours,
      hive: hiveResult,
      floor,
      // Time per operation at the same concurrency, as ratios of throughput: 2 means ours takes twice as long.
      oursOverHive: hiveResult ? round(hiveResult.requestsPerSecond / Math.max(ours.requestsPerSecond, 0.01)) : null,
      oursOverFloor: round(floor.requestsPerSecond / Math.max(ours.requestsPerSecond, 0.01)),
      fetchesInPlan: fetches.length,
      fetchesPerRequest: Object.fromEntries(Object.keys(subgraphUrls).map((name) => [name, delta(name, "requests")])),
      sqlPerRequest: Object.fromEntries(Object.keys(subgraphUrls).map((name) => [name, delta(name, "sqlStatements")])),
      peakRssMiB,
      cpuMsPerRequest,
    };
    results.push(result);
    console.log(
      `${op.name}: ours ${ours.requestsPerSecond} req/s (p50 ${ours.latencyMs.p50} ms, ${ours.errors} errors), ` +
        `hive ${hiveResult?.requestsPerSecond ?? "-"} req/s, floor ${floor.requestsPerSecond} req/s; ` +
        `gateway CPU ${cpuMsPerRequest.gateway ?? "-"} ms/request (hive ${cpuMsPerRequest.hive ?? "-"})`,
    );
  }

  const commit = execSync("git rev-parse --short HEAD", { cwd: root }).toString().trim();
  const date = new Date().toISOString().slice(0, 10);
  const machine = {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? "unknown",
    memoryGiB: round(os.totalmem() / 2 ** 30),
    node: process.version,
  };
  const report = {
    date,
    commit,
    db,
    quick,
    scale,
    seconds,
    warmupSeconds,
    connections,
    generationSeconds,
    machine,
    results,
  };
  const file = path.join(root, "bench", "results", `${date}-${commit}${quick ? "-quick" : ""}.json`);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(report, null, 2) + "\n");
  console.log(`\n${markdownTable(results)}\n\nwritten to ${path.relative(root, file)}`);
} finally {
  await cleanup();
}

/** Each subgraph's /metrics, read with the test caller's proof. */
async function subgraphMetrics(urls: Record<string, string>, key: CallerSigningKey) {
  const entries = await Promise.all(
    Object.entries(urls).map(async ([name, url]) => {
      const requestId = `bench-metrics-${Date.now()}`;
      const assertion = await signCallerAssertion(key, {
        audience: name,
        method: "GET",
        target: "/metrics",
        body: "",
        requestId,
      });
      const response = await fetch(`${url}/metrics`, {
        headers: { "x-request-id": requestId, [CALLER_ASSERTION_HEADER]: assertion },
      });
      const body = (await response.json()) as { requests: number; sqlStatements: number };
      return [name, body] as const;
    }),
  );
  return Object.fromEntries(entries);
}

/** Sends one request and waits for its whole answer. */
async function send(url: string, request: PreparedRequest): Promise<string> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...request.headers },
    body: request.body,
  });
  return response.text();
}

/** Runs one request through the capture gateway and returns the subgraph fetches it made, in order. */
async function capture(
  url: string,
  recorder: Awaited<ReturnType<typeof startRecorder>>,
  request: PreparedRequest,
): Promise<RecordedFetch[]> {
  recorder.take();
  await send(url, request);
  return recorder.take();
}
