/**
 * `--replicas N`: several gateway processes of ours behind HAProxy (Debian's package, installed when missing), with
 * PostgreSQL and Redis shared; a run that stops one replica under load and counts failed requests; and a check that
 * a write through one cached replica evicts the answer another replica had cached.
 */
import { execFileSync, execSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import path from "node:path";
import { GATEWAY_NODE_FLAGS } from "../lib/stack.js";
import type { AnswerShape } from "./answers.js";
import type { Operation } from "./operations.js";
import { runLoad, type PreparedRequest } from "./load.js";
import { freePort, waitForOk } from "./support.js";

/** A gateway process of ours, started again on its port by `restart`. */
export interface Replica {
  name: string;
  port: number;
  url: string;
  child: ChildProcess;
  restart(): Promise<void>;
}

/** Starts a gateway of ours (gateway/dist) on a free port with `env` on top of this process's; resolves when ready. */
export async function startGateway(root: string, name: string, env: NodeJS.ProcessEnv): Promise<Replica> {
  const port = await freePort();
  const replica: Replica = {
    name,
    port,
    url: `http://127.0.0.1:${port}/graphql`,
    child: null as unknown as ChildProcess,
    async restart() {
      replica.child = spawn(process.execPath, [...GATEWAY_NODE_FLAGS, path.join(root, "gateway", "dist", "index.js")], {
        cwd: root,
        env: { ...process.env, ...env, PORT: String(port) },
        stdio: "ignore",
      });
      await waitForOk(`http://127.0.0.1:${port}/ready`);
    },
  };
  await replica.restart();
  return replica;
}

/** What the balancer's configuration needs: where it listens, the gateways it spreads over, its stats socket. */
export interface BalancerOptions {
  port: number;
  servers: { name: string; port: number }[];
  statsSocket: string;
}

/**
 * HAProxy's configuration: round robin over the gateways with keep-alive to them; each checked on GET /ready every
 * 500 ms and out after one failed check (a draining gateway answers 503); a request that could not be sent, or got
 * no answer because its gateway died under it, or a 503, is sent again to another gateway (L7 retries, up to 3).
 * A 500 is not retried, so a gateway's own failures still show. Replaying is safe for queries; a mutation whose
 * gateway died mid-request may be replayed (the bench's `acknowledge` is idempotent).
 */
export function haproxyConfig({ port, servers, statsSocket }: BalancerOptions): string {
  return [
    "global",
    `  stats socket ${statsSocket} mode 600 level admin`,
    "  maxconn 4096",
    "",
    "defaults",
    "  mode http",
    "  option http-keep-alive",
    "  timeout connect 1s",
    "  timeout client 30s",
    "  timeout server 30s",
    "  timeout http-keep-alive 10s",
    "  timeout check 1s",
    "  retries 3",
    "  option redispatch 1",
    "  retry-on conn-failure empty-response junk-response response-timeout 503",
    "",
    "frontend bench",
    `  bind 127.0.0.1:${port}`,
    "  default_backend gateways",
    "",
    "backend gateways",
    "  balance roundrobin",
    "  option httpchk GET /ready",
    "  http-check expect status 200",
    "  default-server check inter 500ms fastinter 250ms downinter 500ms fall 1 rise 2",
    ...servers.map((server) => `  server ${server.name} 127.0.0.1:${server.port}`),
    "",
  ].join("\n");
}

/** One row of HAProxy's `show stat`, by column name. */
export type StatRow = Record<string, string>;

/** Parses HAProxy's `show stat` CSV (a "# pxname,svname,..." header, then a row per proxy and server). */
export function parseStat(csv: string): StatRow[] {
  const [header, ...lines] = csv.trim().split("\n");
  if (!header?.startsWith("# ")) throw new Error(`not HAProxy's show stat: ${csv.slice(0, 80)}`);
  const columns = header.slice(2).split(",");
  return lines
    .filter((line) => line.trim())
    .map((line) => {
      const fields = line.split(",");
      return Object.fromEntries(columns.filter(Boolean).map((column, i) => [column, fields[i] ?? ""]));
    });
}

/** The haproxy binary: on PATH or in /usr/sbin, else installed from Debian's package (saying so). */
export function ensureHaproxy(): string {
  const found = ["haproxy", "/usr/sbin/haproxy"].find((candidate) => {
    try {
      execFileSync(candidate, ["-v"], { stdio: "ignore" });
      return true;
    } catch {
      return false;
    }
  });
  if (found) return found;
  console.log("haproxy is not installed: running apt-get install -y haproxy");
  try {
    execSync("apt-get install -y haproxy", { stdio: "inherit" });
  } catch {
    // Package lists never fetched on this machine: fetch them once, then install.
    try {
      execSync("apt-get update && apt-get install -y haproxy", { stdio: "inherit" });
    } catch {
      throw new Error(
        "--replicas needs HAProxy: install Debian's haproxy package (apt-get install haproxy), then run again",
      );
    }
  }
  return existsSync("/usr/sbin/haproxy") ? "/usr/sbin/haproxy" : "haproxy";
}

/** HAProxy in the foreground in front of `servers`, its configuration in `dir`; resolves when every server is up. */
export async function startBalancer(binary: string, dir: string, servers: { name: string; port: number }[]) {
  const port = await freePort();
  const statsSocket = path.join(dir, "haproxy.sock");
  const configFile = path.join(dir, "haproxy.cfg");
  writeFileSync(configFile, haproxyConfig({ port, servers, statsSocket }));
  const child = spawn(binary, ["-db", "-f", configFile], { stdio: ["ignore", "ignore", "pipe"] });
  child.stderr!.on("data", (data: Buffer) => {
    // Server state changes are expected when a replica is stopped; anything else is worth seeing.
    for (const line of data.toString().split("\n"))
      if (line.trim() && !/is (UP|DOWN)|backend .* has no server/.test(line)) console.error(`[haproxy] ${line}`);
  });
  const stats = async () => parseStat(await statsCommand(statsSocket, "show stat"));
  const balancer = {
    url: `http://127.0.0.1:${port}/graphql`,
    servers,
    /** "HAProxy version 2.6.12-1+deb12u4 ...", its first line of -v. */
    version: execFileSync(binary, ["-v"]).toString().split("\n")[0]!.trim(),
    child,
    stats,
    /** Retries and redispatches of the gateways' backend so far. */
    async retries() {
      const backend = (await stats()).find((row) => row.pxname === "gateways" && row.svname === "BACKEND");
      return { retries: Number(backend?.wretr ?? 0), redispatches: Number(backend?.wredis ?? 0) };
    },
    /** Resolves when HAProxy's checks find every gateway UP. */
    async waitUntilUp(timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        try {
          const rows = (await stats()).filter((row) => row.pxname === "gateways" && row.svname !== "BACKEND");
          if (rows.length === servers.length && rows.every((row) => row.status === "UP")) return;
        } catch {
          // not listening yet
        }
        if (child.exitCode !== null) throw new Error(`haproxy exited with code ${child.exitCode}`);
        if (Date.now() > deadline) throw new Error(`haproxy did not see every gateway up within ${timeoutMs} ms`);
        await sleep(100);
      }
    },
  };
  await balancer.waitUntilUp();
  return balancer;
}

export type Balancer = Awaited<ReturnType<typeof startBalancer>>;

/** Sends one command to HAProxy's stats socket and returns its answer. */
function statsCommand(socketPath: string, command: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(socketPath);
    let answer = "";
    socket.setTimeout(2000, () => socket.destroy(new Error("the haproxy stats socket did not answer")));
    socket.on("connect", () => socket.write(`${command}\n`));
    socket.on("data", (data) => (answer += data.toString()));
    socket.on("end", () => resolve(answer));
    socket.on("error", reject);
  });
}

/** A Redis command in RESP, the protocol's array of bulk strings. */
export function respCommand(args: string[]): string {
  return `*${args.length}\r\n${args.map((arg) => `$${Buffer.byteLength(arg)}\r\n${arg}\r\n`).join("")}`;
}

// Deletes the keys matching ARGV[1] and answers how many.
const DELETE_MATCHING = `local n = 0
for _, key in ipairs(redis.call("KEYS", ARGV[1])) do redis.call("DEL", key) n = n + 1 end
return n`;

/** Deletes this run's keys (the response cache's eviction count has no expiry); resolves with how many. */
export function deleteRedisKeys(url: string, prefix: string): Promise<number> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port || 6379) });
    socket.setTimeout(2000, () => socket.destroy(new Error(`Redis at ${url} did not answer`)));
    socket.once("connect", () => socket.write(respCommand(["EVAL", DELETE_MATCHING, "0", `${prefix}*`])));
    socket.once("data", (data) => {
      socket.end();
      const reply = data.toString();
      if (reply.startsWith(":")) resolve(Number(reply.slice(1).trim()));
      else reject(new Error(`Redis answered ${reply.trim()}`));
    });
    socket.once("error", reject);
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What stopping a replica in the middle of a load run did to the clients of the balancer. */
export interface ReplicaStopResult {
  operation: string;
  signal: "SIGKILL" | "SIGTERM";
  replica: string;
  seconds: number;
  requests: number;
  /** Non-2xx, transport errors, timeouts and answers with GraphQL errors, as autocannon's counters and ours say. */
  failed: number;
  non2xx: number;
  transportErrors: number;
  timeouts: number;
  graphqlErrors: number;
  answersChecked: number;
  wrongAnswers: number;
  /** How long the replica took to exit after the signal (a SIGTERM drains first). */
  exitMs: number;
  /** Requests HAProxy sent again (to the same or, redispatched, another gateway) during the run. */
  balancerRetries: number;
  balancerRedispatches: number;
  /** The replica was started again afterwards and is back in the balancer. */
  restarted: boolean;
}

/**
 * Load through the balancer for `seconds`; at the midpoint `signal` goes to `replica`. Afterwards the replica is
 * started again and the balancer waited on until it is back.
 */
export async function stopReplicaUnderLoad(options: {
  operation: string;
  balancer: Balancer;
  replica: Replica;
  signal: "SIGKILL" | "SIGTERM";
  next: (i: number) => PreparedRequest;
  seconds: number;
  connections: number;
  answer: AnswerShape;
}): Promise<ReplicaStopResult> {
  const { balancer, replica, signal } = options;
  const before = await balancer.retries();
  const load = runLoad(balancer.url, options.next, options.seconds, options.connections, options.answer);
  await sleep((options.seconds * 1000) / 2);
  const exited = new Promise<void>((resolve) => replica.child.once("exit", () => resolve()));
  const signalled = Date.now();
  replica.child.kill(signal);
  await exited;
  const exitMs = Date.now() - signalled;
  const result = await load;
  const after = await balancer.retries();
  await replica.restart();
  await balancer.waitUntilUp();
  const kinds = result.errorKinds!;
  return {
    operation: options.operation,
    signal,
    replica: replica.name,
    seconds: options.seconds,
    requests: result.requests,
    failed: result.errors,
    non2xx: kinds.non2xx,
    transportErrors: kinds.transport,
    timeouts: kinds.timeouts,
    graphqlErrors: kinds.graphqlErrors,
    answersChecked: result.answers.checked,
    wrongAnswers: result.answers.wrong,
    exitMs,
    balancerRetries: after.retries - before.retries,
    balancerRedispatches: after.redispatches - before.redispatches,
    restarted: true,
  };
}

/** The outcome of the cross-replica cache-invalidation check. */
export interface InvalidationResult {
  checked: boolean;
  /** Replica A answered the cached copy after the write through replica B: the cache failed. */
  staleAfterWrite: boolean;
  operation: string;
  application: string;
  /** A's answer carried `age` (came from the cache) before the write, and how many tries that took. */
  cachedBeforeWrite: boolean;
  triesUntilCached: number;
  /** A's first answer after the write carried `age`: served from a cache entry (must then hold the new name). */
  cachedAfterWrite: boolean;
  /** The old name was written back through B, and A showed it at once. */
  restored: boolean;
  restoreSeenAtOnce: boolean;
}

interface HomeAnswer {
  data?: { applications?: { nodes?: { id: string; name: string }[] } };
  errors?: unknown[];
}

const RENAME = `mutation BenchRename($input: UpdateApplicationInput!) {
  updateApplication(input: $input) { application { id name } userErrors { code message } } }`;

/**
 * Two cached gateways sharing Redis: the portal home through A until A answers it from the cache, a rename of the
 * first application on it through B (as `adminToken`'s user, a portal admin), then the portal home through A again,
 * which must show the new name. The old name is written back the same way.
 */
export async function checkInvalidation(options: {
  a: string;
  b: string;
  homeQuery: string;
  adminToken: string;
  runId: string;
}): Promise<InvalidationResult> {
  const { a, b, homeQuery, adminToken } = options;
  const home = async (url: string) => {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: homeQuery }),
    });
    const body = (await response.json()) as HomeAnswer;
    if (body.errors || !body.data?.applications?.nodes?.length)
      throw new Error(`the portal home through ${url} answered wrongly: ${JSON.stringify(body).slice(0, 200)}`);
    return { nodes: body.data.applications.nodes, cached: response.headers.get("age") !== null };
  };
  const rename = async (id: string, name: string) => {
    const response = await fetch(b, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${adminToken}` },
      body: JSON.stringify({ query: RENAME, variables: { input: { id, name } } }),
    });
    const body = (await response.json()) as {
      data?: { updateApplication?: { userErrors: unknown[] } };
      errors?: unknown[];
    };
    const userErrors = body.data?.updateApplication?.userErrors;
    if (body.errors || !userErrors || userErrors.length > 0)
      throw new Error(`the rename through the second replica was refused: ${JSON.stringify(body).slice(0, 300)}`);
  };

  // The portal home's openNow is cached only until the minute ends: start with at least 15 s of it left, so a copy
  // lapsing on its own cannot pass for an eviction.
  const intoMinute = Date.now() % 60_000;
  if (intoMinute > 45_000) await sleep(60_000 - intoMinute + 100);

  let tries = 0;
  let before = await home(a);
  while (!before.cached && tries < 20) {
    tries += 1;
    await sleep(50);
    before = await home(a);
  }
  if (!before.cached) throw new Error("the first replica never answered the portal home from its cache");
  const { id, name } = before.nodes[0]!;
  const renamed = `${name} (bench ${options.runId})`;
  await rename(id, renamed);
  const after = await home(a);
  const shown = after.nodes.find((node) => node.id === id)?.name;
  await rename(id, name);
  const restoredAnswer = await home(a);
  return {
    checked: true,
    staleAfterWrite: shown !== renamed,
    operation: "portal-home",
    application: id,
    cachedBeforeWrite: before.cached,
    triesUntilCached: tries + 1,
    cachedAfterWrite: after.cached,
    restored: true,
    restoreSeenAtOnce: restoredAnswer.nodes.find((node) => node.id === id)?.name === name,
  };
}

/** The `replicas` section of the results. */
export interface ReplicasReport {
  count: number;
  /** HAProxy's version line. */
  balancer: string;
  replicaStop: ReplicaStopResult[];
  invalidation: InvalidationResult | { checked: false; error: string };
}

/**
 * The checks of a replicas run, after the table: `replica` stopped in the middle of a load run of `operation`
 * through the balancer, with SIGKILL and then SIGTERM (started again after each), and the cross-replica eviction
 * check between the cached gateway and a second one started alike. What fails is pushed into `failures`.
 */
export async function checkReplicas(options: {
  root: string;
  balancer: Balancer;
  replica: Replica;
  operation: Operation;
  requests: PreparedRequest[];
  seconds: number;
  connections: number;
  cachedUrl: string;
  cachedEnv: NodeJS.ProcessEnv;
  adminToken: string;
  runId: string;
  failures: string[];
}): Promise<ReplicasReport> {
  const { operation: op, requests, seconds, failures } = options;
  const replicaStop: ReplicaStopResult[] = [];
  for (const signal of ["SIGKILL", "SIGTERM"] as const) {
    const stopped = await stopReplicaUnderLoad({
      operation: op.name,
      balancer: options.balancer,
      replica: options.replica,
      signal,
      next: (i) => requests[i % requests.length]!,
      seconds,
      connections: options.connections,
      answer: op.answer,
    });
    replicaStop.push(stopped);
    console.log(
      `replica stop (${signal} to ${stopped.replica} at ${seconds / 2} s of ${seconds} s of ${op.name}): ` +
        `FAILED REQUESTS ${stopped.failed} of ${stopped.requests} (non-2xx ${stopped.non2xx}, ` +
        `transport ${stopped.transportErrors}, timeouts ${stopped.timeouts}, GraphQL errors ${stopped.graphqlErrors}), ` +
        `wrong answers ${stopped.wrongAnswers} of ${stopped.answersChecked} checked; exited in ${stopped.exitMs} ms; ` +
        `HAProxy retried ${stopped.balancerRetries}, redispatched ${stopped.balancerRedispatches}; restarted`,
    );
    if (stopped.failed > 0 || stopped.wrongAnswers > 0)
      failures.push(
        `replica stop (${signal}): ${stopped.failed} failed requests and ${stopped.wrongAnswers} wrong answers ` +
          "through the load balancer",
      );
  }

  let invalidation: InvalidationResult | { checked: false; error: string };
  const second = await startGateway(options.root, "cached-gateway-2", options.cachedEnv);
  try {
    invalidation = await checkInvalidation({
      a: options.cachedUrl,
      b: second.url,
      homeQuery: readFileSync(path.join(options.root, "scripts", "bench", "operations", "portal-home.graphql"), "utf8"),
      adminToken: options.adminToken,
      runId: options.runId,
    });
    console.log(
      "cache invalidation across replicas: a write through one cached gateway, then the portal home through the " +
        `other: ${invalidation.staleAfterWrite ? "STALE (the cached copy)" : "fresh (the write shows)"}`,
    );
    if (invalidation.staleAfterWrite)
      failures.push("cache invalidation: a cached replica answered stale after a write through another");
    else if (!invalidation.restoreSeenAtOnce)
      failures.push("cache invalidation: a cached replica answered stale after the old name was written back");
  } catch (error) {
    invalidation = { checked: false, error: (error as Error).message };
    failures.push(`cache invalidation could not be checked: ${invalidation.error}`);
  } finally {
    second.child.kill();
  }
  return { count: options.balancer.servers.length, balancer: options.balancer.version, replicaStop, invalidation };
}
