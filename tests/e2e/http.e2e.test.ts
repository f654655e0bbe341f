import { auditServer } from "graphql-http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestStack, type TestStack } from "../harness.js";
import { provedFetch } from "../subgraph-client.js";

const PORTAL = "https://portal.example.gov";
const ONE_YEAR = "31536000";

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ CORS_ORIGINS: PORTAL, HSTS_MAX_AGE_SECONDS: ONE_YEAR });
});
afterAll(async () => {
  await stack?.stop();
});

const subgraphUrl = (name: string) => `${stack.subgraphs.get(name)!.url}/graphql`;

// At a subgraph, with the test harness's caller proof (docs/adr/0003), so what is tested is the HTTP behaviour.
function postJson(url: string, body: unknown, headers: Record<string, string> = {}) {
  return provedFetch(stack, url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
}

function preflight(url: string, origin: string) {
  return fetch(url, {
    method: "OPTIONS",
    headers: {
      origin,
      "access-control-request-method": "POST",
      "access-control-request-headers": "authorization, content-type",
    },
  });
}

describe("CORS at the gateway (CORS_ORIGINS)", () => {
  it("answers a preflight from an allowed origin with 204 and the matching Access-Control-Allow-* headers", async () => {
    const response = await preflight(stack.gatewayUrl, PORTAL);
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe(PORTAL);
    expect(response.headers.get("access-control-allow-methods")).toBe("GET, POST");
    expect(response.headers.get("access-control-allow-headers")).toMatch(/authorization, content-type/);
    expect(response.headers.get("access-control-max-age")).toBe("600");
    expect(response.headers.get("vary")).toMatch(/Origin/);
  });

  it("lets an allowed origin read the answer, its x-request-id and its Age", async () => {
    const response = await postJson(stack.gatewayUrl, { query: "{ __typename }" }, { origin: PORTAL });
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe(PORTAL);
    expect(response.headers.get("access-control-expose-headers")).toBe("x-request-id, age");
    expect(response.headers.get("vary")).toMatch(/Origin/);
  });

  it("refuses a preflight from any other origin (the example UI's too, once CORS_ORIGINS is set) before the handler", async () => {
    for (const origin of ["https://evil.example", "http://localhost:3000"]) {
      const response = await preflight(stack.gatewayUrl, origin);
      expect(response.status, origin).toBe(403);
      expect(response.headers.get("access-control-allow-origin")).toBeNull();
      expect(
        ((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code,
      ).toBe("FORBIDDEN");
    }
    const actual = await postJson(stack.gatewayUrl, { query: "{ __typename }" }, { origin: "https://evil.example" });
    expect(actual.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("allows no browser origin at a subgraph", async () => {
    const response = await preflight(subgraphUrl("catalog"), PORTAL);
    expect(response.status).toBe(403);
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("security headers", () => {
  it("are on every response of every process, errors and downloads included", async () => {
    const urls = [
      stack.gatewayUrl,
      `${stack.gateway.url}/health`,
      `${stack.gateway.url}/no-such-route`,
      `${stack.gateway.url}/export/acknowledgements.csv?policyId=hhs-rules-of-behavior`,
      ...[...stack.subgraphs.values()].flatMap((subgraph) => [`${subgraph.url}/graphql`, `${subgraph.url}/health`]),
    ];
    for (const url of urls) {
      const response = url.endsWith("/graphql") ? await postJson(url, { query: "{ __typename }" }) : await fetch(url);
      const headers = Object.fromEntries(
        ["x-content-type-options", "referrer-policy", "content-security-policy", "strict-transport-security"].map(
          (name) => [name, response.headers.get(name)],
        ),
      );
      expect(headers, url).toEqual({
        "x-content-type-options": "nosniff",
        "referrer-policy": "no-referrer",
        "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
        "strict-transport-security": `max-age=${ONE_YEAR}`,
      });
      await response.arrayBuffer();
    }
  });
});

describe("request ids", () => {
  const REQUEST = `mutation { requestAccess(input: { roleId: "pecos-ai-enrollment-analyst", justification: "Ids end to end." }) {
    accessRequest { id } } }`;

  async function requestIdInAudit(accessRequestId: string): Promise<string | null> {
    const response = await postJson(
      stack.gatewayUrl,
      { query: `{ auditEvents(filter: { accessRequestId: "${accessRequestId}" }) { nodes { requestId } } }` },
      { authorization: `Bearer ${await stack.token("frank")}` },
    );
    const body = (await response.json()) as { data: { auditEvents: { nodes: { requestId: string | null }[] } } };
    return body.data.auditEvents.nodes[0]!.requestId;
  }

  it("keeps a safe client id through the gateway into the audit trail", async () => {
    const response = await postJson(
      stack.gatewayUrl,
      { query: REQUEST },
      { authorization: `Bearer ${await stack.token("alice")}`, "x-request-id": "portal-ui.42_a" },
    );
    expect(response.headers.get("x-request-id")).toBe("portal-ui.42_a");
    const body = (await response.json()) as { data: { requestAccess: { accessRequest: { id: string } } } };
    expect(await requestIdInAudit(body.data.requestAccess.accessRequest.id)).toBe("portal-ui.42_a");
  });

  it("replaces an unsafe client id with a new one, everywhere", async () => {
    const response = await postJson(
      stack.gatewayUrl,
      { query: REQUEST },
      { authorization: `Bearer ${await stack.token("bob")}`, "x-request-id": `"><script>alert(1)</script>` },
    );
    const made = response.headers.get("x-request-id")!;
    expect(made).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    const body = (await response.json()) as { data: { requestAccess: { accessRequest: { id: string } } } };
    expect(await requestIdInAudit(body.data.requestAccess.accessRequest.id)).toBe(made);
    const tooLong = await postJson(stack.gatewayUrl, { query: "{ __typename }" }, { "x-request-id": "x".repeat(65) });
    expect(tooLong.headers.get("x-request-id")).not.toBe("x".repeat(65));
  });
});

describe("GraphQL over HTTP", () => {
  const get = (url: string, query: string) =>
    provedFetch(stack, `${url}?query=${encodeURIComponent(query)}`, {
      headers: { "apollo-require-preflight": "true" },
    });
  const cases: [string, (url: string) => Promise<Response>, number, string][] = [
    [
      "an unknown operationName",
      (url) => postJson(url, { query: "query A { __typename }", operationName: "B" }),
      400,
      'Unknown operation named "B"',
    ],
    [
      "several operations and no operationName",
      (url) => postJson(url, { query: "query A { __typename } query B { __typename }" }),
      400,
      "Must provide operationName",
    ],
    [
      "a subscription",
      (url) => postJson(url, { query: "subscription { __typename }" }),
      400,
      "Subscriptions are not supported",
    ],
    [
      "a mutation over GET",
      (url) => get(url, "mutation { __typename }"),
      405,
      "GET requests only support query operations",
    ],
  ];

  it.each(cases)(
    "answers %s with a 4xx and a clear message, at the gateway and a subgraph",
    async (_name, send, status, message) => {
      for (const url of [stack.gatewayUrl, subgraphUrl("catalog")]) {
        const response = await send(url);
        const body = (await response.json()) as { errors: { message: string }[] };
        expect([url, response.status]).toEqual([url, status]);
        expect(body.errors[0]!.message).toContain(message);
      }
    },
  );

  it("answers request errors 400 in application/graphql-response+json when the client accepts it", async () => {
    const response = await postJson(
      stack.gatewayUrl,
      { query: "{ nope" },
      { accept: "application/graphql-response+json" },
    );
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toMatch(/^application\/graphql-response\+json/);
  });

  it("passes the graphql-http server audit with no errors", { timeout: 60_000 }, async () => {
    const results = await auditServer({ url: stack.gatewayUrl });
    const counts = { ok: 0, warn: 0, notice: 0, error: 0 };
    for (const result of results) counts[result.status] += 1;
    const errors = results.filter((result) => result.status === "error").map((result) => result.name);
    console.info(`graphql-http audit of the gateway: ${JSON.stringify(counts)} of ${results.length}`);
    expect(errors).toEqual([]);
    expect(counts.ok).toBeGreaterThanOrEqual(55);
  });
});
