/**
 * `npm run new:subgraph` in a temporary checkout: the generated subgraph lints, typechecks and composes untouched,
 * its own tests pass (unit, integration on every database, end to end through the gateway), and
 * `npm run remove:subgraph` takes it out again, leaving the supergraph as it was.
 *
 * The temporary checkout holds this working tree's files (tracked, or new and not ignored) and built dist/ folders;
 * its node_modules links every installed package, and its @portal-graph/* links its own workspaces, so nothing here
 * touches this checkout.
 */
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readRegistry } from "@portal-graph/subgraph-kit/workspace";
import { freePort } from "../../scripts/bench/support.js";
import { root } from "../harness.js";

const WORKSPACES = ["packages", "subgraphs"].flatMap((dir) =>
  readdirSync(path.join(root, dir)).map((name) => path.join(dir, name)),
);
WORKSPACES.push("gateway", "registry", "portal-ui");

let checkout: string;

/** Runs a command in the temporary checkout (or `cwd`); the test fails with its output when it fails. */
function run(command: string, args: string[], cwd = checkout): string {
  const result = spawnSync(command, args, {
    cwd,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  });
  // eslint-disable-next-line no-control-regex
  const output = `${result.stdout}${result.stderr}`.replace(/\x1b\[[0-9;]*m/g, "");
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} exited with ${result.status}:\n${output}`);
  return output;
}
const bin = (name: string) => path.join(checkout, "node_modules", ".bin", name);
const tsx = (script: string, ...args: string[]) => run(bin("tsx"), ["--conditions=source", script, ...args]);

function makeCheckout(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "portal-graph-scaffold-"));
  const files = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
    cwd: root,
    encoding: "utf8",
  })
    .split("\0")
    .filter(Boolean);
  for (const file of files) {
    if (!existsSync(path.join(root, file))) continue; // deleted in the working tree
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    cpSync(path.join(root, file), path.join(dir, file));
  }
  for (const workspace of WORKSPACES) {
    const dist = path.join(root, workspace, "dist");
    if (!existsSync(dist)) throw new Error(`${workspace}/dist is missing: run npm run build first (npm test does)`);
    if (existsSync(path.join(dir, workspace))) cpSync(dist, path.join(dir, workspace, "dist"), { recursive: true });
  }
  mkdirSync(path.join(dir, "node_modules", "@portal-graph"), { recursive: true });
  for (const entry of readdirSync(path.join(root, "node_modules"))) {
    if (entry === "@portal-graph") continue;
    symlinkSync(path.join(root, "node_modules", entry), path.join(dir, "node_modules", entry));
  }
  symlinkSync(path.join(root, "gateway", "node_modules"), path.join(dir, "gateway", "node_modules"));
  return dir;
}

/** What npm install does for a workspace: a link under node_modules/@portal-graph. */
function linkWorkspaces(): void {
  for (const entry of readRegistry(checkout)) {
    const link = path.join(checkout, "node_modules", entry.package);
    if (!existsSync(link)) symlinkSync(path.join(checkout, "subgraphs", entry.name), link);
  }
  for (const name of readdirSync(path.join(checkout, "packages"))) {
    const link = path.join(checkout, "node_modules", "@portal-graph", name);
    if (!existsSync(link)) symlinkSync(path.join(checkout, "packages", name), link);
  }
  for (const name of ["gateway", "registry", "portal-ui"]) {
    const link = path.join(checkout, "node_modules", "@portal-graph", name);
    if (!existsSync(link)) symlinkSync(path.join(checkout, name), link);
  }
}

describe("npm run new:subgraph", () => {
  beforeAll(() => {
    checkout = makeCheckout();
    linkWorkspaces();
  });
  afterAll(() => {
    if (checkout) rmSync(checkout, { recursive: true, force: true });
  });

  it("refuses a name that exists, writing nothing", () => {
    const result = spawnSync(bin("tsx"), ["--conditions=source", "scripts/new-subgraph.ts", "catalog"], {
      cwd: checkout,
      encoding: "utf8",
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Nothing was written:\n  - a subgraph named "catalog" exists already');
    expect(readRegistry(checkout).map((entry) => entry.name)).toEqual(readRegistry(root).map((entry) => entry.name));
  });

  it("writes subgraphs, with a database and without, that lint, typecheck, compose and pass their own tests, and takes them out again", () => {
    const supergraph = readFileSync(path.join(checkout, "schema", "supergraph.graphql"), "utf8");
    const printed = tsx("scripts/new-subgraph.ts", "enrollment", "--extends", "Application", "--no-install");
    expect(printed).toContain("npm run remove:subgraph -- enrollment");
    const entry = readRegistry(checkout).find((candidate) => candidate.name === "enrollment")!;
    expect(entry.port).toBe(Math.max(...readRegistry(root).map((other) => other.port)) + 1);
    tsx(
      "scripts/new-subgraph.ts",
      "training-records",
      "--entity",
      "TrainingRecord",
      "--extends",
      "Application",
      "--no-database",
      "--no-install",
    );
    const computed = path.join(checkout, "subgraphs", "training-records");
    expect(existsSync(path.join(computed, "src", "migrations"))).toBe(false);
    expect(existsSync(path.join(computed, "src", "seed"))).toBe(false);
    expect(readFileSync(path.join(computed, "package.json"), "utf8")).not.toContain("typeorm");

    linkWorkspaces();
    tsx("scripts/compose.ts");
    const composed = readFileSync(path.join(checkout, "schema", "supergraph.graphql"), "utf8");
    expect(composed).toContain("enrollments: [Enrollment!]");
    expect(composed).toContain("trainingRecords: [TrainingRecord!]");
    tsx("scripts/compose.ts", "--check");
    const written = [
      "subgraphs/enrollment",
      "subgraphs/training-records",
      "tests/e2e/enrollment.e2e.test.ts",
      "tests/e2e/training-records.e2e.test.ts",
    ];
    run(bin("eslint"), written);
    run(bin("prettier"), ["--check", ...written, "schema"]);
    run(bin("tsc"), ["-p", "tsconfig.json", "--noEmit"]);
    run(bin("tsc"), ["-p", "subgraphs/enrollment/tsconfig.build.json"]);
    run(bin("tsc"), ["-p", "subgraphs/training-records/tsconfig.build.json"]);

    const tests = run(bin("vitest"), ["run", ...written]);
    expect(tests).toMatch(/Test Files\s+6 passed \(6\)/);
    expect(tests).not.toMatch(/skipped/);

    tsx("scripts/remove-subgraph.ts", "enrollment", "--no-install");
    tsx("scripts/remove-subgraph.ts", "training-records", "--no-install");
    for (const file of written) expect(existsSync(path.join(checkout, file))).toBe(false);
    tsx("scripts/compose.ts");
    expect(readFileSync(path.join(checkout, "schema", "supergraph.graphql"), "utf8")).toBe(supergraph);
  }, 420_000);

  it("writes a project for another repository on the kit's tarballs, whose tests pass and whose server runs there", async () => {
    const out = path.join(mkdtempSync(path.join(os.tmpdir(), "portal-graph-standalone-")), "grants");
    try {
      tsx(
        "scripts/new-subgraph.ts",
        "grants",
        "--entity",
        "Grant",
        "--extends",
        "Application",
        "--out",
        out,
        "--no-install",
      );
      expect(readRegistry(checkout).map((entry) => entry.name)).toEqual(readRegistry(root).map((entry) => entry.name));
      const manifest = JSON.parse(readFileSync(path.join(out, "package.json"), "utf8")) as {
        dependencies: Record<string, string>;
      };
      expect(manifest.dependencies["@portal-graph/subgraph-kit"]).toMatch(
        /^file:vendor\/portal-graph-subgraph-kit-[\d.]+\.tgz$/,
      );
      for (const spec of Object.values(manifest.dependencies).filter((value) => value.startsWith("file:"))) {
        expect(existsSync(path.join(out, spec.slice("file:".length)))).toBe(true);
      }
      // Installed from the tarballs and the npm registry, with no link into this repository. Install scripts are
      // skipped and better-sqlite3's native binding is copied from this checkout (same version, same Node): compiling
      // it again would only test better-sqlite3, for two minutes.
      run("npm", ["install", "--ignore-scripts", "--no-audit", "--no-fund", "--prefer-offline"], out);
      cpSync(
        path.join(root, "node_modules", "better-sqlite3", "build"),
        path.join(out, "node_modules", "better-sqlite3", "build"),
        {
          recursive: true,
        },
      );
      expect(readdirSync(path.join(out, "node_modules", "@portal-graph")).sort()).toEqual([
        "auth",
        "http-kit",
        "operation-limits",
        "subgraph-kit",
        "telemetry",
      ]);
      run("npm", ["run", "schema"], out);
      expect(readFileSync(path.join(out, "schema.graphql"), "utf8")).toContain("grants: [Grant!]");
      run("npm", ["run", "typecheck"], out);
      const tests = run("npm", ["test"], out);
      expect(tests).toMatch(/Test Files\s+2 passed \(2\)/);
      run("npm", ["run", "build"], out);

      const port = await freePort();
      const server = spawn(process.execPath, ["dist/index.js"], {
        cwd: out,
        env: { ...process.env, PORT: String(port), SEED_ON_START: "true", LOG_LEVEL: "warn" },
        stdio: "ignore",
      });
      try {
        let health: Response | null = null;
        for (let attempt = 0; attempt < 100 && !health; attempt++) {
          health = await fetch(`http://127.0.0.1:${port}/health`).catch(() => null);
          if (!health) await new Promise((resolve) => setTimeout(resolve, 100));
        }
        expect(await health?.json()).toEqual({ status: "ok", subgraph: "grants" });
        // The kit's zero trust holds outside the repository too: no gateway proof, no answer.
        const refused = await fetch(`http://127.0.0.1:${port}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ query: "{ grants(first: 1) { totalCount } }" }),
        });
        expect(refused.status).toBe(401);
        expect(JSON.stringify(await refused.json())).toContain("GATEWAY_PROOF_REQUIRED");
      } finally {
        server.kill("SIGTERM");
      }
    } finally {
      rmSync(path.dirname(out), { recursive: true, force: true });
    }
  }, 420_000);
});
