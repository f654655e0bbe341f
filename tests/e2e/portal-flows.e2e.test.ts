import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestStack, type TestStack } from "../harness.js";

type Errors = { message: string; extensions?: Record<string, unknown> }[] | undefined;

describe("the portal's flows through the gateway, with development tokens", () => {
  let stack: TestStack;
  /** Runs an operation as a user (or anonymously) and fails the test on any GraphQL error. */
  let as: <T>(user: string | null, query: string, variables?: Record<string, unknown>) => Promise<T>;
  let versions: { banner: string; rules: string; addendum: string };

  // One token per user for the whole file: one sign-in each, so the banner (acknowledged every sign-in) stays
  // acknowledged for that session.
  const tokens = new Map<string, string>();
  const tokenOf = async (user: string) => {
    if (!tokens.has(user)) tokens.set(user, await stack.token(user));
    return tokens.get(user)!;
  };

  beforeAll(async () => {
    stack = await startTestStack();
    as = async <T>(user: string | null, query: string, variables: Record<string, unknown> = {}) => {
      const headers: Record<string, string> = user ? { authorization: `Bearer ${await tokenOf(user)}` } : {};
      const { body } = await stack.graphql<T>(query, variables, headers);
      expect(body.errors as Errors, JSON.stringify(body.errors)).toBeUndefined();
      return body.data as T;
    };
    const data = await as<Record<string, { currentVersion: { id: string } }>>(
      null,
      `{ banner: policy(id: "hhs-warning-banner") { currentVersion { id } }
         rules: policy(id: "hhs-rules-of-behavior") { currentVersion { id } }
         addendum: policy(id: "hhs-privileged-user-rules") { currentVersion { id } } }`,
    );
    versions = {
      banner: data.banner!.currentVersion.id,
      rules: data.rules!.currentVersion.id,
      addendum: data.addendum!.currentVersion.id,
    };
  });
  afterAll(async () => {
    await stack?.stop();
  });

  const acknowledge = (user: string, policyVersionId: string) =>
    as<{ acknowledgePolicy: { userErrors: unknown[] } }>(
      user,
      `mutation ($id: ID!) { acknowledgePolicy(input: { policyVersionId: $id, method: ELECTRONIC }) {
        acknowledgement { id } userErrors { code } } }`,
      { id: policyVersionId },
    );

  it("acknowledgements: alice sees what she must sign for PECOS AI, signs it, and is compliant", async () => {
    const COMPLIANCE = `{ me { compliance(applicationId: "pecos-ai") { compliant requirements { policy { kind } status } } } }`;
    type Compliance = {
      me: { compliance: { compliant: boolean; requirements: { policy: { kind: string }; status: string }[] } };
    };
    const before = await as<Compliance>("alice", COMPLIANCE);
    expect(before.me.compliance.compliant).toBe(false);
    expect(before.me.compliance.requirements).toEqual(
      expect.arrayContaining([
        { policy: { kind: "WARNING_BANNER" }, status: "NEVER_ACKNOWLEDGED" },
        { policy: { kind: "RULES_OF_BEHAVIOR" }, status: "NEVER_ACKNOWLEDGED" },
      ]),
    );
    for (const version of [versions.banner, versions.rules]) {
      expect((await acknowledge("alice", version)).acknowledgePolicy.userErrors).toEqual([]);
    }
    const after = await as<Compliance>("alice", COMPLIANCE);
    expect(after.me.compliance.compliant).toBe(true);

    const pra = await as<{ policy: { currentVersion: { omb: { controlNumber: string; expired: boolean } } } }>(
      null,
      `{ policy(id: "cms-pra-notice") { currentVersion { omb { controlNumber expired } } } }`,
    );
    expect(pra.policy.currentVersion.omb).toEqual({ controlNumber: "0938-1236", expired: true });
  });

  it("acknowledgements: one user cannot read another's compliance", async () => {
    const { body } = await stack.graphql(
      `{ me { compliance { compliant } } }`,
      {},
      { authorization: `Bearer ${await stack.token("alice")}` },
    );
    expect(body.errors).toBeUndefined();
    // No query reaches another user's compliance through the graph but an auditor's report, which alice may not run.
    const report = await stack.graphql(
      `{ acknowledgementReport(policyId: "hhs-rules-of-behavior", first: 5) { nodes { user { id } } } }`,
      {},
      { authorization: `Bearer ${await stack.token("alice")}` },
    );
    expect(report.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("access: a request, the approver's queue, approval, an ACTIVE grant, a refused self-approval, the audit trail", async () => {
    const requested = await as<{
      requestAccess: { accessRequest: { id: string; status: string }; userErrors: unknown[] };
    }>(
      "alice",
      `mutation { requestAccess(input: { roleId: "pecos-ai-viewer", justification: "I review enrollments for my MAC." }) {
        accessRequest { id status } userErrors { code message } } }`,
    );
    expect(requested.requestAccess.userErrors).toEqual([]);
    const requestId = requested.requestAccess.accessRequest.id;
    expect(requested.requestAccess.accessRequest.status).toBe("PENDING");

    const queue = await as<{
      approvalQueue: { nodes: { id: string; requester: { id: string }; role: { id: string } }[] };
    }>("bob", `{ approvalQueue(first: 50) { nodes { id requester { id } role { id } } } }`);
    expect(queue.approvalQueue.nodes).toContainEqual({
      id: requestId,
      requester: { id: "alice" },
      role: { id: "pecos-ai-viewer" },
    });

    const DECIDE = `mutation ($id: ID!) { decideAccessRequest(input: { requestId: $id, decision: APPROVED, comment: "ok" }) {
      accessRequest { status } userErrors { code } } }`;
    type Decided = {
      decideAccessRequest: { accessRequest: { status: string } | null; userErrors: { code: string }[] };
    };
    const self = await as<Decided>("alice", DECIDE, { id: requestId });
    expect(self.decideAccessRequest.userErrors.length).toBeGreaterThan(0);
    const approved = await as<Decided>("bob", DECIDE, { id: requestId });
    expect(approved.decideAccessRequest.userErrors).toEqual([]);
    expect(approved.decideAccessRequest.accessRequest!.status).toBe("APPROVED");

    const grants = await as<{ me: { roleGrants: { status: string; role: { id: string } }[] } }>(
      "alice",
      `{ me { roleGrants { status role { id } } } }`,
    );
    expect(grants.me.roleGrants).toContainEqual({ status: "ACTIVE", role: { id: "pecos-ai-viewer" } });

    const audit = await as<{ auditEvents: { nodes: { action: string; actor: string }[] } }>(
      "frank",
      `{ auditEvents(filter: { subject: "alice" }, first: 50) { nodes { action actor } } }`,
    );
    expect(audit.auditEvents.nodes).toEqual(
      expect.arrayContaining([
        { action: "ACCESS_REQUESTED", actor: "alice" },
        { action: "ACCESS_REQUEST_APPROVED", actor: "bob" },
        { action: "ROLE_GRANTED", actor: "bob" },
      ]),
    );
  });

  it("access: a privileged grant waits for its acknowledgements, then becomes ACTIVE", async () => {
    const requested = await as<{ requestAccess: { accessRequest: { id: string } } }>(
      "grace",
      `mutation { requestAccess(input: { roleId: "pecos-ai-administrator", justification: "I administer PECOS AI for my team." }) {
        accessRequest { id } userErrors { code } } }`,
    );
    await as(
      "bob",
      `mutation ($id: ID!) { decideAccessRequest(input: { requestId: $id, decision: APPROVED }) { userErrors { code } } }`,
      {
        id: requested.requestAccess.accessRequest.id,
      },
    );
    const GRANTS = `{ me { roleGrants { status missingPrerequisites role { id } } } }`;
    type Grants = { me: { roleGrants: { status: string; missingPrerequisites: string[]; role: { id: string } }[] } };
    const waiting = await as<Grants>("grace", GRANTS);
    expect(waiting.me.roleGrants).toContainEqual({
      status: "AWAITING_PREREQUISITES",
      missingPrerequisites: ["RULES_OF_BEHAVIOR", "PRIVILEGED_USER_ADDENDUM"],
      role: { id: "pecos-ai-administrator" },
    });
    await acknowledge("grace", versions.rules);
    await acknowledge("grace", versions.addendum);
    const active = await as<Grants>("grace", GRANTS);
    expect(active.me.roleGrants).toContainEqual({
      status: "ACTIVE",
      missingPrerequisites: [],
      role: { id: "pecos-ai-administrator" },
    });
  });

  it("access: another user sees nothing of alice's grants and requests", async () => {
    const { body } = await stack.graphql<{ approvalQueue: { nodes: unknown[] } }>(
      `{ approvalQueue(first: 50) { nodes { id requester { id } } } }`,
      {},
      { authorization: `Bearer ${await stack.token("alice")}` },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.approvalQueue.nodes).toEqual([]);
  });

  it("access: an anonymous approval queue answers the subgraph's own refusal, with its code, message and path", async () => {
    const { status, body } = await stack.graphql(`{ approvalQueue(first: 5) { nodes { id } } }`);
    expect(status).toBe(200);
    expect(body.data).toEqual({ approvalQueue: null });
    expect(body.errors).toEqual([
      {
        message: "Sign in to do this",
        path: ["approvalQueue"],
        extensions: expect.objectContaining({ code: "UNAUTHENTICATED", serviceName: "access-roles" }),
      },
    ]);
  });

  it("acknowledgements: the evidence export streams CSV to an auditor at the gateway's origin, and to nobody else", async () => {
    const url = `${stack.gateway.url}/export/acknowledgements.csv?policyId=hhs-rules-of-behavior`;
    const asAuditor = await fetch(url, { headers: { authorization: `Bearer ${await stack.token("frank")}` } });
    expect(asAuditor.status).toBe(200);
    expect(asAuditor.headers.get("content-type")).toContain("text/csv");
    const lines = (await asAuditor.text()).trim().split("\n");
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.slice(1).some((line) => line.includes("alice"))).toBe(true);
    const asAlice = await fetch(url, { headers: { authorization: `Bearer ${await stack.token("alice")}` } });
    expect(asAlice.status).toBe(403);
    expect(await asAlice.text()).not.toContain("alice,");
    expect((await fetch(url)).status).toBe(401);
  });

  it("acknowledgements: an application id the catalog does not know is recorded as given and reads back as a null application", async () => {
    // Subgraphs never call each other, so acknowledgements cannot ask the catalog; the graph flags the id instead.
    const { body } = await stack.graphql<{
      acknowledgePolicy: { acknowledgement: { id: string; application: unknown } | null; userErrors: unknown[] };
    }>(
      `mutation ($id: ID!) { acknowledgePolicy(input: { policyVersionId: $id, applicationId: "no-such-application" }) {
        acknowledgement { id application { id name } } userErrors { code } } }`,
      { id: versions.rules },
      { authorization: `Bearer ${await tokenOf("bob")}` },
    );
    expect(body.data?.acknowledgePolicy.userErrors).toEqual([]);
    expect(body.data?.acknowledgePolicy.acknowledgement).toEqual({ id: expect.any(String), application: null });
    // A malformed id is still refused, with nothing written.
    const malformed = await as<{ acknowledgePolicy: { acknowledgement: unknown; userErrors: { code: string }[] } }>(
      "carol",
      `mutation ($id: ID!) { acknowledgePolicy(input: { policyVersionId: $id, applicationId: "Not An Id" }) {
        acknowledgement { id } userErrors { code } } }`,
      { id: versions.rules },
    );
    expect(malformed.acknowledgePolicy).toEqual({ acknowledgement: null, userErrors: [{ code: "INVALID_SLUG" }] });
  });
});
