import { readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";

/**
 * What `npm start` tells the processes a team starts beside it (its own subgraph from its workspace, a token): the
 * development issuer and caller keys the running graph trusts, so nobody has to copy them by hand.
 */
export interface RunningGraph {
  /** The `npm start` process; a file whose process is gone is ignored. */
  pid: number;
  gatewayUrl: string;
  /** The development issuer's identifier, when the graph runs one. */
  issuer: string | null;
  /** TRUSTED_CALLER_KEYS as the graph's subgraphs have it, when the graph made development caller keys. */
  trustedCallerKeys: string | null;
}

/**
 * Where the running graph is described: `running-graph.json` in DATA_DIR (taken from the working directory, as the
 * databases take it), or in the checkout's `data/` without it.
 */
export function runningGraphFile(root: string, env: NodeJS.ProcessEnv = process.env): string {
  return path.join(env.DATA_DIR ? path.resolve(env.DATA_DIR) : path.join(root, "data"), "running-graph.json");
}

/** Describes the running graph until the returned function removes the file (at stop). */
export function writeRunningGraph(root: string, graph: RunningGraph, env: NodeJS.ProcessEnv = process.env): () => void {
  const file = runningGraphFile(root, env);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(graph, null, 2)}\n`);
  return () => rmSync(file, { force: true });
}

/** The graph `npm start` is running from this checkout, or null when none is (no file, or its process is gone). */
export function readRunningGraph(root: string, env: NodeJS.ProcessEnv = process.env): RunningGraph | null {
  let graph: RunningGraph;
  try {
    graph = JSON.parse(readFileSync(runningGraphFile(root, env), "utf8")) as RunningGraph;
    process.kill(graph.pid, 0);
  } catch {
    return null;
  }
  return graph;
}

/**
 * The environment a subgraph started by hand runs with: in development, with no identity provider and no caller
 * keys set, the running graph's (so the gateway's calls and development tokens are trusted). Anything set wins.
 */
export function withRunningGraph(
  root: string | null,
  env: NodeJS.ProcessEnv = process.env,
): { env: NodeJS.ProcessEnv; graph: RunningGraph | null } {
  const unset = !env.OIDC_ISSUER && !env.OIDC_JWKS_URL && !env.TRUSTED_CALLER_KEYS;
  if (env.NODE_ENV === "production" || !unset || root === null) return { env, graph: null };
  const graph = readRunningGraph(root, env);
  if (!graph) return { env, graph: null };
  return {
    env: {
      ...env,
      ...(graph.issuer ? { OIDC_ISSUER: graph.issuer } : {}),
      ...(graph.trustedCallerKeys ? { TRUSTED_CALLER_KEYS: graph.trustedCallerKeys } : {}),
    },
    graph,
  };
}
