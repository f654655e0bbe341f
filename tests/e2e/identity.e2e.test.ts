import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rotateDevKeys } from "@portal-graph/auth/dev-issuer";
import { flawedTokens } from "@portal-graph/auth/testing";
import { startTestStack, type TestStack } from "../harness.js";
import { callSubgraph } from "../subgraph-client.js";

const ME = "{ me { id displayName portalRoles mfa { enrolled factors } } }";

interface MeData {
  me: { id: string; displayName: string; portalRoles: string[]; mfa: { enrolled: boolean; factors: string[] } } | null;
}

type Answer = {
  status: number;
  body: { data?: MeData | null; errors?: { message: string; extensions?: { code?: string } }[] };
};

/** POSTs to the gateway. */
async function post(url: string, query: string, token?: string): Promise<Answer> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  return {
    status: response.status,
    body: (await response.json()) as Answer["body"],
  };
}

describe("identity through the gateway and directly at a subgraph", () => {
  let stack: TestStack;
  let endpoints: [string, (query: string, token?: string) => Promise<Answer>][];
  beforeAll(async () => {
    // trace: the most a process ever logs, so the no-secrets-in-logs check below sees everything.
    stack = await startTestStack({ LOG_LEVEL: "trace" });
    endpoints = [
      ["gateway", (query, token) => post(stack.gatewayUrl, query, token)],
      // The subgraph with the test harness's caller proof: the user's token is checked there again all the same.
      [
        "access-roles directly",
        (query, token) => callSubgraph(stack, "access-roles", { query, token }) as Promise<Answer>,
      ],
    ];
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it("answers me for a development user and me: null without a token", async () => {
    for (const [, call] of endpoints) {
      const signedIn = await call(ME, await stack.token("bob"));
      expect(signedIn.status).toBe(200);
      expect(signedIn.body.data!.me).toEqual({
        id: "bob",
        displayName: "Bob Brennan",
        portalRoles: [],
        mfa: { enrolled: true, factors: ["pwd", "mfa", "sms"] },
      });
      const anonymous = await call(ME);
      expect(anonymous.body).toEqual({ data: { me: null } });
    }
  });

  it("keeps the public catalog open to anonymous callers", async () => {
    const { body } = await stack.graphql<{ applications: { totalCount: number } }>("{ applications { totalCount } }");
    expect(body.data!.applications.totalCount).toBe(23);
  });

  it("refuses every flawed token with 401 UNAUTHENTICATED, at the gateway and at the subgraph", async () => {
    const flawed = await flawedTokens(stack.keysDir, stack.issuer!);
    for (const [name, token, message] of flawed) {
      for (const [where, call] of endpoints) {
        const { status, body } = await call(ME, token);
        expect([where, name, status]).toEqual([where, name, 401]);
        expect(body.errors?.[0]?.extensions?.code, `${where}: ${name}`).toBe("UNAUTHENTICATED");
        expect(body.errors?.[0]?.message, `${where}: ${name}`).toBe(message);
        expect(body.data ?? null).toBeNull();
      }
    }
  });

  it("picks up a rotated signing key without a restart", async () => {
    await rotateDevKeys(stack.keysDir);
    const token = await stack.token("carol");
    for (const [, call] of endpoints) {
      const { status, body } = await call(ME, token);
      expect(status).toBe(200);
      expect(body.data!.me!.portalRoles).toEqual(["PORTAL_ADMIN"]);
    }
  });

  it("never writes a token, an authorization header or an email to a log line", async () => {
    const token = await stack.token("frank");
    await post(stack.gatewayUrl, "{ me { id email } }", token);
    await post(stack.gatewayUrl, ME, "not.a.jwt");
    const all = stack.lines.map(({ line }) => line).join("\n");
    expect(stack.lines.length).toBeGreaterThan(10);
    expect(all).not.toContain(token);
    expect(all).not.toContain(token.split(".")[1]!);
    expect(all).not.toMatch(/Bearer /);
    expect(all).not.toMatch(/[a-z]+@example\.test/);
  });

  it("does not let one user read another's email or MFA, even calling the subgraph directly", async () => {
    const query = `{ _entities(representations: [{ __typename: "User", id: "bob" }]) { ... on User { id email mfa { factors } } } }`;
    const { body: alice } = await callSubgraph<{ _entities: unknown[] }>(stack, "access-roles", {
      query,
      token: await stack.token("alice"),
    });
    expect(alice.data!._entities).toEqual([{ id: "bob", email: null, mfa: null }]);
    expect(alice.errors!.map((error) => error.extensions!.code)).toEqual(["FORBIDDEN", "FORBIDDEN"]);
    const { body: auditor } = await callSubgraph<{ _entities: { email: string }[] }>(stack, "access-roles", {
      query,
      token: await stack.token("frank"),
    });
    expect(auditor.data!._entities[0]!.email).toBe("bob@example.test");
  });

  it("guards catalog writes by role through the gateway", async () => {
    const register = `mutation { registerApplication(input: { id: "e2e-app", name: "End to End" }) {
      application { id lifecycle } userErrors { field code } } }`;
    const anonymous = await stack.graphql(register);
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const plain = await stack.graphql(register, {}, { authorization: `Bearer ${await stack.token("alice")}` });
    expect(plain.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const admin = await stack.graphql<{ registerApplication: { application: { id: string } } }>(
      register,
      {},
      { authorization: `Bearer ${await stack.token("carol")}` },
    );
    expect(admin.body.errors).toBeUndefined();
    expect(admin.body.data!.registerApplication.application.id).toBe("e2e-app");
    const { body } = await stack.graphql<{ application: { name: string } | null }>(
      '{ application(id: "e2e-app") { name } }',
    );
    expect(body.data!.application!.name).toBe("End to End");
  });
});
