import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql, parse, type GraphQLSchema } from "graphql";
import { composeServices } from "@apollo/composition";
import { ApolloGateway, type GraphQLDataSource } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { buildSubgraphSchema } from "@apollo/subgraph";
import type { Viewer } from "@portal-graph/subgraph-kit";
import { openTestSubgraph, testDatabaseKinds, type TestSubgraph } from "@portal-graph/subgraph-kit/testing";
import { ALICE, BOB, FRANK, WHY } from "../access.test-support.js";
import { subgraph } from "../server.js";

const kinds = await testDatabaseKinds();

/**
 * A stand-in for the acknowledgements subgraph, exactly as much of it as @requires reaches: User.missingPrivileged
 * Acknowledgements from an in-memory map (and Application.viewerMissingPrivilegedAcknowledgements, declared so that
 * access-roles' readiness report composes; not asked here). Its SDL is the contract, not its code (never imported here).
 */
const missing = new Map<string, string[]>();
const acknowledgements = buildSubgraphSchema([
  {
    typeDefs:
      parse(`extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@inaccessible"])
      enum PolicyKind { WARNING_BANNER RULES_OF_BEHAVIOR PRIVILEGED_USER_ADDENDUM APPLICATION_RULES
        PRIVACY_ACT_STATEMENT PAPERWORK_REDUCTION_ACT_NOTICE }
      type User @key(fields: "id") { id: ID!  missingPrivilegedAcknowledgements: [PolicyKind!] }
      type Application @key(fields: "id") { id: ID!  viewerMissingPrivilegedAcknowledgements: [PolicyKind!] @inaccessible }`),
    resolvers: {
      User: {
        __resolveReference: (user: { id: string }) => ({
          id: user.id,
          missingPrivilegedAcknowledgements: missing.get(user.id) ?? [],
        }),
      },
    } as never,
  },
]);

type Context = { viewer: Viewer | null };

/** The real @apollo/gateway planning and executing over the two subgraphs in-process (no ports). */
async function startGateway(accessRoles: TestSubgraph) {
  const accessRolesSdl = (await accessRoles.execute<{ _service: { sdl: string } }>("{ _service { sdl } }")).data!
    ._service.sdl;
  const acknowledgementsSdl = (await graphql({ schema: acknowledgements, source: "{ _service { sdl } }" })).data as {
    _service: { sdl: string };
  };
  const composed = composeServices([
    { name: "access-roles", url: "http://access-roles/graphql", typeDefs: parse(accessRolesSdl) },
    {
      name: "acknowledgements",
      url: "http://acknowledgements/graphql",
      typeDefs: parse(acknowledgementsSdl._service.sdl),
    },
  ]);
  expect(composed.errors).toBeUndefined();
  const fetches: string[] = [];
  const local = (
    name: string,
    run: (query: string, variables: Record<string, unknown>, viewer: Viewer | null) => Promise<unknown>,
  ) =>
    ({
      process: async ({ request, context }) => {
        fetches.push(name);
        return (await run(request.query!, request.variables ?? {}, (context as Context).viewer)) as never;
      },
    }) satisfies GraphQLDataSource<Record<string, unknown>>;
  const gateway = new ApolloGateway({
    supergraphSdl: composed.supergraphSdl!,
    buildService: ({ name }) =>
      name === "access-roles"
        ? local(name, (query, variables, viewer) => accessRoles.execute(query, variables, { viewer }))
        : local(name, (source, variableValues) =>
            graphql({ schema: acknowledgements as GraphQLSchema, source, variableValues }),
          ),
  });
  const server = new ApolloServer<Context>({ gateway });
  await server.start();
  return {
    fetches,
    stop: () => server.stop(),
    async run<T>(query: string, viewer: Viewer | null, variables: Record<string, unknown> = {}) {
      fetches.length = 0;
      const response = await server.executeOperation<T>({ query, variables }, { contextValue: { viewer } });
      if (response.body.kind !== "single") throw new Error("expected a single result");
      return response.body.singleResult;
    },
  };
}

describe.each(kinds)("through @apollo/gateway, on %s", (kind) => {
  let accessRoles: TestSubgraph;
  let gateway: Awaited<ReturnType<typeof startGateway>>;
  beforeAll(async () => {
    accessRoles = await openTestSubgraph(subgraph, kind);
    gateway = await startGateway(accessRoles);
  });
  afterAll(async () => {
    await gateway?.stop();
    await accessRoles?.close();
  });

  it("takes a privileged role from request to AWAITING_PREREQUISITES to ACTIVE as acknowledgements arrive", async () => {
    missing.set("alice", ["RULES_OF_BEHAVIOR"]);
    const requested = await gateway.run<{ requestAccess: { accessRequest: { id: string } } }>(
      `mutation ($input: RequestAccessInput!) { requestAccess(input: $input) { accessRequest { id } userErrors { code } } }`,
      ALICE,
      { input: { roleId: "pecos-ai-administrator", justification: WHY } },
    );
    const requestId = requested.data!.requestAccess.accessRequest.id;

    const queue = await gateway.run<{ approvalQueue: { nodes: { id: string; blockers: unknown[] }[] } }>(
      `{ approvalQueue(first: 10) { nodes { id requester { id } blockers { kind acknowledgement blocksApproval } } } }`,
      BOB,
    );
    expect(queue.errors).toBeUndefined();
    expect(queue.data!.approvalQueue.nodes.find((node) => node.id === requestId)!.blockers).toEqual([
      { kind: "MISSING_ACKNOWLEDGEMENT", acknowledgement: "RULES_OF_BEHAVIOR", blocksApproval: false },
    ]);
    // access-roles (the page), acknowledgements (the requesters), access-roles (blockers with the requirement)
    expect(gateway.fetches).toEqual(["access-roles", "acknowledgements", "access-roles"]);

    const decide = `mutation ($input: DecideAccessRequestInput!) {
      decideAccessRequest(input: $input) { roleGrant { id status missingPrerequisites } userErrors { code } }
    }`;
    const own = await gateway.run<{ decideAccessRequest: { userErrors: { code: string }[] } }>(decide, ALICE, {
      input: { requestId, decision: "APPROVED" },
    });
    expect(own.data!.decideAccessRequest.userErrors).toEqual([{ code: "REQUESTER_CANNOT_DECIDE" }]);
    const approved = await gateway.run<{ decideAccessRequest: { roleGrant: unknown } }>(decide, BOB, {
      input: { requestId, decision: "APPROVED" },
    });
    // Even in a mutation's payload, the gateway fetches the holder's acknowledgements for status.
    expect(approved.data!.decideAccessRequest.roleGrant).toMatchObject({
      status: "AWAITING_PREREQUISITES",
      missingPrerequisites: ["RULES_OF_BEHAVIOR"],
    });

    const mine = `{ me { roleGrants { role { id } status missingPrerequisites } } }`;
    const before = await gateway.run<{ me: { roleGrants: unknown[] } }>(mine, ALICE);
    expect(before.data!.me.roleGrants).toEqual([
      {
        role: { id: "pecos-ai-administrator" },
        status: "AWAITING_PREREQUISITES",
        missingPrerequisites: ["RULES_OF_BEHAVIOR"],
      },
    ]);
    missing.set("alice", []);
    const after = await gateway.run<{ me: { roleGrants: unknown[] } }>(mine, ALICE);
    expect(after.data!.me.roleGrants).toEqual([
      { role: { id: "pecos-ai-administrator" }, status: "ACTIVE", missingPrerequisites: [] },
    ]);
    // Not selecting status costs no trip to the acknowledgements subgraph.
    await gateway.run(`{ me { roleGrants { id role { name } } } }`, ALICE);
    expect(gateway.fetches).toEqual(["access-roles"]);

    const audit = await gateway.run<{ auditEvents: { nodes: { actor: string; action: string }[] } }>(
      `query ($id: String) { auditEvents(filter: { accessRequestId: $id }) { nodes { actor action } } }`,
      FRANK,
      { id: requestId },
    );
    expect(audit.data!.auditEvents.nodes).toEqual([
      { actor: "bob", action: "ROLE_GRANTED" },
      { actor: "bob", action: "ACCESS_REQUEST_APPROVED" },
      { actor: "alice", action: "ACCESS_REQUESTED" },
    ]);
  });

  it("shows an ordinary role ACTIVE whatever the holder's acknowledgements", async () => {
    missing.set("frank", ["RULES_OF_BEHAVIOR", "PRIVILEGED_USER_ADDENDUM"]);
    const grants = await gateway.run<{ me: { roleGrants: { role: { id: string }; status: string }[] } }>(
      `{ me { roleGrants { role { id } status } } }`,
      FRANK,
    );
    expect(grants.errors).toBeUndefined();
    expect(grants.data!.me.roleGrants.map((grant) => [grant.role.id, grant.status])).toEqual([
      ["pecos-dm-viewer", "EXPIRED"],
      ["qarm-user", "REMOVED_UNCERTIFIED"],
    ]);
  });
});
