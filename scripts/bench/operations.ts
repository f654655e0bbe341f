import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { PreparedRequest } from "./load.js";
import type { Facts } from "./generate/index.js";

/** A benchmarked operation: its document and how to make its i-th request (variables and token vary by i). */
export interface Operation {
  name: string;
  prepare(facts: Facts, tokenFor: (user: string) => Promise<string>): (i: number) => Promise<PreparedRequest>;
}

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), "operations");
const document = (name: string) => readFileSync(path.join(dir, `${name}.graphql`), "utf8");

function request(query: string, variables: Record<string, unknown>, token?: string): PreparedRequest {
  return {
    headers: token ? { authorization: `Bearer ${token}` } : {},
    body: JSON.stringify({ query, variables }),
  };
}

/** The portal's six operations, each kept as a .graphql file beside this one. */
export const OPERATIONS: Operation[] = [
  {
    name: "portal-home",
    prepare: () => {
      const query = document("portal-home");
      return async () => request(query, {});
    },
  },
  {
    name: "application-detail",
    prepare: (facts) => {
      const query = document("application-detail");
      return async (i) => request(query, { id: facts.applicationIds[i % facts.applicationIds.length] });
    },
  },
  {
    name: "my-portal",
    prepare: (facts, tokenFor) => {
      const query = document("my-portal");
      const users = facts.userIds.slice(0, 1000);
      return async (i) =>
        request(
          query,
          { applicationId: facts.applicationIds[i % facts.applicationIds.length] },
          await tokenFor(users[i % users.length]!),
        );
    },
  },
  {
    name: "launch-panel",
    prepare: (facts, tokenFor) => {
      const query = document("launch-panel");
      const users = facts.userIds.slice(0, 1000);
      return async (i) => request(query, {}, await tokenFor(users[i % users.length]!));
    },
  },
  {
    name: "approval-queue",
    prepare: (facts, tokenFor) => {
      const query = document("approval-queue");
      return async () => request(query, {}, await tokenFor(facts.approverId));
    },
  },
  {
    name: "acknowledge",
    prepare: (facts, tokenFor) => {
      const query = document("acknowledge");
      const users = facts.userIds.slice(0, 1000);
      return async (i) =>
        request(
          query,
          { input: { policyVersionId: facts.rulesVersionId, method: "ELECTRONIC" } },
          await tokenFor(users[i % users.length]!),
        );
    },
  },
];
