import { ApolloServer } from "@apollo/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeServer, createGraphQLHttpServer, createLogger, listen } from "@portal-graph/http-kit";

describe("log lines written while a request is served", () => {
  const raw: string[] = [];
  const logger = createLogger("kit-test", { level: "info", destination: { write: (line: string) => raw.push(line) } });
  const lines = () => raw.map((line) => JSON.parse(line) as { msg: string; requestId?: string });
  // Code that knows nothing of requests (a library, a helper deep down) logs on the process logger.
  const apollo = new ApolloServer({
    typeDefs: "type Query { hello: String }",
    resolvers: {
      Query: {
        hello: async () => {
          await new Promise((resolve) => setTimeout(resolve, 5));
          logger.info("resolver line");
          return "hi";
        },
      },
    },
  });
  const server = createGraphQLHttpServer({
    apollo,
    logger,
    context: async ({ requestId }) => {
      logger.child({ requestId }).info("child line");
      return {};
    },
    routes: {
      "/ping": async () => {
        logger.warn("route line");
        return { status: 200, body: { ok: true } };
      },
    },
  });
  let base: string;

  beforeAll(async () => {
    await apollo.start();
    base = `http://127.0.0.1:${await listen(server, 0, "127.0.0.1")}`;
  });
  afterAll(async () => {
    await closeServer(server, 1000);
    await apollo.stop();
  });

  it("carry the request's id, whoever writes them", async () => {
    raw.length = 0;
    await fetch(`${base}/ping`, { headers: { "x-request-id": "ping-1" } });
    await fetch(`${base}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-request-id": "gql-1" },
      body: JSON.stringify({ query: "{ hello }" }),
    });
    expect(lines().map(({ msg, requestId }) => ({ msg, requestId }))).toEqual([
      { msg: "route line", requestId: "ping-1" },
      { msg: "child line", requestId: "gql-1" },
      { msg: "resolver line", requestId: "gql-1" },
    ]);
    // A child logger already bound to the id does not get it twice.
    expect(raw.find((line) => line.includes("child line"))!.match(/"requestId"/g)).toHaveLength(1);
  });

  it("carry none outside a request", () => {
    raw.length = 0;
    logger.info("start-up line");
    expect(lines()).toEqual([expect.not.objectContaining({ requestId: expect.anything() })]);
  });
});
