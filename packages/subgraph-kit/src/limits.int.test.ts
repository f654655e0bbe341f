import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { CALLER_ASSERTION_HEADER, ensureDevCallerKeys, loadCallerTrust, signCallerAssertion } from "@portal-graph/auth";
import { createLogger } from "@portal-graph/http-kit";
import { Arg, Ctx, Directive, Field, ID, Int, ObjectType, Query, Resolver } from "type-graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SubgraphContext } from "./context.js";
import { openDatabase } from "./database.js";
import { buildFederatedSchema } from "./federation.js";
import { loadSubgraphLimits } from "./limits.js";
import { currentRequest } from "./request-scope.js";
import { createSubgraphServer, type SubgraphDefinition, type SubgraphServer } from "./subgraph.js";
import { createTestDatabase, testDatabaseKinds } from "./testing/databases.js";

const kinds = await testDatabaseKinds();

// Called over HTTP as the gateway calls it: with a proof signed by a key the subgraph trusts (docs/adr/0003).
const keysDir = mkdtempSync(path.join(os.tmpdir(), "probes-keys-"));
afterAll(() => rmSync(keysDir, { recursive: true, force: true }));
const keys = ensureDevCallerKeys(keysDir);
const callerTrust = loadCallerTrust({ TRUSTED_CALLER_KEYS: keys.trustedCallerKeys });

/** The headers that prove a POST of this body to /graphql comes from the gateway. */
async function proof(body: string): Promise<Record<string, string>> {
  const requestId = `probe-${Math.random().toString(36).slice(2)}`;
  const assertion = await signCallerAssertion(keys.signingKey("gateway"), {
    audience: "probes",
    method: "POST",
    target: "/graphql",
    body,
    requestId,
  });
  return { "x-request-id": requestId, [CALLER_ASSERTION_HEADER]: assertion };
}

@ObjectType()
@Directive('@key(fields: "id")')
class Probe {
  @Field(() => ID)
  id!: string;

  @Field(() => [Probe])
  @Directive("@listSize(assumedSize: 2)")
  children!: Probe[];
}

const probe = (id: string): Probe => ({ id, children: [{ id: `${id}.a`, children: [] }] }) as Probe;

/** The request that outlives its caller: whether it is waiting yet, and what its next statement did. */
const outliving = { waiting: false, outcome: Promise.resolve("none") };

@Resolver()
class ProbeResolver {
  @Query(() => [Probe])
  probes(@Arg("first", () => Int) first: number): Probe[] {
    return Array.from({ length: first }, (_, i) => probe(`p${i}`));
  }

  /** Runs `count` statements, one after another. */
  @Query(() => Int)
  async statements(@Arg("count", () => Int) count: number, @Ctx() { dataSource }: SubgraphContext): Promise<number> {
    for (let i = 0; i < count; i++) await dataSource.query("SELECT 1");
    return count;
  }

  /** Waits until its caller has gone, then tries one more statement. */
  @Query(() => Int)
  async outlivesCaller(@Ctx() { dataSource }: SubgraphContext): Promise<number> {
    const signal = currentRequest()!.signal!;
    let settle: (outcome: string) => void = () => undefined;
    outliving.outcome = new Promise((resolve) => (settle = resolve));
    outliving.waiting = true;
    await new Promise((resolve) => signal.addEventListener("abort", resolve, { once: true }));
    try {
      await dataSource.query("SELECT 1");
      settle("ran");
    } catch (error) {
      settle((error as { extensions?: { code?: string } }).extensions?.code ?? "failed");
    }
    return 1;
  }
}

const definition: SubgraphDefinition = {
  name: "probes",
  entities: [],
  migrations: [],
  buildSchema: () =>
    buildFederatedSchema({
      resolvers: [ProbeResolver],
      orphanedTypes: [Probe],
      references: { Probe: (reference) => probe((reference as unknown as { id: string }).id) },
    }),
  createLoaders: () => ({}),
  seed: async () => 0,
  isEmpty: async () => true,
};

interface Answer {
  status: number;
  sql: number;
  body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

describe.each(kinds)("a subgraph's own limits on %s, called directly", (kind) => {
  let server: SubgraphServer;
  let url: string;
  let drop: () => Promise<void>;
  let close: () => Promise<void>;

  async function post(query: string, variables?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
    const body = JSON.stringify({ query, variables });
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers, ...(await proof(body)) },
      body,
    });
    return {
      status: response.status,
      sql: Number(response.headers.get("x-sql-statements")),
      body: (await response.json()) as Answer["body"],
    };
  }

  const limitOf = (answer: Answer) => answer.body.errors?.[0]?.extensions;

  beforeAll(async () => {
    const database = await createTestDatabase(kind, "probes");
    drop = database.drop;
    const logger = createLogger("probes", { level: "silent" });
    const dataSource = await openDatabase({ target: database.target, entities: [], migrations: [], logger });
    const limits = loadSubgraphLimits({
      SUBGRAPH_MAX_DEPTH: "3",
      SUBGRAPH_MAX_COST: "30",
      SUBGRAPH_MAX_ENTITIES: "4",
      SUBGRAPH_MAX_SQL_STATEMENTS: "5",
    });
    server = await createSubgraphServer(definition, dataSource, { logger, limits, callerTrust });
    url = `http://127.0.0.1:${await server.start(0, "127.0.0.1")}/graphql`;
    close = async () => {
      await server.stop();
      await dataSource.destroy();
    };
  });

  afterAll(async () => {
    await close?.();
    await drop?.();
  });

  it("refuses an operation deeper than SUBGRAPH_MAX_DEPTH and passes one at it", async () => {
    expect((await post("{ probes(first: 1) { children { id } } }")).status).toBe(200);
    const refused = await post("{ probes(first: 1) { children { children { id } } } }");
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toHaveLength(1);
    expect(limitOf(refused)).toEqual({ code: "OPERATION_LIMIT_EXCEEDED", limit: "depth", max: 3, actual: 4 });
  });

  it("refuses an operation dearer than SUBGRAPH_MAX_COST, honouring @listSize", async () => {
    // Each probe: 1, plus its children (@listSize(assumedSize: 2)): 3. Ten probes are 30.
    expect((await post("{ probes(first: 10) { children { id } } }")).status).toBe(200);
    const refused = await post("{ probes(first: 11) { children { id } } }");
    expect(limitOf(refused)).toEqual({ code: "OPERATION_LIMIT_EXCEEDED", limit: "cost", max: 30, actual: 33 });
  });

  it("caps the entity representations of one request", async () => {
    const entities = `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Probe { id } } }`;
    const reps = (n: number) => ({
      representations: Array.from({ length: n }, (_, i) => ({ __typename: "Probe", id: `p${i}` })),
    });
    const accepted = await post(entities, reps(4));
    expect(accepted.body.errors).toBeUndefined();
    expect(accepted.body.data).toEqual({ _entities: [{ id: "p0" }, { id: "p1" }, { id: "p2" }, { id: "p3" }] });
    const refused = await post(entities, reps(5));
    expect(refused.status).toBe(400);
    expect(limitOf(refused)).toEqual({ code: "OPERATION_LIMIT_EXCEEDED", limit: "entities", max: 4, actual: 5 });
  });

  it("runs at most SUBGRAPH_MAX_SQL_STATEMENTS statements, then refuses the next with a coded error", async () => {
    const within = await post("{ statements(count: 5) }");
    expect(within.body).toEqual({ data: { statements: 5 } });
    const over = await post("{ statements(count: 6) }");
    expect(over.sql).toBe(5);
    expect(over.body.errors).toHaveLength(1);
    expect(limitOf(over)).toMatchObject({ code: "SQL_STATEMENT_LIMIT_EXCEEDED", max: 5 });
    expect(over.body.errors![0]!.message).toContain("SUBGRAPH_MAX_SQL_STATEMENTS");
  });

  it("runs no statement once the gateway's deadline (x-request-timeout-ms) has passed", async () => {
    const late = await post("{ statements(count: 3) }", undefined, { "x-request-timeout-ms": "0" });
    expect(late.sql).toBe(0);
    expect(limitOf(late)).toMatchObject({ code: "DEADLINE_EXCEEDED", timeoutMs: 0 });
    expect(late.body.errors![0]!.message).toContain("x-request-timeout-ms: 0");
    const inTime = await post("{ statements(count: 3) }", undefined, { "x-request-timeout-ms": "60000" });
    expect(inTime.body).toEqual({ data: { statements: 3 } });
  });

  it("refuses the next statement of a request whose caller has closed the connection", async () => {
    outliving.waiting = false;
    const caller = new AbortController();
    const body = JSON.stringify({ query: "{ outlivesCaller }" });
    const answered = fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", ...(await proof(body)) },
      body,
      signal: caller.signal,
    }).catch((error: Error) => error.name);
    // The resolver waits for the caller to leave; leave once it is waiting.
    while (!outliving.waiting) await new Promise((resolve) => setTimeout(resolve, 10));
    caller.abort();
    expect(await answered).toBe("AbortError");
    expect(await outliving.outcome).toBe("REQUEST_CANCELLED");
  });
});
