/** The end-to-end harness: the real stack (built dist/) on free ports with fresh SQLite files, and a GraphQL client. */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { findRepoRoot } from "@portal-graph/subgraph-kit";
import { startStack, type Stack } from "../scripts/lib/stack.js";

export const root = findRepoRoot();

export interface TestStack extends Stack {
  /** Every line the processes printed, for assertions on logs. */
  lines: { name: string; line: string }[];
  /** POSTs a GraphQL request to the gateway and returns status and parsed body. */
  graphql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<T>>;
}

export interface GraphQLResponse<T> {
  status: number;
  body: { data?: T | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

/** Starts the whole graph for one test file; stop() also removes its data. */
export async function startTestStack(env: NodeJS.ProcessEnv = {}): Promise<TestStack> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "portal-graph-e2e-"));
  const lines: TestStack["lines"] = [];
  const stack = await startStack({
    root,
    ports: "ephemeral",
    env: { DATA_DIR: dataDir, LOG_LEVEL: "info", NODE_ENV: "test", SUPERGRAPH_POLL_MS: "200", ...env },
    onLine: (name, line) => lines.push({ name, line }),
  });
  return {
    ...stack,
    lines,
    async graphql<T>(query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) {
      const response = await fetch(stack.gatewayUrl, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, body: (await response.json()) as GraphQLResponse<T>["body"] };
    },
    async stop() {
      await stack.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
