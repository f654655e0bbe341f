/**
 * The development issuer: lets the whole graph run on one laptop with no identity provider. It keeps an
 * ES256 key pair under data/dev-issuer/ (made on first use), serves discovery and JWKS like an OIDC provider,
 * and mints tokens for development users. It refuses to run when NODE_ENV=production.
 */
import { randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from "jose";
import { DEFAULT_ROLE_MAP, DEV_ISSUER_PATH } from "./config.js";
import { DevSignIn, type DevSignInOptions } from "./dev-sign-in.js";

export type { DevSignInClient, DevSignInOptions } from "./dev-sign-in.js";
import { PORTAL_ROLES, viewerFromClaims, type Viewer } from "./viewer.js";

/** A development user: what its token says. */
export interface DevUser {
  name: string;
  email: string;
  groups: string[];
  amr: string[];
}

/** The seeded development users; any other id gets a plain user with a password-only sign-in. */
export const DEV_USERS: Record<string, DevUser> = {
  alice: { name: "Alice Archer", email: "alice@example.test", groups: ["providers"], amr: ["pwd", "mfa", "otp"] },
  bob: { name: "Bob Brennan", email: "bob@example.test", groups: ["providers"], amr: ["pwd", "mfa", "sms"] },
  carol: { name: "Carol Castillo", email: "carol@example.test", groups: ["portal-admins"], amr: ["pwd", "mfa", "hwk"] },
  dana: { name: "Dana Dube", email: "dana@example.test", groups: ["helpdesk-admins"], amr: ["pwd", "mfa", "otp"] },
  erin: { name: "Erin Estrada", email: "erin@example.test", groups: ["policy-admins"], amr: ["pwd", "mfa", "otp"] },
  frank: { name: "Frank Fischer", email: "frank@example.test", groups: ["auditors"], amr: ["pwd", "mfa", "otp"] },
};

interface StoredKey {
  kid: string;
  privateJwk: JWK;
  publicJwk: JWK;
}

/** Reads the issuer's keys from dir, making the first pair when there is none. */
export async function loadOrCreateDevKeys(dir: string): Promise<StoredKey[]> {
  const file = path.join(dir, "keys.json");
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8")) as StoredKey[];
  return rotateDevKeys(dir);
}

/** Adds a new key pair (a new kid) that signs from now on; older public keys stay published. */
export async function rotateDevKeys(dir: string): Promise<StoredKey[]> {
  const file = path.join(dir, "keys.json");
  const keys = existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as StoredKey[]) : [];
  const { privateKey, publicKey } = await generateKeyPair("ES256", { extractable: true });
  const kid = randomUUID();
  const key = {
    kid,
    privateJwk: { ...(await exportJWK(privateKey)), kid, alg: "ES256" },
    publicJwk: { ...(await exportJWK(publicKey)), kid, alg: "ES256", use: "sig" },
  };
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  writeFileSync(file, JSON.stringify([...keys, key], null, 2), { mode: 0o600 });
  return [...keys, key];
}

export interface MintOptions {
  user: string;
  /** Portal roles (PORTAL_ADMIN...) or group names; replaces the user's default groups. */
  roles?: string[];
  ttlSeconds?: number;
  audience?: string;
  /** Seconds since the sign-in (auth_time), default 0. */
  signedInSecondsAgo?: number;
  /** How the user signed in (the amr claim), e.g. ["pwd"] for a password alone; default the user's own. */
  amr?: string[];
  /** The OIDC nonce a browser sign-in sent, echoed in the token. */
  nonce?: string;
}

/** The issuer identifier for a development issuer at origin (http://localhost:4100 → .../dev-issuer). */
export function devIssuerUrl(origin: string, issuerPath = DEV_ISSUER_PATH): string {
  return `${origin.replace(/\/$/, "")}${issuerPath}`;
}

/** Signs a token for a development user with the newest key. */
export async function mintDevToken(dir: string, issuer: string, options: MintOptions): Promise<string> {
  const keys = await loadOrCreateDevKeys(dir);
  const newest = keys.at(-1)!;
  const profile = DEV_USERS[options.user] ?? {
    name: options.user,
    email: `${options.user}@example.test`,
    groups: [],
    amr: ["pwd"],
  };
  const groupOf = Object.fromEntries(Object.entries(DEFAULT_ROLE_MAP).map(([group, role]) => [role, group]));
  const groups = options.roles
    ? options.roles.map((role) => (PORTAL_ROLES.includes(role as never) ? groupOf[role]! : role))
    : profile.groups;
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({
    name: profile.name,
    email: profile.email,
    groups,
    amr: options.amr ?? profile.amr,
    auth_time: now - (options.signedInSecondsAgo ?? 0),
    ...(options.nonce === undefined ? {} : { nonce: options.nonce }),
  })
    .setProtectedHeader({ alg: "ES256", kid: newest.kid, typ: "JWT" })
    .setIssuer(issuer)
    .setSubject(options.user)
    .setAudience(options.audience ?? "portal-graph")
    .setIssuedAt(now)
    .setExpirationTime(now + (options.ttlSeconds ?? 3600))
    .setJti(randomUUID())
    .sign(await importJWK(newest.privateJwk, "ES256"));
}

/**
 * Serves discovery and JWKS for the keys in dir; resolves with the server and its issuer identifier. `issuerPath`
 * other than /dev-issuer is for the benchmark, whose processes run in production mode (which refuses /dev-issuer).
 * With `signIn`, browsers of the registered clients also sign in through the authorization code flow with PKCE
 * (`/authorize`, `/token`; see dev-sign-in.ts).
 */
export async function startDevIssuer(
  dir: string,
  port: number,
  host = "127.0.0.1",
  issuerPath = DEV_ISSUER_PATH,
  signIn?: DevSignInOptions,
): Promise<{ server: Server; issuer: string }> {
  if (process.env.NODE_ENV === "production")
    throw new Error("the development issuer does not run when NODE_ENV=production");
  await loadOrCreateDevKeys(dir);
  let issuer = "";
  const codeFlow = signIn
    ? new DevSignIn(signIn, DEV_USERS, (user, nonce) => mintDevToken(dir, issuer, { user, nonce }))
    : undefined;
  const browserOrigins = codeFlow?.origins() ?? [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    // A registered client's browser reads discovery and the token endpoint's answer cross-origin.
    const origin = req.headers.origin;
    if (origin !== undefined && browserOrigins.includes(origin)) {
      res.setHeader("access-control-allow-origin", origin);
      res.setHeader("vary", "Origin");
    }
    let body: unknown;
    if (codeFlow && url.pathname === `${issuerPath}/authorize`) {
      void codeFlow.authorize(req, res, url).catch(() => res.writeHead(500).end());
      return;
    }
    if (codeFlow && url.pathname === `${issuerPath}/token`) {
      void codeFlow.token(req, res).catch(() => res.writeHead(500).end());
      return;
    }
    if (url.pathname === `${issuerPath}/.well-known/openid-configuration`) {
      body = {
        issuer,
        jwks_uri: `${issuer}/jwks.json`,
        id_token_signing_alg_values_supported: ["ES256"],
        ...(codeFlow && {
          authorization_endpoint: `${issuer}/authorize`,
          token_endpoint: `${issuer}/token`,
          response_types_supported: ["code"],
          grant_types_supported: ["authorization_code"],
          code_challenge_methods_supported: ["S256"],
          token_endpoint_auth_methods_supported: ["none"],
          scopes_supported: ["openid", "profile", "email"],
          subject_types_supported: ["public"],
        }),
      };
    } else if (url.pathname === `${issuerPath}/jwks.json`) {
      // Read on every request so a rotation is published at once.
      const keys = JSON.parse(readFileSync(path.join(dir, "keys.json"), "utf8")) as StoredKey[];
      body = { keys: keys.map((key) => key.publicJwk) };
    } else {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(error.code === "EADDRINUSE" ? new Error(`port ${port} (development issuer) is already in use`) : error),
    );
    server.listen(port, host, resolve);
  });
  const bound = (server.address() as AddressInfo).port;
  issuer = devIssuerUrl(`http://127.0.0.1:${bound}`, issuerPath);
  return { server, issuer };
}

/** The viewer a development user's token turns into, for in-process tests that skip the token. */
export function devViewer(user: string, roles?: string[]): Viewer {
  const profile = DEV_USERS[user] ?? { name: user, email: `${user}@example.test`, groups: [], amr: ["pwd"] };
  return viewerFromClaims(
    { sub: user, name: profile.name, email: profile.email, groups: roles ?? profile.groups, amr: profile.amr },
    "groups",
    { ...DEFAULT_ROLE_MAP, ...Object.fromEntries(PORTAL_ROLES.map((role) => [role, role])) },
  );
}
