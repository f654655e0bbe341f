import { request } from "node:http";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IDE_CONTENT_SECURITY_POLICY } from "./graphql-ide.js";
import { startThingsGraph, type ThingsGraph } from "./testing/things-graph.js";

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

// node:http rather than fetch: fetch decompresses by itself, and the test is about what goes over the wire.
function get(url: string, headers: Record<string, string>): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on("error", reject)
      .end();
  });
}

const BROWSER = { accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8" };

describe("the GraphQL IDE at GET /graphql", () => {
  let graph: ThingsGraph;
  const startGateway = (env: Record<string, string>) => graph.startGateway(env);

  beforeAll(async () => {
    graph = await startThingsGraph("ide");
  });

  afterAll(async () => {
    await graph?.close();
  });

  describe("when on", () => {
    let url: string;
    beforeAll(async () => {
      url = await startGateway({ GRAPHQL_IDE: "true" });
    });

    it("serves GraphiQL, every asset inline, brotli-compressed to a browser that takes it", async () => {
      const answer = await get(url, { ...BROWSER, "accept-encoding": "gzip, deflate, br" });
      expect(answer.status).toBe(200);
      expect(answer.headers["content-type"]).toBe("text/html; charset=utf-8");
      expect(answer.headers["content-encoding"]).toBe("br");
      expect(answer.headers.vary).toMatch(/Accept-Encoding/);
      const html = brotliDecompressSync(answer.body).toString("utf8");
      expect(html).toContain("graphiql");
      expect(html).toContain("/graphql");
      expect(answer.body.length).toBeLessThan(html.length / 3);
      // No script or stylesheet loaded from elsewhere: everything is in the page.
      expect(html).not.toMatch(/<script[^>]+src=["']https?:/i);
      expect(html).not.toMatch(/<link[^>]+href=["']https?:/i);
    });

    it("sends gzip to a client without brotli, and the page itself to one that takes neither", async () => {
      const gzipped = await get(url, { ...BROWSER, "accept-encoding": "gzip" });
      expect(gzipped.headers["content-encoding"]).toBe("gzip");
      const plain = await get(url, BROWSER);
      expect(plain.headers["content-encoding"]).toBeUndefined();
      expect(gunzipSync(gzipped.body).equals(plain.body)).toBe(true);
    });

    it("lets the browser keep it: an ETag, Cache-Control, and 304 on If-None-Match", async () => {
      const first = await get(url, { ...BROWSER, "accept-encoding": "br" });
      const etag = first.headers.etag as string;
      expect(etag).toMatch(/^W\/".+"$/);
      expect(first.headers["cache-control"]).toBe("no-cache");
      const again = await get(url, { ...BROWSER, "accept-encoding": "br", "if-none-match": etag });
      expect(again.status).toBe(304);
      expect(again.body.length).toBe(0);
      const other = await get(url, { ...BROWSER, "if-none-match": 'W/"another"' });
      expect(other.status).toBe(200);
    });

    it("gives the page a Content-Security-Policy that allows this origin only", async () => {
      const answer = await get(url, BROWSER);
      const csp = answer.headers["content-security-policy"];
      expect(csp).toBe(IDE_CONTENT_SECURITY_POLICY);
      expect(csp).toContain("connect-src 'self'");
      expect(csp).toContain("worker-src blob:");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toMatch(/https?:|\*/);
    });

    it("leaves GraphQL over JSON as it was, GET and POST", async () => {
      const posted = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: '{ thing(id: "t1") { name } }' }),
      });
      expect(posted.status).toBe(200);
      expect(posted.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(await posted.json()).toEqual({ data: { thing: { name: "Anvil" } } });
      const viaGet = await fetch(`${url}?query=${encodeURIComponent("{ things { id } }")}`, {
        headers: { "apollo-require-preflight": "true", accept: "application/json" },
      });
      expect(await viaGet.json()).toEqual({ data: { things: [{ id: "t1" }, { id: "t2" }] } });
    });
  });

  it("is absent with GRAPHQL_IDE=false: a browser gets GraphQL's own answer, not the page", async () => {
    const url = await startGateway({ GRAPHQL_IDE: "false" });
    const answer = await get(url, { ...BROWSER, "accept-encoding": "gzip, br" });
    expect(answer.status).toBe(400);
    expect(answer.headers["content-type"]).toMatch(/^application\/json/);
    expect(answer.body.toString("utf8")).not.toContain("graphiql");
  });

  it("is off in production unless GRAPHQL_IDE=true", async () => {
    const url = await startGateway({ NODE_ENV: "production" });
    const answer = await get(url, BROWSER);
    expect(answer.headers["content-type"]).toMatch(/^application\/json/);
  });
});
