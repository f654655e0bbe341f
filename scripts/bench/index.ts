/**
 * `npm run bench`: the portal's operations at scale, four ways: through our gateway, through Hive Gateway on the same
 * subgraphs, at the floor (our gateway's fetches for each request, with its plan's order and parallelism, and no
 * GraphQL work) and in a monolith (every domain in one process, no network between them). Each comparison is the
 * median of alternating rounds; sampled answers are checked. Writes bench/results/<date>-<commit>.json and prints a
 * Markdown table; exits non-zero when a gateway beats the floor or an answer is wrong. `--quick` runs small.
 */
import "reflect-metadata";
import { execSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { mintDevToken, startDevIssuer } from "@portal-graph/auth/dev-issuer";
import { findRepoRoot, readRegistry } from "@portal-graph/subgraph-kit/workspace";
import { startStack, subgraphUrlVariable } from "../lib/stack.js";
import { wrongAnswer } from "./answers.js";
import { captureFetches, send, startScriptServer, subgraphMetrics } from "./capture.js";
import { startRecorder, type FloorConfig } from "./floor.js";
import { generate, type Scale } from "./generate/index.js";
import { ensureHiveInstalled, startHive } from "./hive.js";
import { round, runLoad, type LoadResult } from "./load.js";
import { OPERATIONS, prepareRequests, viewersOf } from "./operations.js";
import { gatewayPlan, matchFetches, fetchesOf } from "./plan.js";
import { alternate, median, medianOfRounds, timeRatio, type RoundsResult } from "./rounds.js";
import { freePort, markdownTable, rewriteRoutingUrls } from "./support.js";
import { measureCpu, sampleRss } from "./rss.js";
import {
  checkReplicas,
  deleteRedisKeys,
  ensureHaproxy,
  startBalancer,
  startGateway,
  type Balancer,
  type Replica,
  type ReplicasReport,
} from "./replicas.js";

const USAGE = `usage: npm run bench -- [options]   (the README's Performance section; scripts/bench/README.md)

  --quick             a small, short run
  --db sqlite|postgres  the subgraphs' databases (default sqlite)
  --apps N, --population N, --acks N, --grants N   data sizes (default: the default size)
  --users N           distinct users each user-specific operation rotates through (default 1000; 1: one user)
  --seed N            the generated data's seed (default 42)
  --duration S, --warmup S   seconds of load and of warm-up per target
  --rounds N          alternating rounds per comparison, medians reported (default 3)
  --connections N     concurrent connections (default 16)
  --only a,b          only these operations (portal-home, application-detail, my-portal, launch-panel, ...)
  --skip-hive, --skip-monolith   leave a column out
  --replicas N        N gateways of ours behind HAProxy, Redis shared (default 1); then one replica stopped under
                      load (failed requests counted) and a cache-invalidation check across two cached replicas
  --keep              keep the generated databases`;

let parsed;
try {
  parsed = parseArgs({
    options: {
      help: { type: "boolean", short: "h", default: false },
      quick: { type: "boolean", default: false },
      db: { type: "string", default: "sqlite" },
      apps: { type: "string" },
      population: { type: "string" },
      users: { type: "string", default: "1000" },
      acks: { type: "string" },
      grants: { type: "string" },
      seed: { type: "string", default: "42" },
      duration: { type: "string" },
      warmup: { type: "string" },
      rounds: { type: "string" },
      connections: { type: "string", default: "16" },
      only: { type: "string" },
      "skip-hive": { type: "boolean", default: false },
      "skip-monolith": { type: "boolean", default: false },
      keep: { type: "boolean", default: false },
      replicas: { type: "string", default: "1" },
    },
  });
} catch (error) {
  console.error(`${(error as Error).message}\n\n${USAGE}`);
  process.exit(2);
}
if (parsed.values.help) {
  console.log(USAGE);
  process.exit(0);
}
const { values } = parsed;

const quick = values.quick!;
// Distinct users each user-specific operation's requests rotate through (1: the one-user shape).
const users = Number(values.users);
if (!Number.isInteger(users) || users < 1)
  throw new Error(`--users must be a whole number from 1, got ${values.users}`);
const scale: Scale = {
  apps: Number(values.apps ?? (quick ? 150 : 1000)),
  users: Number(values.population ?? (quick ? 2000 : 100_000)),
  acks: Number(values.acks ?? (quick ? 20_000 : 1_000_000)),
  grants: Number(values.grants ?? (quick ? 5000 : 300_000)),
  // As many approvers as a rotation may ask for, at least 1,000, so `--users 1` and the default meet the same data.
  approvers: Math.max(1000, users),
  seed: Number(values.seed),
};
const seconds = Number(values.duration ?? (quick ? 2 : 5));
const warmupSeconds = Number(values.warmup ?? (quick ? 0.5 : 2));
const rounds = Number(values.rounds ?? (quick ? 1 : 3));
const connections = Number(values.connections);
// The floor is the least any gateway can take; one beating it by more than the noise means the floor is wrong.
const FLOOR_TOLERANCE = 0.9;
// Gateways of ours behind a load balancer; 1: the one gateway, no balancer.
const replicaCount = Number(values.replicas);
if (!Number.isInteger(replicaCount) || replicaCount < 1)
  throw new Error(`--replicas must be a whole number from 1, got ${values.replicas}`);
// Before anything is started: a missing load balancer is installed (or the run stops) first.
const haproxy = replicaCount > 1 ? ensureHaproxy() : null;
const db = values.db === "postgres" ? "postgres" : values.db === "sqlite" ? "sqlite" : null;
if (!db) throw new Error(`--db must be sqlite or postgres, got ${values.db}`);

const root = findRepoRoot();
const runId = `run-${Date.now()}`;
const runDir = path.join(root, "bench", "tmp", runId);
// With replicas: the Redis they share, and this run's keys in it.
const redisUrl = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const redisPrefix = `portal-graph-bench:${runId}:`;
mkdirSync(runDir, { recursive: true });
const cleanups: (() => unknown)[] = [];
const cleanup = async () => {
  for (const step of cleanups.reverse()) await step();
  if (!values.keep) rmSync(runDir, { recursive: true, force: true });
};
process.on("SIGINT", () => void cleanup().then(() => process.exit(130)));
const failures: string[] = [];

try {
  console.log(
    `Portal Graph benchmark (${quick ? "quick" : "full"}, ${db}, ${users} users, ${rounds} rounds` +
      `${replicaCount > 1 ? `, ${replicaCount} replicas` : ""}): ${JSON.stringify(scale)}`,
  );
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
    // "ours" is the gateway without its response cache; the cached figures come from a gateway of their own.
    RESPONSE_CACHE: "false",
    // Replicas share Redis as production's do: the cached gateways' answers and tags, under this run's prefix.
    ...(replicaCount > 1 ? { REDIS_URL: redisUrl, RESPONSE_CACHE_REDIS_PREFIX: redisPrefix } : {}),
  };
  if (replicaCount > 1)
    cleanups.push(() => deleteRedisKeys(redisUrl, redisPrefix).catch((error: Error) => console.error(error.message)));

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
  const oursPids: Record<string, number> = { gateway: stack.gateway.child.pid! };
  for (const sg of stack.subgraphs.values()) oursPids[sg.name] = sg.child.pid!;
  // The environment of a gateway of ours over the stack's subgraphs, as the stack starts its own.
  const gatewayEnv = {
    ...processEnv,
    GATEWAY_PROOF_KEY_FILE: callerKeys.privateKeyFile("gateway"),
    ...Object.fromEntries(
      Object.entries(subgraphUrls).map(([name, url]) => [subgraphUrlVariable(name), `${url}/graphql`]),
    ),
  };

  // With replicas, "ours" is HAProxy in front of the stack's gateway (gateway-1) and N-1 more started alike.
  let oursUrl = stack.gatewayUrl;
  let balancer: Balancer | null = null;
  const replicas: Replica[] = [];
  if (replicaCount > 1) {
    for (let i = 2; i <= replicaCount; i++) {
      const replica = await startGateway(root, `gateway-${i}`, gatewayEnv);
      cleanups.push(() => replica.child.kill());
      replicas.push(replica);
    }
    const servers = [{ name: "gateway-1", port: stack.gateway.port }, ...replicas];
    balancer = await startBalancer(haproxy!, runDir, servers);
    cleanups.push(() => balancer!.child.kill());
    oursUrl = balancer.url;
    delete oursPids.gateway;
    oursPids["gateway-1"] = stack.gateway.child.pid!;
    for (const replica of replicas) oursPids[replica.name] = replica.child.pid!;
    oursPids.haproxy = balancer.child.pid!;
    console.log(`${replicaCount} gateways of ours behind HAProxy at ${balancer.url}`);
  }

  // A second gateway of ours behind recording proxies shows which fetches each request makes (for the floor).
  const recorder = await startRecorder(
    Object.fromEntries(Object.entries(subgraphUrls).map(([name, url]) => [name, `${url}/graphql`])),
  );
  cleanups.push(() => recorder.close());
  const captureGateway = await startGateway(root, "capture-gateway", {
    ...gatewayEnv,
    // Every fetch of every request recorded: none shared between concurrent captures.
    DEDUPLICATE_SUBGRAPH_QUERIES: "false",
    ...Object.fromEntries(Object.entries(recorder.urls).map(([name, url]) => [subgraphUrlVariable(name), url])),
  });
  cleanups.push(() => captureGateway.child.kill());
  const captureUrl = captureGateway.url;

  // The same gateway with its response cache on (in memory; in Redis with --replicas), over the same subgraphs: for
  // operations all public.
  const cachedGateway = await startGateway(root, "cached-gateway", { ...gatewayEnv, RESPONSE_CACHE: "true" });
  cleanups.push(() => cachedGateway.child.kill());
  const cachedUrl = cachedGateway.url;
  // Its own name, so its peak RSS is not mixed with our uncached gateway's.
  const cachedPids = { "cached-gateway": cachedGateway.child.pid! };

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

  let monolith: Awaited<ReturnType<typeof startScriptServer>> | null = null;
  if (!values["skip-monolith"]) {
    monolith = await startScriptServer(root, path.join(root, "scripts", "bench", "monolith-server.ts"), [], {
      ...processEnv,
      OIDC_ISSUER: issuer.issuer,
    });
    cleanups.push(() => monolith!.child.kill());
  }

  const supergraphSdl = readFileSync(path.join(root, "schema", "supergraph.graphql"), "utf8");
  const results = [];
  const operations = OPERATIONS.filter((op) => !values.only || values.only.split(",").includes(op.name));
  for (const op of operations) {
    const viewers = viewersOf(op, facts, users);
    const requests = await prepareRequests(op, facts, viewers, Math.max(1000, users), tokenFor);
    const next = (i: number) => requests[i % requests.length]!;
    // A public operation is also measured signed in, rotating through the users, with and without the cache.
    const signedInViewers =
      op.cached && op.viewers === "anonymous" ? viewersOf({ ...op, viewers: "users" }, facts, users) : [];
    const signedInRequests =
      signedInViewers.length > 0
        ? await prepareRequests(op, facts, signedInViewers, Math.max(1000, users), tokenFor)
        : null;
    const nextSignedIn = (i: number) => signedInRequests![i % signedInRequests!.length]!;

    // Counts come from one request on a quiet stack: under load, requests still in flight at the end blur them.
    const before = await subgraphMetrics(subgraphUrls, testKey);
    const firstAnswer = await send(oursUrl, next(0));
    const after = await subgraphMetrics(subgraphUrls, testKey);
    const delta = (name: string, key: "requests" | "sqlStatements") => after[name]![key] - before[name]![key];

    // The floor: our gateway's plan, and the fetches it made for each distinct request, served by its own process.
    const plan = gatewayPlan(
      supergraphSdl,
      readFileSync(path.join(root, "scripts", "bench", "operations", `${op.name}.graphql`), "utf8"),
    );
    const { captures, captureOf } = await captureFetches(captureUrl, recorder, requests);
    const floorConfig: FloorConfig = {
      plan,
      captures: captures.map((recorded) => [...matchFetches(plan, recorded)]),
      captureOf,
    };
    const floorFile = path.join(runDir, `floor-${op.name}.json`);
    writeFileSync(
      floorFile,
      JSON.stringify({
        ...floorConfig,
        urls: Object.fromEntries(Object.entries(subgraphUrls).map(([name, url]) => [name, `${url}/graphql`])),
        keyFile: callerKeys.privateKeyFile("gateway"),
      }),
    );
    const floor = await startScriptServer(
      root,
      path.join(root, "scripts", "bench", "floor-server.ts"),
      [floorFile],
      {},
    );

    const targets: Record<string, { url: string; pids: Record<string, number>; next?: typeof next }> = {
      ours: { url: oursUrl, pids: oursPids },
      ...(hive ? { hive: { url: hive.url, pids: { hive: hive.child.pid! } } } : {}),
      floor: { url: floor.url, pids: { floor: floor.child.pid! } },
      ...(monolith ? { monolith: { url: monolith.url, pids: { monolith: monolith.child.pid! } } } : {}),
      ...(op.cached ? { cached: { url: cachedUrl, pids: cachedPids } } : {}),
      ...(signedInRequests
        ? {
            // Named apart, so the signed-in rounds' CPU per request does not overwrite the anonymous rounds'.
            oursSignedIn: { url: oursUrl, pids: renamed(oursPids, "signed-in"), next: nextSignedIn },
            cachedSignedIn: { url: cachedUrl, pids: renamed(cachedPids, "signed-in"), next: nextSignedIn },
          }
        : {}),
    };
    // A wrong answer stops the run before any figure is taken: nothing fast and wrong gets into the table.
    for (const [name, target] of Object.entries(targets)) {
      const request = (target.next ?? next)(0);
      const reason = wrongAnswer(op.answer, name === "ours" ? firstAnswer : await send(target.url, request));
      if (reason) throw new Error(`${op.name}: ${name} answers wrongly (${reason}); no figures are taken`);
    }

    const measured = await alternate(Object.keys(targets), rounds, async (name, r) => {
      const { url, pids, next: nextOf = next } = targets[name]!;
      if (r === 0) await runLoad(url, nextOf, warmupSeconds, connections, op.answer);
      const rss = sampleRss(pids);
      const cpu = measureCpu(pids);
      const load: LoadResult = await runLoad(url, nextOf, seconds, connections, op.answer);
      return { load, rss: rss.stop(), cpu: cpu.stop(load.requests) };
    });
    floor.child.kill();

    const combined = (name: string) => {
      const runs = measured.get(name);
      return runs ? medianOfRounds(runs.map((run) => run.load)) : null;
    };
    const peakRssMiB: Record<string, number | null> = {};
    const cpuMsPerRequest: Record<string, number | null> = {};
    for (const runs of measured.values()) {
      // A process's peak over every target it served (the signed-in rounds' names say which rounds, not which process).
      for (const name of Object.keys(runs[0]!.rss)) {
        const owner = name.replace(/-signed-in$/, "");
        peakRssMiB[owner] = Math.max(peakRssMiB[owner] ?? 0, ...runs.map((run) => run.rss[name] ?? 0));
      }
      for (const name of Object.keys(runs[0]!.cpu)) {
        const perRound = runs.map((run) => run.cpu[name]).filter((value): value is number => value != null);
        cpuMsPerRequest[name] = perRound.length ? round(median(perRound)) : null;
      }
    }
    const ours = combined("ours")!;
    const floorResult = combined("floor")!;
    const hiveResult = combined("hive");
    const monolithResult = combined("monolith");
    const cachedResult = combined("cached");
    const oursSignedIn = combined("oursSignedIn");
    const cachedSignedIn = combined("cachedSignedIn");
    // Throughput with the response cache over throughput without, on the same run.
    const speedup = (x: RoundsResult | null, y: RoundsResult | null) =>
      x && y && y.requestsPerSecond > 0 ? round(x.requestsPerSecond / y.requestsPerSecond) : null;
    // Time per operation at the same concurrency, round by round (timeRatio): 2 means x takes twice as long as y.
    const timeOver = (x: RoundsResult | null, y: RoundsResult | null) =>
      x && y ? timeRatio(x.rounds, y.rounds) : null;
    const result = {
      operation: op.name,
      users: viewers.length,
      ours,
      hive: hiveResult,
      floor: floorResult,
      monolith: monolithResult,
      cached: cachedResult,
      cachedOverOurs: speedup(cachedResult, ours),
      signedIn: signedInRequests
        ? {
            users: signedInViewers.length,
            ours: oursSignedIn,
            cached: cachedSignedIn,
            cachedOverOurs: speedup(cachedSignedIn, oursSignedIn),
          }
        : null,
      oursOverHive: timeOver(ours, hiveResult),
      oursOverFloor: timeOver(ours, floorResult)!,
      hiveOverFloor: timeOver(hiveResult, floorResult),
      oursOverMonolith: timeOver(ours, monolithResult),
      fetchesInPlan: fetchesOf(plan).length,
      distinctRequests: captures.length,
      fetchesPerRequest: Object.fromEntries(Object.keys(subgraphUrls).map((name) => [name, delta(name, "requests")])),
      sqlPerRequest: Object.fromEntries(Object.keys(subgraphUrls).map((name) => [name, delta(name, "sqlStatements")])),
      peakRssMiB,
      cpuMsPerRequest,
    };
    results.push(result);
    checkResult(result);
    console.log(
      `${op.name} (${viewers.length} users): ours ${ours.requestsPerSecond} req/s (p99 ${ours.latencyMs.p99} ms, ` +
        `${ours.errors} errors), hive ${hiveResult?.requestsPerSecond ?? "-"}, floor ${floorResult.requestsPerSecond}, ` +
        `monolith ${monolithResult?.requestsPerSecond ?? "-"} req/s (medians of ${rounds} rounds)`,
    );
    if (cachedResult) {
      console.log(
        `${op.name} with the response cache: anonymous ${cachedResult.requestsPerSecond} req/s ` +
          `(${result.cachedOverOurs}x ours)` +
          (result.signedIn
            ? `, signed in (${result.signedIn.users} users) ${cachedSignedIn?.requestsPerSecond} req/s ` +
              `(${result.signedIn.cachedOverOurs}x ours signed in, ${oursSignedIn?.requestsPerSecond} req/s)`
            : ""),
      );
    }
  }

  // With replicas: one replica stopped in the middle of a load run (killed, then drained), and a write through one
  // cached replica that must evict what another had cached.
  let replicasReport: ReplicasReport | null = null;
  if (balancer) {
    const op = operations.find((candidate) => candidate.name === "my-portal") ?? operations[0]!;
    replicasReport = await checkReplicas({
      root,
      balancer,
      replica: replicas.at(-1)!,
      operation: op,
      requests: await prepareRequests(op, facts, viewersOf(op, facts, users), Math.max(1000, users), tokenFor),
      seconds,
      connections,
      cachedUrl,
      cachedEnv: { ...gatewayEnv, RESPONSE_CACHE: "true" },
      adminToken: await tokenFor("carol"),
      runId,
      failures,
    });
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
    users,
    rounds,
    seconds,
    warmupSeconds,
    connections,
    generationSeconds,
    machine,
    results,
    ...(replicasReport ? { replicas: replicasReport } : {}),
    failures,
  };
  // Runs of one commit on one day differ by name wherever they differ from the default run.
  const suffix = [
    quick ? "-quick" : "",
    users === 1 ? "-one-user" : users !== 1000 ? `-users${users}` : "",
    db === "postgres" ? "-postgres" : "",
    ...(["apps", "population", "acks", "grants"] as const).map((size) =>
      values[size] ? `-${size}${values[size]}` : "",
    ),
    replicaCount > 1 ? `-replicas${replicaCount}` : "",
    values.only ? `-only-${values.only.split(",").join("-")}` : "",
  ].join("");
  const file = path.join(root, "bench", "results", `${date}-${commit}${suffix}.json`);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(report, null, 2) + "\n");
  console.log(
    `\n${markdownTable(results)}\n\nmedians of ${rounds} alternating rounds; written to ${path.relative(root, file)}`,
  );
} finally {
  await cleanup();
}

if (failures.length > 0) {
  console.error(`\nBENCHMARK FAILED:\n${failures.map((failure) => `  - ${failure}`).join("\n")}`);
  process.exitCode = 1;
}

/** The same processes under other names: `gateway` becomes `gateway-signed-in`. */
function renamed(pids: Record<string, number>, suffix: string): Record<string, number> {
  return Object.fromEntries(Object.entries(pids).map(([name, pid]) => [`${name}-${suffix}`, pid]));
}

/** Notes what makes a result untrustworthy: a gateway faster than the floor, or a wrong answer under load. */
function checkResult(result: {
  operation: string;
  oursOverFloor: number;
  hiveOverFloor: number | null;
  ours: LoadResult;
  hive: LoadResult | null;
  floor: LoadResult;
  monolith: LoadResult | null;
  cached: LoadResult | null;
  signedIn: { ours: LoadResult | null; cached: LoadResult | null } | null;
}) {
  for (const [name, ratio] of [
    ["our gateway", result.oursOverFloor],
    ["Hive Gateway", result.hiveOverFloor],
  ] as const) {
    if (ratio !== null && ratio < FLOOR_TOLERANCE)
      failures.push(
        `${result.operation}: ${name} beat the floor (time ratio ${ratio} < ${FLOOR_TOLERANCE}): the floor is not a floor`,
      );
  }
  const checked: [string, LoadResult | null][] = [
    ["ours", result.ours],
    ["hive", result.hive],
    ["floor", result.floor],
    ["monolith", result.monolith],
    ["cached", result.cached],
    ["ours signed in", result.signedIn?.ours ?? null],
    ["cached signed in", result.signedIn?.cached ?? null],
  ];
  for (const [name, load] of checked) {
    const answers = load?.answers;
    if (answers && answers.wrong > 0)
      failures.push(
        `${result.operation}: ${name} gave ${answers.wrong} wrong answers of ${answers.checked} checked (${answers.firstWrong})`,
      );
  }
}
