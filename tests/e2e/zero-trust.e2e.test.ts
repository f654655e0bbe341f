/**
 * Security suite: subgraphs answer only callers that prove it (docs/adr/0003), listen on loopback, and give an
 * anonymous `_entities` caller no user's name or roles. Real processes on real ports, through the harness.
 */
import { generateKeyPairSync } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { connect } from "node:net";
import os from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signCallerAssertion, type CallerSigningKey } from "@portal-graph/auth";
import { startTestStack, type TestStack } from "../harness.js";
import { callerKey, callSubgraph, type DirectCall } from "../subgraph-client.js";

const SUBGRAPHS = ["catalog", "help-desks", "acknowledgements", "access-roles"];

/** A plain root query per subgraph. */
const QUERY: Record<string, string> = {
  catalog: "{ applications(first: 1) { totalCount } }",
  "help-desks": "{ helpDesks(first: 1) { totalCount } }",
  acknowledgements: "{ policies { id } }",
  "access-roles": "{ me { id } }",
};
// Every subgraph knows Application (catalog owns it, the others add fields to it).
const ENTITIES = '{ _entities(representations: [{ __typename: "Application", id: "pecos-ai" }]) { __typename } }';
const SERVICE = "{ _service { sdl } }";
const OPERATIONS = (subgraph: string): [string, string][] => [
  ["query", QUERY[subgraph]!],
  ["_entities", ENTITIES],
  ["_service", SERVICE],
];

const now = () => Math.floor(Date.now() / 1000);

describe("subgraphs trust only the gateway (and the callers given their own keys)", () => {
  let stack: TestStack;
  let alice: string;
  beforeAll(async () => {
    // trace: the most a process ever logs, so the no-proof-in-logs check sees everything.
    stack = await startTestStack({ LOG_LEVEL: "trace" });
    alice = await stack.token("alice");
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it("answers every operation of every subgraph for a valid proof (so the refusals below are the proof's)", async () => {
    for (const subgraph of SUBGRAPHS) {
      for (const [operation, query] of OPERATIONS(subgraph)) {
        const { status, body } = await callSubgraph(stack, subgraph, { query, token: alice });
        expect([subgraph, operation, status, body.errors]).toEqual([subgraph, operation, 200, undefined]);
      }
    }
  });

  it("refuses a missing, expired, wrong-audience, body-mismatched, re-addressed or forged proof, also with a valid user token", async () => {
    // A key that is not trusted, presented under the gateway's key id: a forged gateway signature.
    const forged = { ...callerKey(stack, "gateway"), key: generateKeyPairSync("ed25519").privateKey };
    const flaws: [string, Partial<DirectCall>, string][] = [
      ["no proof, anonymous", { as: "none", token: undefined }, "MISSING"],
      ["no proof, signed-in user", { as: "none" }, "MISSING"],
      ["expired", { flaw: { issuedAt: now() - 120 } }, "EXPIRED"],
      ["another subgraph's", { flaw: { audience: "not-this-subgraph" } }, "WRONG_AUDIENCE"],
      ["for another body", { flaw: { signedBody: JSON.stringify({ query: "{ __typename }" }) } }, "BODY_MISMATCH"],
      ["for another request id", { flaw: { requestId: "some-other-request" } }, "REQUEST_MISMATCH"],
    ];
    const refusals: unknown[] = [];
    for (const subgraph of SUBGRAPHS) {
      const others = SUBGRAPHS.filter((name) => name !== subgraph);
      for (const [operation, query] of OPERATIONS(subgraph)) {
        const cases: [string, Partial<DirectCall>, string][] = [
          ...flaws,
          [`signed for ${others[0]}`, { flaw: { audience: others[0] } }, "WRONG_AUDIENCE"],
        ];
        for (const [flaw, call, reason] of cases) {
          const { status, body } = await callSubgraph(stack, subgraph, { query, token: alice, ...call });
          refusals.push([subgraph, operation, flaw, status, body.errors?.[0]?.extensions, body.data]);
          expect(refusals.at(-1)).toEqual([
            subgraph,
            operation,
            flaw,
            401,
            { code: "GATEWAY_PROOF_REQUIRED", reason },
            undefined,
          ]);
        }
        const forgedCall = await fetchWithForgedKey(subgraph, query, forged);
        expect([subgraph, operation, forgedCall.status, forgedCall.reason]).toEqual([
          subgraph,
          operation,
          401,
          "BAD_SIGNATURE",
        ]);
      }
    }
    expect(refusals).toHaveLength(SUBGRAPHS.length * 3 * 7);
  });

  /** A call whose assertion is signed by an untrusted key that claims the gateway's key id. */
  async function fetchWithForgedKey(subgraph: string, query: string, forged: CallerSigningKey) {
    const body = JSON.stringify({ query });
    const assertion = await signCallerAssertion(forged, {
      audience: subgraph,
      method: "POST",
      target: "/graphql",
      body,
      requestId: "forged",
    });
    const { status, body: answer } = await callSubgraph(stack, subgraph, { query, assertion, requestId: "forged" });
    return { status, reason: answer.errors?.[0]?.extensions?.reason };
  }

  it("accepts each proof once: a replay is refused, for a query, _entities and _service", async () => {
    for (const subgraph of SUBGRAPHS) {
      for (const [operation, query] of OPERATIONS(subgraph)) {
        const first = await callSubgraph(stack, subgraph, { query, token: alice, requestId: "replayed" });
        expect([subgraph, operation, first.status]).toEqual([subgraph, operation, 200]);
        const again = await callSubgraph(stack, subgraph, {
          query,
          token: alice,
          requestId: "replayed",
          assertion: first.assertion,
        });
        expect([subgraph, operation, again.status, again.body.errors?.[0]?.extensions?.reason]).toEqual([
          subgraph,
          operation,
          401,
          "REPLAYED",
        ]);
      }
    }
  });

  it("never writes a proof to a log line, even at trace level", async () => {
    const { assertion } = await callSubgraph(stack, "catalog", { query: QUERY.catalog! });
    await callSubgraph(stack, "catalog", { query: QUERY.catalog!, assertion });
    await stack.graphql("{ applications(first: 1) { totalCount } }");
    const all = stack.lines.map(({ line }) => line).join("\n");
    expect(all).toContain("caller refused");
    expect(all).not.toContain(assertion!.split(".")[2]!);
    expect(all).not.toContain("x-gateway-assertion");
  });

  it("keeps /metrics and the evidence export behind the proof, and /health and /ready open", async () => {
    for (const sg of stack.subgraphs.values()) {
      expect([sg.name, (await fetch(`${sg.url}/metrics`)).status]).toEqual([sg.name, 401]);
      expect([sg.name, (await callSubgraph(stack, sg.name, { path: "/metrics" })).status]).toEqual([sg.name, 200]);
      expect([sg.name, (await fetch(`${sg.url}/health`)).status]).toEqual([sg.name, 200]);
      expect([sg.name, (await fetch(`${sg.url}/ready`)).status]).toEqual([sg.name, 200]);
    }
    const exportUrl = `${stack.subgraphs.get("acknowledgements")!.url}/export/acknowledgements.csv?policyId=hhs-rules-of-behavior`;
    const direct = await fetch(exportUrl, { headers: { authorization: `Bearer ${await stack.token("frank")}` } });
    expect(direct.status).toBe(401);
    expect(await direct.text()).not.toContain("alice");
  });

  it("refuses forged @requires data without the gateway's proof: a privileged grant cannot be made to read ACTIVE", async () => {
    const forgedGrant = `{ _entities(representations: [{ __typename: "RoleGrant", id: "seed-grant-erin-desy-dua-administrator",
      user: { id: "erin", missingPrivilegedAcknowledgements: [] } }]) { ... on RoleGrant { id status missingPrerequisites } } }`;
    const erin = await stack.token("erin");
    const direct = await callSubgraph(stack, "access-roles", { query: forgedGrant, token: erin, as: "none" });
    expect(direct.status).toBe(401);
    expect(direct.body.errors?.[0]?.extensions?.code).toBe("GATEWAY_PROOF_REQUIRED");
    expect(JSON.stringify(direct.body)).not.toContain("ACTIVE");
    // Through the gateway the prerequisites come from the acknowledgements subgraph, and erin lacks them.
    const { body } = await stack.graphql<{ me: { roleGrants: { id: string; status: string }[] } }>(
      "{ me { roleGrants { id status } } }",
      {},
      { authorization: `Bearer ${erin}` },
    );
    expect(body.data!.me.roleGrants).toContainEqual({
      id: "seed-grant-erin-desy-dua-administrator",
      status: "AWAITING_PREREQUISITES",
    });
  });

  it("gives an anonymous _entities caller no user's name or roles; a signed-in viewer still reads them", async () => {
    const frank =
      '{ _entities(representations: [{ __typename: "User", id: "frank" }]) { ... on User { id displayName portalRoles } } }';
    const anonymous = await callSubgraph<{ _entities: unknown[] }>(stack, "access-roles", { query: frank });
    expect(anonymous.body.data!._entities).toEqual([null]);
    expect(anonymous.body.errors!.map((error) => error.extensions!.code)).toEqual([
      "UNAUTHENTICATED",
      "UNAUTHENTICATED",
    ]);
    expect(JSON.stringify(anonymous.body)).not.toMatch(/Frank|AUDITOR/);
    const signedIn = await callSubgraph<{ _entities: unknown[] }>(stack, "access-roles", {
      query: frank,
      token: alice,
    });
    expect(signedIn.body.data!._entities).toEqual([
      { id: "frank", displayName: "Frank Fischer", portalRoles: ["AUDITOR"] },
    ]);
  });

  it("works through the gateway as before: every subgraph answers, anonymous and signed in", async () => {
    const anonymous = await stack.graphql<{ applications: { nodes: { helpDesks: unknown[]; roles: unknown[] }[] } }>(
      "{ applications(first: 3) { nodes { id helpDesks { primary } roles { id } requiredPolicies { id } } } me { id } }",
    );
    expect(anonymous.body.errors).toBeUndefined();
    expect(anonymous.body.data!.applications.nodes).toHaveLength(3);
    const signedIn = await stack.graphql<{ me: { id: string; displayName: string; compliance: unknown } }>(
      "{ me { id displayName portalRoles compliance { compliant } roleGrants { status } } }",
      {},
      { authorization: `Bearer ${await stack.token("bob")}` },
    );
    expect(signedIn.body.errors).toBeUndefined();
    expect(signedIn.body.data!.me).toMatchObject({ id: "bob", displayName: "Bob Brennan" });
  });

  it("binds every subgraph to 127.0.0.1 and the gateway to every interface", async () => {
    for (const sg of stack.subgraphs.values()) {
      const line = stack.lines.find(({ name, line }) => name === sg.name && line.includes("subgraph listening"))!;
      expect([sg.name, (JSON.parse(line.line) as { host: string }).host]).toEqual([sg.name, "127.0.0.1"]);
      if (existsSync("/proc/net/tcp")) expect([sg.name, listening(sg.port)]).toEqual([sg.name, ["127.0.0.1"]]);
    }
    if (existsSync("/proc/net/tcp")) expect(listening(stack.gateway.port)).toEqual(["0.0.0.0"]);
    // From another address of this machine, as a neighbour on the network would: no subgraph answers.
    const external = Object.values(os.networkInterfaces())
      .flat()
      .find((address) => address && address.family === "IPv4" && !address.internal)?.address;
    if (external) {
      for (const sg of stack.subgraphs.values()) {
        expect([sg.name, await tryConnect(external, sg.port)]).toEqual([sg.name, "ECONNREFUSED"]);
      }
      expect(await tryConnect(external, stack.gateway.port)).toBe("connected");
    }
  });
});

/** The local addresses listening on a TCP port, from /proc/net/tcp (what `ss -ltn` reads). */
function listening(port: number): string[] {
  const hexPort = port.toString(16).toUpperCase().padStart(4, "0");
  return readFileSync("/proc/net/tcp", "utf8")
    .trim()
    .split("\n")
    .slice(1)
    .map((row) => row.trim().split(/\s+/))
    .filter(([, local, , state]) => state === "0A" && local!.endsWith(`:${hexPort}`))
    .map(([, local]) => {
      const hex = local!.split(":")[0]!;
      // IPv4 in /proc is a little-endian 32-bit number.
      return [6, 4, 2, 0].map((at) => parseInt(hex.slice(at, at + 2), 16)).join(".");
    });
}

/** "connected", or the error code a TCP connect ends with. */
function tryConnect(host: string, port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 5000 });
    socket.once("connect", () => {
      socket.destroy();
      resolve("connected");
    });
    socket.once("timeout", () => {
      socket.destroy();
      resolve("timeout");
    });
    socket.once("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}
