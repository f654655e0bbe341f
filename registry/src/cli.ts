#!/usr/bin/env node
/**
 * `npm run subgraph -- <command>`: a team's CI and laptop talk to the registry with it. REGISTRY_URL (default the
 * development registry, http://127.0.0.1:4010) and REGISTRY_TOKEN. Exit codes: 0 passed, 1 the check failed or the
 * registry refused, 2 a usage or connection error.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { RegistryClient, type RegistryAnswer } from "./client.js";
import type { CheckResult, VersionSummary } from "./registry.js";

const USAGE = `usage: npm run subgraph -- <command> [options]

  check    --name <subgraph> --schema <file> [--url <routingUrl>]     would this change pass? (stores nothing)
  publish  --name <subgraph> --schema <file> --url <routingUrl>       check, then serve it to the gateways
           [--owner <team> --contact <address>]                       (required the first time)
  remove   --name <subgraph>                                          take a subgraph out (checked like a change)
  list                                                                the published subgraphs and their owners
  history  [--limit 20]                                               the versions, newest first
  rollback --to <version> [--reason <text>]                           serve an earlier version again (admin)

  --force --reason <text>   accept a breaking change on purpose; the reason is recorded
  --json                    the registry's answer as JSON

REGISTRY_URL (default http://127.0.0.1:4010) and REGISTRY_TOKEN (not needed by the development registry).
Exit codes: 0 passed, 1 the check failed or the registry refused, 2 usage or connection error.`;

function fail(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      name: { type: "string" },
      schema: { type: "string" },
      url: { type: "string" },
      owner: { type: "string" },
      contact: { type: "string" },
      force: { type: "boolean" },
      reason: { type: "string" },
      to: { type: "string" },
      limit: { type: "string" },
      json: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
} catch (error) {
  fail((error as Error).message);
}
const { values, positionals } = parsed;
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const command = positionals[0];
const client = new RegistryClient(process.env.REGISTRY_URL ?? "http://127.0.0.1:4010", process.env.REGISTRY_TOKEN);

function change(): Record<string, unknown> {
  if (!values.schema) fail("--schema <file> is required");
  let sdl: string;
  try {
    sdl = readFileSync(values.schema, "utf8");
  } catch (error) {
    fail(`cannot read ${values.schema}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  return {
    sdl,
    routingUrl: values.url,
    owner: values.owner,
    contact: values.contact,
    force: values.force ?? false,
    reason: values.reason,
  };
}

function requireName(): string {
  if (!values.name) fail("--name <subgraph> is required");
  return values.name;
}

async function run(): Promise<number> {
  let answer: RegistryAnswer;
  switch (command) {
    case "check":
      answer = await client.check(requireName(), change());
      break;
    case "publish":
      answer = await client.publish(requireName(), change());
      break;
    case "remove":
      answer = await client.remove(requireName(), { force: values.force ?? false, reason: values.reason });
      break;
    case "list":
      answer = await client.list();
      break;
    case "history":
      answer = await client.history(Number(values.limit ?? 20));
      break;
    case "rollback": {
      const to = Number(values.to);
      if (!Number.isInteger(to) || to < 1) fail("--to <version> is required");
      answer = await client.rollback(to, values.reason);
      break;
    }
    default:
      fail(command ? `unknown command "${command}"` : "a command is required");
  }
  if (values.json) console.log(JSON.stringify(answer.body, null, 2));
  else print(command!, answer);
  if (answer.status >= 500 || answer.status === 400 || answer.status === 401 || answer.status === 404) return 2;
  if (answer.status === 403 || answer.status === 422) return 1;
  const result = (answer.body as { result?: CheckResult; ok?: boolean }).result ?? answer.body;
  return (result as { ok?: boolean }).ok === false ? 1 : 0;
}

function print(command: string, answer: RegistryAnswer): void {
  const body = answer.body as Record<string, unknown>;
  const error = body.error as { code: string; message: string } | undefined;
  if (error) return void console.error(`${error.code}: ${error.message}`);
  if (command === "check" || command === "publish" || command === "remove") {
    const result = (command === "check" ? body : body.result) as CheckResult;
    const version = body.version as VersionSummary | null | undefined;
    console.log(verdict(result));
    if (command !== "check") {
      console.log(
        version ? `Now serving version ${version.id} (${version.hash.slice(0, 12)}).` : "Nothing was stored.",
      );
    }
    return;
  }
  if (command === "list") {
    const subgraphs = body.subgraphs as { name: string; routingUrl: string; owner: string; contact: string }[];
    console.log(`Version ${body.version ?? "none"}:`);
    for (const s of subgraphs)
      console.log(`  ${s.name.padEnd(20)} ${s.routingUrl.padEnd(40)} ${s.owner} <${s.contact}>`);
    return;
  }
  if (command === "history") {
    for (const v of body.versions as VersionSummary[]) {
      const what = v.action === "rollback" ? "rollback" : `${v.action} ${v.subgraph}`;
      console.log(
        `  ${String(v.id).padStart(4)}  ${v.createdAt}  ${what.padEnd(28)} by ${v.actor}${v.reason ? `: ${v.reason}` : ""}`,
      );
      for (const change of v.changes) console.log(`          ${change.level.padEnd(9)} ${change.message}`);
    }
    return;
  }
  const version = body.version as VersionSummary;
  console.log(`Now serving version ${version.id}, with the subgraphs of the version asked for.`);
}

function verdict(result: CheckResult): string {
  const lines: string[] = [];
  if (result.servingError) {
    return `✘ ${result.subgraph} was not published: its served schema could not be read: ${result.servingError}`;
  }
  if (result.notServed?.length) {
    lines.push(`✘ ${result.subgraph} does not serve these yet (deploy it first, then publish):`);
    for (const coordinate of result.notServed) lines.push(`  - ${coordinate}`);
    return lines.join("\n");
  }
  if (result.compositionErrors.length > 0) {
    lines.push(`✘ ${result.subgraph} does not compose with the rest of the graph:`);
    for (const message of result.compositionErrors) lines.push(`  - ${message}`);
    return lines.join("\n");
  }
  const breaking = result.changes.filter((change) => change.level === "BREAKING");
  lines.push(
    result.ok
      ? `✔ ${result.subgraph} composes${result.forced ? `, breaking ${breaking.length} thing(s) on purpose` : ""}; ${result.changes.length} change(s) to the API`
      : `✘ ${result.subgraph} breaks ${breaking.length} thing(s) clients may use:`,
  );
  for (const change of result.changes) {
    lines.push(`  ${change.level.padEnd(9)} ${change.message}`);
    for (const user of change.usedBy ?? []) {
      lines.push(
        `            used by ${user.operation} from ${user.client} (${user.count} times, last ${user.lastSeenAt})`,
      );
    }
  }
  if (!result.ok) {
    lines.push("Owners, for whom to call:");
    for (const owner of result.owners) lines.push(`  ${owner.subgraph}: ${owner.owner} <${owner.contact}>`);
    lines.push("Accept a deliberate break with --force --reason <why>.");
  }
  return lines.join("\n");
}

run().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    console.error(
      `cannot reach the registry at ${client.url}${cause ? ` (${cause})` : ""}: ${(error as Error).message}`,
    );
    process.exit(2);
  },
);
