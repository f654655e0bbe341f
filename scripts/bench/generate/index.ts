import path from "node:path";
import pg from "pg";
import { createLogger } from "@portal-graph/http-kit";
import { openDatabase, resolveDatabase, type SubgraphDefinition } from "@portal-graph/subgraph-kit";
import { readRegistry } from "@portal-graph/subgraph-kit/workspace";
import { seededRandom, pad } from "../random.js";
import { generateAccessRoles } from "./access-roles.js";
import { generateAcknowledgements } from "./acknowledgements.js";
import { generateCatalog } from "./catalog.js";
import { generateHelpDesks } from "./help-desks.js";

/** How much data to make. */
export interface Scale {
  apps: number;
  users: number;
  acks: number;
  grants: number;
  /** Users holding an approver role, each with pending requests to decide. */
  approvers: number;
  seed: number;
}

/** What the operations need to know of the generated data. */
export interface Facts {
  applicationIds: string[];
  userIds: string[];
  /** Approvers, each holding the approver role of a few applications that have pending requests. */
  approverIds: string[];
  rulesVersionId: string;
}

const DESKS = 100;

/**
 * Fresh databases with data at scale, made deterministically from the seed: each subgraph's own migrations, its
 * seed data, then generated rows in bulk. Returns the environment that points the processes at them.
 */
export async function generate(
  root: string,
  runDir: string,
  db: "sqlite" | "postgres",
  scale: Scale,
): Promise<{ env: NodeJS.ProcessEnv; facts: Facts }> {
  const env: NodeJS.ProcessEnv =
    db === "sqlite" ? { DATA_DIR: path.join(runDir, "data") } : { DATABASE_URL: await freshPostgres() };
  const random = seededRandom(scale.seed);
  const logger = createLogger("bench", { level: "warn" });
  const userIds = Array.from({ length: scale.users }, (_, i) => `user-${pad(i)}`);
  const approverIds = Array.from({ length: scale.approvers }, (_, i) => `approver-${pad(i)}`);
  const facts: Facts = { applicationIds: [], userIds, approverIds, rulesVersionId: "" };

  const registry = readRegistry(root);
  const order = ["catalog", "help-desks", "access-roles", "acknowledgements"];
  registry.sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));
  for (const entry of registry) {
    const { subgraph } = (await import(entry.package)) as { subgraph: SubgraphDefinition };
    const dataSource = await openDatabase({
      target: resolveDatabase(entry.name, env),
      entities: subgraph.entities,
      migrations: subgraph.migrations,
      logger,
    });
    try {
      const started = Date.now();
      if (entry.name === "catalog") {
        facts.applicationIds = await generateCatalog(dataSource, scale.apps, random);
      } else if (entry.name === "help-desks") {
        await generateHelpDesks(dataSource, facts.applicationIds, DESKS, random);
      } else if (entry.name === "access-roles") {
        await generateAccessRoles(
          dataSource,
          { grants: scale.grants, applicationIds: facts.applicationIds, userIds, approverIds },
          random,
        );
      } else if (entry.name === "acknowledgements") {
        facts.rulesVersionId = await generateAcknowledgements(dataSource, { acks: scale.acks, userIds }, random);
      } else {
        await subgraph.seed(dataSource);
      }
      console.log(`  ${entry.name}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
    } finally {
      await dataSource.destroy();
    }
  }
  return { env, facts };
}

/** A new, empty PostgreSQL database for this run, on the server the tests use. */
async function freshPostgres(): Promise<string> {
  const admin = process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query("DROP DATABASE IF EXISTS portal_bench WITH (FORCE)");
    await client.query("CREATE DATABASE portal_bench");
  } finally {
    await client.end();
  }
  const url = new URL(admin);
  url.pathname = "/portal_bench";
  return url.toString();
}
