import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { root } from "../harness.js";

const dataDir = mkdtempSync(path.join(os.tmpdir(), "portal-graph-startup-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Runs a built subgraph (the catalog unless named) with extra environment and returns its exit code and output. */
function runCatalog(env: NodeJS.ProcessEnv, subgraph = "catalog"): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(root, "subgraphs", subgraph, "dist", "index.js")], {
      cwd: root,
      env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: "info", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe("start-up errors name their cause and exit non-zero", () => {
  it("a DATABASE_URL that is neither PostgreSQL nor a file", async () => {
    const { code, output } = await runCatalog({ DATABASE_URL: "mysql://db/portal", PORT: "0" });
    expect(code).toBe(1);
    expect(output).toContain("DATABASE_URL is not a postgres:// URL or an SQLite file path (catalog)");
  });

  it("a port already in use", async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "0.0.0.0", resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const { code, output } = await runCatalog({ PORT: String(port) });
      expect(code).toBe(1);
      expect(output).toContain(`port ${port} is already in use`);
    } finally {
      blocker.close();
    }
  });

  it("a subgraph's own setting out of range, before its database is opened", async () => {
    const { code, output } = await runCatalog(
      { ACCESS_REQUEST_TTL_DAYS: "0", DATABASE_URL: "postgres://nobody@127.0.0.1:1/none", PORT: "0" },
      "access-roles",
    );
    expect(code).toBe(1);
    expect(output).toContain(
      "access-roles failed to start: ACCESS_REQUEST_TTL_DAYS must be a whole number from 1 to 365",
    );
    expect(output).not.toContain("cannot open the database");
  });

  it("a PostgreSQL server that does not answer", async () => {
    const { code, output } = await runCatalog({ DATABASE_URL: "postgres://nobody@127.0.0.1:1/none", PORT: "0" });
    expect(code).toBe(1);
    expect(output).toContain("cannot open the database (PostgreSQL at DATABASE_URL)");
    expect(output).not.toContain("nobody@");
  });

  it("production without an identity provider, or with the development issuer", async () => {
    const missing = await runCatalog({ NODE_ENV: "production", PORT: "0", OIDC_ISSUER: "" });
    expect(missing.code).toBe(1);
    expect(missing.output).toContain("OIDC_ISSUER or OIDC_JWKS_URL is required when NODE_ENV=production");
    const dev = await runCatalog({
      NODE_ENV: "production",
      PORT: "0",
      OIDC_ISSUER: "http://127.0.0.1:4100/dev-issuer",
    });
    expect(dev.code).toBe(1);
    expect(dev.output).toContain("the development issuer cannot be trusted when NODE_ENV=production");
  });
});
