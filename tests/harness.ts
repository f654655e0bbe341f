/** The end-to-end harness: the real stack (built dist/) on free ports with fresh SQLite files, and a GraphQL client. */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { mintDevToken, type MintOptions } from "@portal-graph/auth/dev-issuer";
import { findRepoRoot } from "@portal-graph/subgraph-kit/workspace";
import { startStack, type Stack, type StackOptions } from "../scripts/lib/stack.js";

export const root = findRepoRoot();

export interface TestStack extends Stack {
  /** Where the development issuer keeps its keys for this stack. */
  keysDir: string;
  /** The stack's DATA_DIR (SQLite files, keys). */
  dataDir: string;
  /** A token from the stack's development issuer. */
  token(user: string, options?: Omit<MintOptions, "user">): Promise<string>;
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
export async function startTestStack(
  env: NodeJS.ProcessEnv = {},
  options: Pick<StackOptions, "restart" | "onExit" | "onRestarted" | "without" | "registryPort" | "portalUiPort"> = {},
): Promise<TestStack> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "portal-graph-e2e-"));
  const lines: TestStack["lines"] = [];
  const stack = await startStack({
    root,
    ports: "ephemeral",
    env: {
      DATA_DIR: dataDir,
      LOG_LEVEL: "info",
      NODE_ENV: "test",
      SUPERGRAPH_POLL_MS: "200",
      OIDC_JWKS_COOLDOWN_SECONDS: "0",
      ...env,
    },
    devIssuerPort: 0,
    callerKeysDir: path.join(dataDir, "caller-keys"),
    onLine: (name, line) => lines.push({ name, line }),
    ...options,
  });
  const keysDir = path.join(dataDir, "dev-issuer");
  return {
    ...stack,
    keysDir,
    dataDir,
    lines,
    token: (user, options = {}) => mintDevToken(keysDir, stack.issuer!, { user, ...options }),
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
