/**
 * Application.viewerReadiness through the real gateway: what each development user is told, that it agrees with the
 * fields it is made from (me.compliance, viewerAccess, RoleGrant.status), what it costs for a page of applications,
 * and what it says when a subgraph cannot answer (docs/adr/0004).
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestStack, type TestStack } from "../harness.js";
import { subgraphMetrics } from "../subgraph-client.js";

// The SQLite driver the subgraphs use, to take a table away from a running subgraph.
const Database = createRequire(import.meta.url)("better-sqlite3") as new (file: string) => {
  exec(sql: string): void;
  close(): void;
};

const BLOCKER_FIELDS = `
  kind
  message
  ... on AcknowledgementRequiredBlocker { policyVersion { id policy { title } } reason }
  ... on RoleRequiredBlocker { requestableRoles { id } }
  ... on RequestPendingBlocker { request { id status } requestedAt }
  ... on GrantAwaitingPrerequisitesBlocker { grant { id status missingPrerequisites } }
  ... on MfaRequiredBlocker { factors }
  ... on ApplicationRetiredBlocker { replacement { id } }
  ... on UnknownBlocker { subgraph }
`;

const READINESS = `query Readiness($id: ID!) {
  application(id: $id) {
    viewerReadiness { canLaunch blockers { ${BLOCKER_FIELDS} } help { helpDesk { id } openNow opensAt } }
  }
}`;

const AGREEMENT = `query Agreement($id: ID!) {
  application(id: $id) {
    roles { id }
    viewerAccess { grants { id status } pendingRequests { id } canRequest }
    viewerReadiness { canLaunch blockers { ${BLOCKER_FIELDS} } }
  }
  me { compliance(applicationId: $id) { requirements { version { id } status } } }
}`;

interface Blocker {
  kind: string;
  message: string;
  policyVersion?: { id: string; policy: { title: string } };
  reason?: string;
  requestableRoles?: { id: string }[];
  request?: { id: string; status: string };
  grant?: { id: string; status: string; missingPrerequisites: string[] };
  factors?: string[];
  replacement?: { id: string } | null;
  subgraph?: string;
}

interface Readiness {
  canLaunch: boolean;
  blockers: Blocker[];
  help?: { helpDesk: { id: string }; openNow: boolean; opensAt: string | null } | null;
}

const USERS = ["alice", "bob", "carol", "dana", "erin", "frank"];
const APPLICATIONS = ["pecos-ai", "pecos-dm", "qarm", "desy", "hdt"];
const COMPLIANT = ["CURRENT", "DUE_SOON"];

describe("Application.viewerReadiness", () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  // One sign-in per user and amr, kept for the file: the warning banner is acknowledged per sign-in.
  const signIns = new Map<string, Promise<string>>();
  const as = async (user: string | null, options: { amr?: string[] } = {}): Promise<Record<string, string>> => {
    if (!user) return {};
    const key = `${user} ${options.amr?.join(",") ?? ""}`;
    if (!signIns.has(key)) signIns.set(key, stack.token(user, options));
    return { authorization: `Bearer ${await signIns.get(key)!}` };
  };

  async function readiness(id: string, user: string | null, options: { amr?: string[] } = {}) {
    const { body } = await stack.graphql<{ application: { viewerReadiness: Readiness | null } }>(
      READINESS,
      { id },
      await as(user, options),
    );
    return { readiness: body.data?.application.viewerReadiness ?? null, errors: body.errors };
  }

  /** Acknowledges each policy version readiness asks the user for, in this file's sign-in. */
  async function acknowledgeWhatIsDue(id: string, user: string): Promise<void> {
    for (const blocker of (await readiness(id, user)).readiness!.blockers) {
      expect(blocker.kind).toBe("ACKNOWLEDGEMENT_REQUIRED");
      const { body } = await stack.graphql<{ acknowledgePolicy: { userErrors: unknown[] } }>(
        `mutation Ack($input: AcknowledgePolicyInput!) { acknowledgePolicy(input: $input) { userErrors { message } } }`,
        { input: { policyVersionId: blocker.policyVersion!.id } },
        await as(user),
      );
      expect(body.errors).toBeUndefined();
      expect(body.data!.acknowledgePolicy.userErrors).toEqual([]);
    }
  }

  it("tells alice, who has acknowledged nothing, which policies to acknowledge for PECOS AI", async () => {
    const { readiness: answer, errors } = await readiness("pecos-ai", "alice");
    expect(errors).toBeUndefined();
    expect(answer!.canLaunch).toBe(false);
    const acknowledgements = answer!.blockers.filter((blocker) => blocker.kind === "ACKNOWLEDGEMENT_REQUIRED");
    expect(acknowledgements.map((blocker) => blocker.policyVersion!.policy.title)).toEqual(
      expect.arrayContaining([expect.stringMatching(/warning banner/i), expect.stringMatching(/rules of behavior/i)]),
    );
    for (const blocker of acknowledgements) expect(blocker.message).toContain(blocker.policyVersion!.policy.title);
    expect(answer!.help).toMatchObject({ helpDesk: { id: expect.any(String) }, openNow: expect.any(Boolean) });
  });

  it("asks an anonymous visitor to sign in, and still names who can help", async () => {
    const { readiness: answer, errors } = await readiness("pecos-ai", null);
    expect(errors).toBeUndefined();
    expect(answer).toMatchObject({ canLaunch: false, blockers: [{ kind: "SIGN_IN_REQUIRED" }] });
    expect(answer!.blockers).toHaveLength(1);
    expect(answer!.help?.helpDesk.id).toBeTruthy();
  });

  it("lets a user who holds a role and has acknowledged what is due launch, with no blockers", async () => {
    // erin holds qarm-user, an ordinary role; she acknowledges what readiness asks for (the banner for this sign-in).
    const headers = await as("erin");
    expect((await readiness("qarm", "erin")).readiness!.blockers.length).toBeGreaterThan(0);
    await acknowledgeWhatIsDue("qarm", "erin");
    const { body } = await stack.graphql<{ application: { viewerReadiness: Readiness } }>(
      READINESS,
      { id: "qarm" },
      headers,
    );
    expect(body.data!.application.viewerReadiness).toMatchObject({ canLaunch: true, blockers: [] });
  });

  it("agrees with me.compliance, viewerAccess and RoleGrant.status for every development user", async () => {
    for (const user of USERS) {
      const headers = await as(user);
      for (const id of APPLICATIONS) {
        const { body } = await stack.graphql<{
          application: {
            roles: { id: string }[];
            viewerAccess: {
              grants: { id: string; status: string }[];
              pendingRequests: { id: string }[];
              canRequest: boolean;
            };
            viewerReadiness: Readiness;
          };
          me: { compliance: { requirements: { version: { id: string }; status: string }[] } };
        }>(AGREEMENT, { id }, headers);
        expect(body.errors, `${user} ${id}`).toBeUndefined();
        const { roles, viewerAccess, viewerReadiness } = body.data!.application;
        const of = (kind: string) => viewerReadiness.blockers.filter((blocker) => blocker.kind === kind);
        const context = `${user} on ${id}`;

        const due = body.data!.me.compliance.requirements.filter(
          (requirement) => !COMPLIANT.includes(requirement.status),
        );
        expect(
          of("ACKNOWLEDGEMENT_REQUIRED").map((b) => b.policyVersion!.id),
          context,
        ).toEqual(due.map((r) => r.version.id));

        const active = viewerAccess.grants.filter((grant) => grant.status === "ACTIVE");
        const awaiting = viewerAccess.grants.filter((grant) => grant.status === "AWAITING_PREREQUISITES");
        const expected: Record<string, string[]> = {
          ROLE_REQUIRED: [],
          REQUEST_PENDING: [],
          GRANT_AWAITING_PREREQUISITES: [],
        };
        if (roles.length > 0 && active.length === 0) {
          if (awaiting.length > 0) expected.GRANT_AWAITING_PREREQUISITES = awaiting.map((grant) => grant.id);
          else if (viewerAccess.pendingRequests.length > 0)
            expected.REQUEST_PENDING = viewerAccess.pendingRequests.map((request) => request.id);
          else expected.ROLE_REQUIRED = ["role"];
        }
        expect(
          of("GRANT_AWAITING_PREREQUISITES").map((b) => b.grant!.id),
          context,
        ).toEqual(expected.GRANT_AWAITING_PREREQUISITES);
        for (const blocker of of("GRANT_AWAITING_PREREQUISITES")) {
          expect(blocker.grant!.status).toBe("AWAITING_PREREQUISITES");
          expect(blocker.grant!.missingPrerequisites.length).toBeGreaterThan(0);
        }
        expect(
          of("REQUEST_PENDING").map((b) => b.request!.id),
          context,
        ).toEqual(expected.REQUEST_PENDING);
        expect(
          of("ROLE_REQUIRED").map(() => "role"),
          context,
        ).toEqual(expected.ROLE_REQUIRED);
        for (const blocker of of("ROLE_REQUIRED")) {
          expect(blocker.requestableRoles!.length > 0, context).toBe(viewerAccess.canRequest);
        }
        expect(of("MFA_REQUIRED"), context).toEqual([]);
        expect(of("UNKNOWN"), context).toEqual([]);
        expect(viewerReadiness.canLaunch, context).toBe(viewerReadiness.blockers.length === 0);
      }
    }
  });

  it("asks for a second factor when the only access is privileged and the sign-in had none", async () => {
    // gina (no seeded data; a password-only sign-in) is granted pecos-ai-administrator, a privileged role.
    const { body: asked } = await stack.graphql<{ requestAccess: { accessRequest: { id: string } } }>(
      `mutation { requestAccess(input: { roleId: "pecos-ai-administrator", justification: "Account administration." }) { accessRequest { id } } }`,
      {},
      await as("gina"),
    );
    const requestId = asked.data!.requestAccess.accessRequest.id;
    const { body: decided } = await stack.graphql<{ decideAccessRequest: { userErrors: unknown[] } }>(
      `mutation Decide($id: ID!) { decideAccessRequest(input: { requestId: $id, decision: APPROVED }) { userErrors { message } } }`,
      { id: requestId },
      await as("bob"),
    );
    expect(decided.data!.decideAccessRequest.userErrors).toEqual([]);

    const kinds = (answer: Readiness) => answer.blockers.map((blocker) => blocker.kind);
    const passwordOnly = (await readiness("pecos-ai", "gina")).readiness!;
    expect(kinds(passwordOnly)).toContain("GRANT_AWAITING_PREREQUISITES");
    expect(kinds(passwordOnly).at(-1)).toBe("MFA_REQUIRED");
    expect(passwordOnly.blockers.at(-1)!.factors).toContain("otp");
    const withOtp = (await readiness("pecos-ai", "gina", { amr: ["pwd", "otp"] })).readiness!;
    expect(kinds(withOtp)).toEqual(kinds(passwordOnly).slice(0, -1));
    // An ordinary role needs no second factor: erin's qarm-user.
    const ordinary = (await readiness("qarm", "erin", { amr: ["pwd"] })).readiness!;
    expect(kinds(ordinary)).not.toContain("MFA_REQUIRED");
  });

  it("shows each viewer only their own requests and grants", async () => {
    // frank asked for pecos-ai-administrator (rejected in the seed); alice asks for a role now: bob, an approver
    // of PECOS AI, is not told of it in his own readiness, and alice is told of hers.
    const { body } = await stack.graphql<{ requestAccess: { accessRequest: { id: string } | null } }>(
      `mutation { requestAccess(input: { roleId: "pecos-ai-viewer", justification: "Reviewing enrollments." }) { accessRequest { id } userErrors { message } } }`,
      {},
      await as("alice"),
    );
    const requestId = body.data!.requestAccess.accessRequest!.id;
    const alice = (await readiness("pecos-ai", "alice")).readiness!;
    expect(alice.blockers.filter((b) => b.kind === "REQUEST_PENDING").map((b) => b.request!.id)).toEqual([requestId]);
    for (const user of ["bob", "carol", "frank"]) {
      const other = (await readiness("pecos-ai", user)).readiness!;
      expect(JSON.stringify(other), user).not.toContain(requestId);
    }
  });

  it("costs the same fetches and SQL statements per subgraph for 23 applications as for 3", async () => {
    const headers = await as("dana");
    // Following a blocker's entity (request { status }) adds one fetch to its owner when the page has such a
    // blocker: constant too, but it depends on the data, so the page asks for what every blocker has.
    const page = (first: number) => `{
      applications(first: ${first}) { nodes { id viewerReadiness { canLaunch blockers { kind message } help { helpDesk { name } openNow opensAt } } } }
    }`;
    async function costs(first: number) {
      const metrics = async () =>
        Object.fromEntries(
          await Promise.all(
            [...stack.subgraphs.keys()].map(async (name) => [name, await subgraphMetrics(stack, name)] as const),
          ),
        );
      const before = await metrics();
      const { body } = await stack.graphql<{ applications: { nodes: unknown[] } }>(page(first), {}, headers);
      const after = await metrics();
      expect(body.errors).toBeUndefined();
      expect(body.data!.applications.nodes).toHaveLength(first);
      return Object.fromEntries(
        Object.keys(after).map((name) => [
          name,
          [after[name]!.requests - before[name]!.requests, after[name]!.sqlStatements - before[name]!.sqlStatements],
        ]),
      );
    }
    const three = await costs(3);
    expect(await costs(23)).toEqual(three);
    // One fetch per subgraph, and the catalog twice (the page, then readiness once the reports are in).
    expect(Object.fromEntries(Object.entries(three).map(([name, [fetches]]) => [name, fetches]))).toEqual({
      catalog: 2,
      acknowledgements: 1,
      "access-roles": 1,
      "help-desks": 1,
    });
  });

  it("says UNKNOWN, never canLaunch, when acknowledgements answers but cannot read its database", async () => {
    const file = path.join(stack.dataDir, "acknowledgements.sqlite");
    expect(existsSync(file)).toBe(true);
    const database = new Database(file);
    try {
      database.exec("ALTER TABLE acknowledgement RENAME TO acknowledgement_away");
      const { readiness: answer, errors } = await readiness("qarm", "erin");
      expect(answer!.canLaunch).toBe(false);
      expect(answer!.blockers[0]).toMatchObject({ kind: "UNKNOWN", subgraph: "acknowledgements" });
      expect(errors?.length).toBeGreaterThan(0);
    } finally {
      database.exec("ALTER TABLE acknowledgement_away RENAME TO acknowledgement");
      database.close();
    }
  });

  it("answers without help when help-desks is down, and UNKNOWN (never canLaunch) when acknowledgements or access-roles is", async () => {
    await acknowledgeWhatIsDue("qarm", "erin");
    await stack.stopSubgraph("help-desks");
    try {
      const { readiness: answer, errors } = await readiness("qarm", "erin");
      expect(answer).toMatchObject({ canLaunch: true, blockers: [], help: null });
      expect(errors?.map((error) => error.extensions?.subgraph)).toEqual(["help-desks"]);
    } finally {
      await stack.restartSubgraph("help-desks");
    }
    for (const down of ["acknowledgements", "access-roles"]) {
      await stack.stopSubgraph(down);
      try {
        const { readiness: answer, errors } = await readiness("qarm", "erin");
        expect(answer!.canLaunch, down).toBe(false);
        expect(
          answer!.blockers.filter((blocker) => blocker.kind === "UNKNOWN"),
          down,
        ).toEqual([expect.objectContaining({ subgraph: down, message: expect.stringContaining(down) })]);
        expect(answer!.help, down).not.toBeNull();
        expect(errors).toEqual([
          expect.objectContaining({ path: ["application"], extensions: expect.objectContaining({ subgraph: down }) }),
        ]);
      } finally {
        await stack.restartSubgraph(down);
      }
    }
  });

  it("names the replacement of a retired application and nothing else", async () => {
    const headers = await as("carol", {});
    const admin = { authorization: `Bearer ${await stack.token("carol", { roles: ["PORTAL_ADMIN"] })}` };
    for (const mutation of [
      `mutation { deprecateApplication(input: { id: "hdt", replacedBy: "qarm" }) { userErrors { message } } }`,
      `mutation { retireApplication(input: { id: "hdt" }) { userErrors { message } } }`,
    ]) {
      const { body } = await stack.graphql(mutation, {}, admin);
      expect(body.errors).toBeUndefined();
    }
    const { body } = await stack.graphql<{ application: { viewerReadiness: Readiness } }>(
      READINESS,
      { id: "hdt" },
      headers,
    );
    expect(body.data!.application.viewerReadiness).toMatchObject({
      canLaunch: false,
      blockers: [{ kind: "APPLICATION_RETIRED", replacement: { id: "qarm" } }],
    });
    expect(body.data!.application.viewerReadiness.blockers).toHaveLength(1);
  });
});
