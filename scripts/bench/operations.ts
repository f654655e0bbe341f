import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { AnswerShape } from "./answers.js";
import type { Facts } from "./generate/index.js";
import type { PreparedRequest } from "./load.js";
import { rotation, viewerAt } from "./users.js";

/** Who sends an operation's requests: nobody (anonymous), ordinary users, or approvers. */
export type Viewers = "anonymous" | "users" | "approvers";

/** A benchmarked operation: its document, who asks, how its variables vary, and what a right answer holds. */
export interface Operation {
  name: string;
  viewers: Viewers;
  variables(facts: Facts, i: number): Record<string, unknown>;
  answer: AnswerShape;
  /**
   * Every field public, so the gateway's response cache applies: also measured through a gateway with the cache on,
   * anonymous and signed in (the `cached` and `signedIn` figures).
   */
  cached?: boolean;
}

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), "operations");
const document = (name: string) => readFileSync(path.join(dir, `${name}.graphql`), "utf8");
const none = () => ({});

/** The portal's six operations, each kept as a .graphql file beside this one. */
export const OPERATIONS: Operation[] = [
  {
    name: "portal-home",
    viewers: "anonymous",
    cached: true,
    variables: none,
    answer: { nonNull: ["applications", "applications.nodes.*.helpDesks"], nonEmpty: ["applications.nodes"] },
  },
  {
    name: "application-detail",
    viewers: "anonymous",
    variables: (facts, i) => ({ id: facts.applicationIds[i % facts.applicationIds.length] }),
    // Every application has one to three help desks in the generated data.
    answer: { nonNull: ["application.name", "application.roles"], nonEmpty: ["application.helpDesks"] },
  },
  {
    name: "my-portal",
    viewers: "users",
    variables: (facts, i) => ({ applicationId: facts.applicationIds[i % facts.applicationIds.length] }),
    answer: { nonNull: ["me.id", "me.compliance", "me.roleGrants", "me.accessRequests"], nonEmpty: [] },
  },
  {
    name: "launch-panel",
    viewers: "users",
    variables: none,
    answer: { nonNull: ["applications.nodes.*.viewerReadiness"], nonEmpty: ["applications.nodes"] },
  },
  {
    name: "approval-queue",
    viewers: "approvers",
    variables: none,
    // Every approver decides for applications with pending requests (generate/access-roles.ts).
    answer: {
      nonNull: ["approvalQueue.nodes.*.requester", "approvalQueue.nodes.*.role"],
      nonEmpty: ["approvalQueue.nodes"],
    },
  },
  {
    name: "acknowledge",
    viewers: "users",
    variables: (facts) => ({ input: { policyVersionId: facts.rulesVersionId, method: "ELECTRONIC" } }),
    answer: { nonNull: ["acknowledgePolicy.acknowledgement.id"], nonEmpty: [] },
  },
];

/** The users an operation's requests rotate through: `users` of its kind drawn from the data, none when anonymous. */
export function viewersOf(op: Operation, facts: Facts, users: number): string[] {
  if (op.viewers === "anonymous") return [];
  return rotation(op.viewers === "approvers" ? facts.approverIds : facts.userIds, users);
}

/**
 * The requests a run cycles through: `count` of them, the i-th with the i-th variables and the rotation's i-th user.
 * Each carries its place in the list (x-bench-request, which gateways ignore) so the floor can answer it with the
 * fetches our gateway made for that very request.
 */
export async function prepareRequests(
  op: Operation,
  facts: Facts,
  viewers: string[],
  count: number,
  tokenFor: (user: string) => Promise<string>,
): Promise<PreparedRequest[]> {
  const query = document(op.name);
  const requests: PreparedRequest[] = [];
  for (let i = 0; i < count; i++) {
    const headers: Record<string, string> = { "x-bench-request": String(i) };
    if (viewers.length > 0) headers.authorization = `Bearer ${await tokenFor(viewerAt(viewers, i))}`;
    requests.push({ headers, body: JSON.stringify({ query, variables: op.variables(facts, i) }) });
  }
  return requests;
}
