import { createHash, randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { listen } from "@portal-graph/http-kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requireRedisInCi, TEST_REDIS_URL } from "./testing/redis.js";
import { startThingsGraph, type ThingsGraph } from "./testing/things-graph.js";

const redis = await requireRedisInCi();

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const ANVIL = 'query Anvil { thing(id: "t1") { name } }';
const THINGS = "query Things { things { id } }";
const ANVIL_ANSWER = { data: { thing: { name: "Anvil" } } };

interface Answer {
  status: number;
  body: { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
}

async function post(url: string, body: Record<string, unknown>): Promise<Answer> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Answer["body"] };
}

const apq = (hash: string) => ({ persistedQuery: { version: 1, sha256Hash: hash } });
const codeOf = (answer: Answer) => answer.body.errors?.[0]?.extensions?.code;

describe("trusted documents and automatic persisted queries", () => {
  let graph: ThingsGraph;
  let manifestPath: string;
  /** A gateway on a free port with these settings; its GraphQL URL. */
  const startGateway = (env: Record<string, string>) => graph.startGateway(env);

  beforeAll(async () => {
    graph = await startThingsGraph("trusted");
    // As GraphQL Code Generator's client preset writes it with persistedDocuments: true.
    manifestPath = path.join(graph.dir, "persisted-documents.json");
    writeFileSync(manifestPath, JSON.stringify({ [`sha256:${sha256(ANVIL)}`]: ANVIL }));
  });

  afterAll(async () => {
    await graph?.close();
  });

  describe("with a manifest", () => {
    let url: string;
    beforeAll(async () => {
      url = await startGateway({ TRUSTED_DOCUMENTS: manifestPath });
    });

    it("runs a document sent by documentId, prefixed or bare", async () => {
      expect(await post(url, { documentId: `sha256:${sha256(ANVIL)}` })).toEqual({ status: 200, body: ANVIL_ANSWER });
      expect(await post(url, { documentId: sha256(ANVIL) })).toEqual({ status: 200, body: ANVIL_ANSWER });
    });

    it("runs a document sent by its automatic persisted query hash, never registered", async () => {
      expect(await post(url, { extensions: apq(sha256(ANVIL)) })).toEqual({ status: 200, body: ANVIL_ANSWER });
    });

    it("refuses a documentId no manifest has: 400 PERSISTED_QUERY_NOT_IN_LIST", async () => {
      const answer = await post(url, { documentId: `sha256:${sha256(THINGS)}` });
      expect(answer.status).toBe(400);
      expect(codeOf(answer)).toBe("PERSISTED_QUERY_NOT_IN_LIST");
    });

    it("still runs any other document sent in full, and keeps automatic persisted queries: miss, register, hit", async () => {
      expect((await post(url, { query: THINGS })).status).toBe(200);
      const text = `query Fresh { thing(id: "t2") { name } } # ${randomUUID()}`;
      const miss = await post(url, { extensions: apq(sha256(text)) });
      expect(codeOf(miss)).toBe("PERSISTED_QUERY_NOT_FOUND");
      const registered = await post(url, { query: text, extensions: apq(sha256(text)) });
      expect(registered.body).toEqual({ data: { thing: { name: "Bellows" } } });
      const hit = await post(url, { extensions: apq(sha256(text)) });
      expect(hit).toEqual({ status: 200, body: { data: { thing: { name: "Bellows" } } } });
    });
  });

  describe("with TRUSTED_DOCUMENTS_ONLY=true", () => {
    let url: string;
    beforeAll(async () => {
      url = await startGateway({ TRUSTED_DOCUMENTS: manifestPath, TRUSTED_DOCUMENTS_ONLY: "true" });
    });

    it("runs the manifest's documents by id and by hash", async () => {
      expect(await post(url, { documentId: `sha256:${sha256(ANVIL)}` })).toEqual({ status: 200, body: ANVIL_ANSWER });
      expect(await post(url, { extensions: apq(sha256(ANVIL)) })).toEqual({ status: 200, body: ANVIL_ANSWER });
    });

    it("refuses any other text with 400 PERSISTED_QUERY_NOT_IN_LIST, without parsing it", async () => {
      const other = await post(url, { query: THINGS });
      expect(other.status).toBe(400);
      expect(codeOf(other)).toBe("PERSISTED_QUERY_NOT_IN_LIST");
      // Not even a syntax error: the text is never parsed.
      const broken = await post(url, { query: "{ things { id " });
      expect(broken.status).toBe(400);
      expect(codeOf(broken)).toBe("PERSISTED_QUERY_NOT_IN_LIST");
    });

    it("refuses an unknown hash instead of offering to register it", async () => {
      const answer = await post(url, { extensions: apq(sha256(THINGS)) });
      expect(answer.status).toBe(400);
      expect(codeOf(answer)).toBe("PERSISTED_QUERY_NOT_IN_LIST");
      const registering = await post(url, { query: THINGS, extensions: apq(sha256(THINGS)) });
      expect(codeOf(registering)).toBe("PERSISTED_QUERY_NOT_IN_LIST");
    });

    it("accepts a full text byte for byte identical to a manifest entry, and nothing close to it", async () => {
      expect(await post(url, { query: ANVIL })).toEqual({ status: 200, body: ANVIL_ANSWER });
      expect(codeOf(await post(url, { query: `${ANVIL} ` }))).toBe("PERSISTED_QUERY_NOT_IN_LIST");
    });
  });

  it("tells the usage reporter the operation that arrived by id", async () => {
    const reports: { operationName: string | null; coordinates: string[] }[] = [];
    const registry: Server = createServer((req, res) => {
      let body = "";
      req.on("data", (chunk: Buffer) => (body += chunk.toString()));
      req.on("end", () => {
        reports.push(...(JSON.parse(body) as { reports: typeof reports }).reports);
        res.writeHead(204).end();
      });
    });
    const port = await listen(registry, 0, "127.0.0.1");
    try {
      const url = await startGateway({
        TRUSTED_DOCUMENTS: manifestPath,
        USAGE_REPORT_URL: `http://127.0.0.1:${port}/usage`,
        USAGE_REPORT_INTERVAL_MS: "100",
      });
      expect((await post(url, { documentId: `sha256:${sha256(ANVIL)}` })).body).toEqual(ANVIL_ANSWER);
      await expect
        .poll(() => reports, { timeout: 10_000 })
        .toContainEqual(
          expect.objectContaining({
            operationName: "Anvil",
            coordinates: ["Query.thing", "Query.thing.id", "Thing.name"],
          }),
        );
    } finally {
      registry.close();
    }
  });

  it.skipIf(!redis)("keeps automatic persisted queries in Redis: one replica learns, another answers", async () => {
    const first = await startGateway({ REDIS_URL: TEST_REDIS_URL });
    const second = await startGateway({ REDIS_URL: TEST_REDIS_URL });
    const text = `query Shared { thing(id: "t1") { id name } } # ${randomUUID()}`;
    expect(codeOf(await post(second, { extensions: apq(sha256(text)) }))).toBe("PERSISTED_QUERY_NOT_FOUND");
    expect((await post(first, { query: text, extensions: apq(sha256(text)) })).status).toBe(200);
    // Apollo stores a registration without waiting for it; the other replica finds it once it has landed.
    await expect
      .poll(async () => (await post(second, { extensions: apq(sha256(text)) })).body, { timeout: 10_000 })
      .toEqual({ data: { thing: { id: "t1", name: "Anvil" } } });
  });
});
