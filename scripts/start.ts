/**
 * `npm start`: the whole graph on one machine. Every subgraph (migrated, seeded when empty) and the gateway,
 * on the registry's ports, until Ctrl-C. Run after `npm run build` (npm start does both).
 */
import path from "node:path";
import { findRepoRoot } from "@portal-graph/subgraph-kit";
import { startStack, type Stack } from "./lib/stack.js";

const dev = process.argv.includes("--dev");
const root = findRepoRoot();
const verbose = process.env.LOG_LEVEL !== undefined;

let stack: Stack | undefined;
let shuttingDown = false;

async function shutdown(code: number): Promise<never> {
  if (!shuttingDown) {
    shuttingDown = true;
    await stack?.stop();
  }
  process.exit(code);
}

/** Prints a child's line: its message for humans, or the JSON itself with LOG_LEVEL set. */
function printLine(name: string, line: string): void {
  if (verbose) return void console.log(`[${name}] ${line}`);
  try {
    const entry = JSON.parse(line) as { level?: number; msg?: string; port?: number };
    if ((entry.level ?? 30) >= 30)
      console.log(`[${name}] ${entry.msg ?? line}${entry.port ? ` on port ${entry.port}` : ""}`);
  } catch {
    console.log(`[${name}] ${line}`);
  }
}

process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

// With no identity provider configured (a laptop), run the development issuer and trust it.
const useDevIssuer = !process.env.OIDC_ISSUER && !process.env.OIDC_JWKS_URL && process.env.NODE_ENV !== "production";
// Likewise with no caller keys configured: development keys for the gateway, the registry and tests.
const useDevCallerKeys =
  !process.env.GATEWAY_PROOF_KEY_FILE && !process.env.TRUSTED_CALLER_KEYS && process.env.NODE_ENV !== "production";

try {
  stack = await startStack({
    root,
    ports: "registry",
    dev,
    devIssuerPort: useDevIssuer ? Number(process.env.DEV_ISSUER_PORT ?? 4100) : undefined,
    callerKeysDir: useDevCallerKeys ? path.resolve(root, process.env.DATA_DIR ?? "data", "caller-keys") : undefined,
    env: { LOG_LEVEL: process.env.LOG_LEVEL ?? "info" },
    onLine: printLine,
    onExit: (name, code) => {
      console.error(`\n${name} stopped unexpectedly (exit code ${code}); stopping the graph.`);
      void shutdown(1);
    },
  });
} catch (error) {
  console.error(`\nPortal Graph did not start: ${(error as Error).message}`);
  await shutdown(1);
}

const url = stack!.gatewayUrl.replace("127.0.0.1", "localhost");
console.log(`
Portal Graph is up: ${url}

Try:
  curl -s ${url} -H 'content-type: application/json' \\
    -d '{"query":"{ applications(first: 5) { totalCount nodes { id acronym name } } }"}'

${
  stack!.issuer
    ? `Signed in as a development user (alice, bob, carol, dana, erin, frank; issuer ${stack!.issuer}):
  TOKEN=$(npm run -s token -- --user bob)
  curl -s ${url} -H "authorization: Bearer $TOKEN" -H 'content-type: application/json' \\
    -d '{"query":"{ me { id displayName portalRoles mfa { enrolled factors } } }"}'
`
    : ""
}
Ctrl-C stops everything.
`);
