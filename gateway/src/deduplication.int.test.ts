import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deduplicatingTransport } from "./deduplication.js";
import { httpTransport } from "./subgraph-transport.js";

describe("subgraph query deduplication", () => {
  let server: Server;
  let url: string;
  let received = 0;
  const transport = httpTransport();
  const dedupe = deduplicatingTransport(transport);

  beforeAll(async () => {
    // A real subgraph stand-in: answers slowly enough that concurrent callers overlap, and numbers its answers.
    server = createServer((req, res) => {
      received += 1;
      const answer = received;
      req.resume();
      setTimeout(() => res.end(JSON.stringify({ data: { answer } })), 50);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(() => {
    transport.close();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const send = (body: string, authorization?: string) =>
    dedupe(url, {
      headers: { "content-type": "application/json", ...(authorization ? { authorization } : {}) },
      body,
      timeoutMs: 5000,
    }).then((answer) => JSON.parse(answer.text) as { data: { answer: number } });

  const QUERY = JSON.stringify({ query: "query Home { applications { id } }", variables: {} });

  it("sends identical concurrent queries once and gives every caller its own copy", async () => {
    received = 0;
    const answers = await Promise.all(Array.from({ length: 10 }, () => send(QUERY, "Bearer a")));
    expect(received).toBe(1);
    expect(new Set(answers.map((answer) => answer.data.answer))).toEqual(new Set([1]));
    answers[0]!.data.answer = 99;
    expect(answers[1]!.data.answer).toBe(1);
  });

  it("never shares between viewers, documents or variables", async () => {
    received = 0;
    const other = JSON.stringify({ query: "query Home { applications { id } }", variables: { first: 1 } });
    await Promise.all([send(QUERY, "Bearer a"), send(QUERY, "Bearer b"), send(QUERY), send(other, "Bearer a")]);
    expect(received).toBe(4);
  });

  it("never shares mutations", async () => {
    received = 0;
    const mutation = JSON.stringify({ query: "mutation { acknowledgePolicy { id } }" });
    await Promise.all([send(mutation, "Bearer a"), send(mutation, "Bearer a"), send(mutation, "Bearer a")]);
    expect(received).toBe(3);
  });

  it("keeps nothing once the answer is in: the next identical query is sent again", async () => {
    received = 0;
    await send(QUERY, "Bearer a");
    await send(QUERY, "Bearer a");
    expect(received).toBe(2);
  });

  it("ends only the waiting of a caller whose time is up: the others get the shared answer", async () => {
    received = 0;
    const headers = { authorization: "Bearer a" };
    const hasty = dedupe(url, { headers, body: QUERY, timeoutMs: 10 });
    const patient = dedupe(url, { headers, body: QUERY, timeoutMs: 5000 });
    await expect(hasty).rejects.toMatchObject({ name: "TimeoutError" });
    expect(JSON.parse((await patient).text)).toEqual({ data: { answer: 1 } });
    expect(received).toBe(1);
  });

  it("refuses a caller that has already gone without fetching, and without an unhandled rejection", async () => {
    // The gateway signs its proof before fetching, so a client can leave between the fetch's start and this call.
    received = 0;
    const gone = AbortSignal.abort(new Error("the client closed the connection"));
    await expect(dedupe(url, { headers: {}, body: QUERY, timeoutMs: 5000, signal: gone })).rejects.toThrow(
      "the client closed the connection",
    );
    // Vitest fails the run on an unhandled rejection; give one a chance to surface.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(received).toBe(0);
  });
});
