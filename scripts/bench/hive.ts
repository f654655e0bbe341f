import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import path from "node:path";

/** Hive Gateway, installed on first use from scripts/bench/hive's own lockfile (apart from the project's packages). */
export function ensureHiveInstalled(root: string): string {
  const dir = path.join(root, "scripts", "bench", "hive");
  const bin = path.join(dir, "node_modules", ".bin", "hive-gateway");
  if (!existsSync(bin)) {
    console.log("installing Hive Gateway for the comparison (first run only)...");
    const result = spawnSync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], {
      cwd: dir,
      stdio: "inherit",
    });
    if (result.status !== 0) throw new Error("npm ci in scripts/bench/hive failed");
  }
  return dir;
}

/** What Hive Gateway needs to prove its subgraph fetches as ours does: the gateway's key and each subgraph's URL. */
export interface HiveProof {
  keyFile: string;
  kid: string;
  /** Subgraph URL (as in the supergraph) → subgraph name. */
  subgraphs: Record<string, string>;
}

/**
 * Starts Hive Gateway on the supergraph (routing URLs already pointing at the running subgraphs), passing the
 * caller's Authorization on to the subgraphs as ours does, and signing each subgraph fetch with the gateway's key
 * (gateway-proof-plugin.mjs), since the subgraphs answer nothing else. Resolves once it answers.
 */
export async function startHive(
  dir: string,
  supergraphPath: string,
  port: number,
  proof: HiveProof,
): Promise<{ url: string; child: ChildProcess }> {
  writeFileSync(
    path.join(dir, "gateway.config.mjs"),
    `import { defineConfig } from "@graphql-hive/gateway";
import { useGatewayProof } from "./gateway-proof-plugin.mjs";
export const gatewayConfig = defineConfig({
  propagateHeaders: {
    fromClientToSubgraphs: ({ request }) => ({ authorization: request.headers.get("authorization") ?? undefined }),
  },
  plugins: () => [useGatewayProof(${JSON.stringify(proof)})],
});
`,
  );
  const child = spawn(
    path.join(dir, "node_modules", ".bin", "hive-gateway"),
    ["supergraph", supergraphPath, "--port", String(port), "--host", "127.0.0.1"],
    {
      cwd: dir,
      env: { ...process.env, NODE_ENV: "production", LOG_LEVEL: "warn" },
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  const url = `http://127.0.0.1:${port}/graphql`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Hive Gateway exited with code ${child.exitCode}`);
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: "{ __typename }" }),
      });
      if (response.ok) return { url, child };
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error("Hive Gateway did not answer within 60 s");
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
