/**
 * `npm run token -- --user <id> [--roles ROLE,ROLE] [--ttl seconds] [--amr pwd] [--headers]`: prints a token from the
 * development issuer
 * (the one `npm start` runs) for any user id; alice, bob, carol, dana, erin and frank are seeded with roles and data.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { devIssuerUrl, mintDevToken } from "@portal-graph/auth/dev-issuer";
import { findRepoRoot, readRunningGraph } from "@portal-graph/subgraph-kit/workspace";

const USAGE = `usage: npm run token -- --user <id> [--roles PORTAL_ADMIN,AUDITOR] [--ttl 3600] [--amr pwd] [--issuer <url>] [--headers]

Prints a bearer token for <id>, signed by the development issuer that npm start runs (found by itself while the
graph runs; --issuer names another). alice, bob, carol, dana, erin and frank are seeded with roles and data.
  --roles   portal roles to put in the token, comma-separated (default: none)
  --ttl     lifetime in seconds (default 3600)
  --amr     how the user signed in, comma-separated (default: the user's own; "pwd" alone is a sign-in without MFA)
  --headers print {"Authorization": "Bearer <token>"}, to paste into the GraphQL IDE's Headers tab`;

let values;
try {
  ({ values } = parseArgs({
    options: {
      user: { type: "string" },
      roles: { type: "string" },
      ttl: { type: "string" },
      amr: { type: "string" },
      issuer: { type: "string" },
      headers: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  }));
} catch (error) {
  console.error(`${(error as Error).message}\n\n${USAGE}`);
  process.exit(2);
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (!values.user) {
  console.error(USAGE);
  process.exit(2);
}
const ttlSeconds = values.ttl === undefined ? 3600 : Number(values.ttl);
if (!Number.isInteger(ttlSeconds)) {
  console.error(`--ttl must be a whole number of seconds, got "${values.ttl}"`);
  process.exit(2);
}
if (process.env.NODE_ENV === "production") {
  console.error("the development issuer does not mint tokens when NODE_ENV=production");
  process.exit(2);
}

const root = findRepoRoot();
const keysDir = path.join(path.resolve(root, process.env.DATA_DIR ?? "data"), "dev-issuer");
const issuer =
  values.issuer ??
  readRunningGraph(root)?.issuer ??
  devIssuerUrl(`http://127.0.0.1:${process.env.DEV_ISSUER_PORT ?? 4100}`);
const roles = values.roles
  ?.split(",")
  .map((role) => role.trim())
  .filter(Boolean);
const amr = values.amr
  ?.split(",")
  .map((method) => method.trim())
  .filter(Boolean);
const token = await mintDevToken(keysDir, issuer, { user: values.user, roles, ttlSeconds, amr });
console.log(values.headers ? JSON.stringify({ Authorization: `Bearer ${token}` }) : token);
