/**
 * `npm start [-- --without <subgraph>[,<subgraph>]]`: the whole graph on one machine. Every subgraph (migrated,
 * seeded when empty) and the gateway, on the registry's ports, until Ctrl-C. A subgraph that exits is started again
 * while the rest go on serving. `--without` leaves subgraphs for their teams to run from their workspaces (npm run
 * dev there), trusting this graph's development issuer and caller keys by themselves. Run after `npm run build`
 * (npm start does both).
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { findRepoRoot, readRegistry, writeRunningGraph } from "@portal-graph/subgraph-kit/workspace";
import { startStack, type Stack } from "./lib/stack.js";

const USAGE = `usage: npm start [-- --without <subgraph>[,<subgraph>…]]

Starts every subgraph in schema/subgraphs.json and the gateway. --without leaves the named subgraphs out, for
you to run from their workspaces (npm run dev -w subgraphs/<name>); the gateway finds them on their registry ports.`;

let args;
try {
  args = parseArgs({ options: { dev: { type: "boolean" }, without: { type: "string" }, help: { type: "boolean" } } });
} catch (error) {
  console.error(`${(error as Error).message}\n\n${USAGE}`);
  process.exit(2);
}
if (args.values.help) {
  console.log(USAGE);
  process.exit(0);
}

const dev = args.values.dev ?? false;
const root = findRepoRoot();
const verbose = process.env.LOG_LEVEL !== undefined;
const registry = readRegistry(root);
const without = (args.values.without ?? "")
  .split(",")
  .map((name) => name.trim())
  .filter(Boolean);
const unknown = without.filter((name) => !registry.some((entry) => entry.name === name));
if (unknown.length > 0) {
  console.error(
    `--without: no subgraph named ${unknown.join(", ")} (there are ${registry.map((e) => e.name).join(", ")})`,
  );
  process.exit(2);
}

/**
 * TRUSTED_DOCUMENTS for the gateway: each manifest path made absolute from where `npm start` was typed (npm runs this
 * script from the root), so a client's `persisted-documents.json` can be named as the shell sees it.
 */
function trustedDocumentsEnv(): NodeJS.ProcessEnv {
  const manifests = process.env.TRUSTED_DOCUMENTS?.trim();
  if (!manifests) return {};
  const from = process.env.INIT_CWD ?? process.cwd();
  const files = manifests.split(",").map((file) => path.resolve(from, file.trim()));
  return { TRUSTED_DOCUMENTS: files.filter((file) => file !== from).join(",") };
}

let stack: Stack | undefined;
let forget = (): void => undefined;
let shuttingDown: Promise<never> | undefined;

/**
 * Stops every process of the graph, then exits. Called again meanwhile (one Ctrl-C reaches this process twice,
 * once from the terminal and once relayed by tsx), it waits for the same stop instead of exiting before it is done.
 */
function shutdown(code: number): Promise<never> {
  shuttingDown ??= (async () => {
    forget();
    await stack?.stop();
    process.exit(code);
  })();
  return shuttingDown;
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
    without,
    registryPort: Number(process.env.REGISTRY_PORT ?? 4010),
    devIssuerPort: useDevIssuer ? Number(process.env.DEV_ISSUER_PORT ?? 4100) : undefined,
    callerKeysDir: useDevCallerKeys ? path.resolve(root, process.env.DATA_DIR ?? "data", "caller-keys") : undefined,
    // The example portal UI (portal-ui/, built by npm start's build) on PORTAL_PORT; not in --dev, which builds nothing.
    portalUiPort: dev ? undefined : Number(process.env.PORTAL_PORT ?? 3000),
    env: { LOG_LEVEL: process.env.LOG_LEVEL ?? "info", ...trustedDocumentsEnv() },
    onLine: printLine,
    restart: {},
    onExit: (name, code, restartInMs) => {
      const how = code === null ? "killed by a signal" : `exit code ${code}`;
      if (restartInMs !== undefined) {
        const meanwhile =
          name === "registry"
            ? "the gateway goes on serving its last supergraph"
            : "the rest of the graph goes on serving, and its fields answer SUBGRAPH_UNAVAILABLE until it is back";
        console.error(`\n${name} stopped (${how}); ${meanwhile}. Starting it again in ${restartInMs / 1000} s.`);
        return;
      }
      console.error(`\n${name} stopped unexpectedly (${how}); stopping the graph.`);
      void shutdown(1);
    },
    onRestarted: (name) => console.log(`[${name}] back and ready`),
  });
} catch (error) {
  console.error(`\nPortal Graph did not start: ${(error as Error).message}`);
  await shutdown(1);
}

const url = stack!.gatewayUrl.replace("127.0.0.1", "localhost");
forget = writeRunningGraph(root, {
  pid: process.pid,
  gatewayUrl: url,
  issuer: stack!.issuer,
  trustedCallerKeys: stack!.callerKeys?.trustedCallerKeys ?? null,
});
console.log(`
Portal Graph is up: ${url}${stack!.portalUi ? `\nThe example portal UI: ${stack!.portalUi.url}` : ""}

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
}${
  without.length > 0
    ? `
Left for you to run (the gateway looks for each on its registry port; it finds this graph's issuer and keys itself):
${without.map((name) => `  npm run dev -w subgraphs/${name}`).join("\n")}
`
    : ""
}
Ctrl-C stops everything.
`);
