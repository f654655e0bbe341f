import { generateKeyPairSync } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { executePlan, floorSender } from "./floor.js";
import type { FloorNode, PlannedFetch } from "./plan.js";

// Two tiny real subgraphs on free ports: "things" owns Thing, "ratings" adds a rating to it. Each holds a request
// until `release` says so, and logs when requests arrive and are answered.
const events: string[] = [];
const servers: Server[] = [];
let inFlight = 0;
let mostInFlight = 0;

async function tinySubgraph(name: string, answer: (body: string) => unknown, release: () => Promise<void>) {
  const server = createServer(async (req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    events.push(`${name} in`);
    inFlight += 1;
    mostInFlight = Math.max(mostInFlight, inFlight);
    await release();
    inFlight -= 1;
    events.push(`${name} out`);
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(answer(Buffer.concat(chunks).toString("utf8"))));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
}

/** Resolves once `count` requests wait on it, or after a while: sequential callers are then let through, late. */
function barrier(count: number) {
  let waiting = 0;
  let open: () => void = () => {};
  const opened = new Promise<void>((resolve) => (open = resolve));
  return async () => {
    waiting += 1;
    if (waiting >= count) open();
    await Promise.race([opened, new Promise((resolve) => setTimeout(resolve, 300))]);
  };
}

const key = { role: "gateway" as const, kid: "test", key: generateKeyPairSync("ed25519").privateKey };
const things = () => ({
  data: {
    things: [
      { __typename: "Thing", id: "t1" },
      { __typename: "Thing", id: "t2" },
    ],
  },
});
const ratings = () => ({ data: { _entities: [{ rating: 5 }, { rating: 3 }] } });
const root = (body: string): PlannedFetch => ({ body, entityTypes: null });
const thingsQuery = JSON.stringify({ query: "query Q__things__0 { things { __typename id } }" });
const ratingsQuery = JSON.stringify({
  query:
    "query Q__ratings__1($representations: [_Any!]!) { _entities(representations: $representations) { ... on Thing { rating } } }",
  variables: {
    representations: [
      { __typename: "Thing", id: "t1" },
      { __typename: "Thing", id: "t2" },
    ],
  },
});

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
  events.length = 0;
  inFlight = 0;
  mostInFlight = 0;
});

describe("the floor runs our gateway's plan", () => {
  it("sends the fetches of a Parallel step at once", async () => {
    const release = barrier(2);
    const urls = {
      things: await tinySubgraph("things", things, release),
      other: await tinySubgraph("other", () => ({ data: { other: 1 } }), release),
    };
    const plan: FloorNode = {
      kind: "Parallel",
      nodes: [
        { kind: "Fetch", id: 0, subgraph: "things", operation: "", path: null },
        { kind: "Fetch", id: 1, subgraph: "other", operation: "", path: null },
      ],
    };
    const fetches = new Map([
      [0, root(thingsQuery)],
      [1, root(JSON.stringify({ query: "{ other }" }))],
    ]);
    const answer = await executePlan(plan, fetches, floorSender(urls, key));
    expect(mostInFlight).toBe(2);
    expect(answer.data).toEqual({ ...things().data, other: 1 });
  });

  it("starts a dependent fetch only once the one before has answered, and merges the entities in order", async () => {
    // The first subgraph answers late unless a second request comes in meanwhile, which it must not.
    const release = barrier(2);
    const urls = {
      things: await tinySubgraph("things", things, release),
      ratings: await tinySubgraph("ratings", ratings, async () => {}),
    };
    const plan: FloorNode = {
      kind: "Sequence",
      nodes: [
        { kind: "Fetch", id: 0, subgraph: "things", operation: "", path: null },
        { kind: "Fetch", id: 1, subgraph: "ratings", operation: "", path: ["things", "@"] },
      ],
    };
    const fetches = new Map([
      [0, root(thingsQuery)],
      [1, { body: ratingsQuery, entityTypes: ["Thing"] }],
    ]);
    const answer = await executePlan(plan, fetches, floorSender(urls, key));
    expect(events).toEqual(["things in", "things out", "ratings in", "ratings out"]);
    expect(mostInFlight).toBe(1);
    expect(answer).toEqual({
      data: {
        things: [
          { __typename: "Thing", id: "t1", rating: 5 },
          { __typename: "Thing", id: "t2", rating: 3 },
        ],
      },
      errors: [],
    });
  });

  it("skips a step our gateway skipped for the request", async () => {
    const urls = {
      things: await tinySubgraph("things", things, async () => {}),
      ratings: await tinySubgraph("ratings", ratings, async () => {}),
    };
    const plan: FloorNode = {
      kind: "Sequence",
      nodes: [
        { kind: "Fetch", id: 0, subgraph: "things", operation: "", path: null },
        { kind: "Fetch", id: 1, subgraph: "ratings", operation: "", path: ["things", "@"] },
      ],
    };
    await executePlan(plan, new Map([[0, root(thingsQuery)]]), floorSender(urls, key));
    expect(events).toEqual(["things in", "things out"]);
  });

  it("shares an identical query in flight, never a mutation", async () => {
    const release = barrier(2);
    const urls = { things: await tinySubgraph("things", things, release) };
    const send = floorSender(urls, key);
    const plan: FloorNode = { kind: "Fetch", id: 0, subgraph: "things", operation: "", path: null };
    const query = new Map([[0, root(thingsQuery)]]);
    await Promise.all([executePlan(plan, query, send), executePlan(plan, query, send)]);
    expect(events.filter((event) => event === "things in")).toHaveLength(1);

    events.length = 0;
    const mutation = new Map([[0, root(JSON.stringify({ query: "mutation M { touch }" }))]]);
    await Promise.all([executePlan(plan, mutation, send), executePlan(plan, mutation, send)]);
    expect(events.filter((event) => event === "things in")).toHaveLength(2);
  });
});
