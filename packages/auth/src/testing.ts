/** Test helpers: tokens with one flaw each, signed like the development issuer's own, and a JWKS endpoint to break. */
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { generateKeyPair, importJWK, SignJWT, type JWK, type JWTPayload } from "jose";

interface StoredKey {
  kid: string;
  privateJwk: JWK;
  publicJwk: JWK;
}

function newestKey(keysDir: string): StoredKey {
  return (JSON.parse(readFileSync(path.join(keysDir, "keys.json"), "utf8")) as StoredKey[]).at(-1)!;
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

/** Signs claims with the issuer's newest key; only what the overrides change differs from a good token. */
export async function signAsIssuer(
  keysDir: string,
  issuer: string,
  claims: JWTPayload,
  overrides: { issuer?: string; audience?: string; exp?: number; nbf?: number; iat?: number | null } = {},
): Promise<string> {
  const key = newestKey(keysDir);
  const now = Math.floor(Date.now() / 1000);
  const jwt = new SignJWT({ sub: "alice", ...claims })
    .setProtectedHeader({ alg: "ES256", kid: key.kid })
    .setIssuer(overrides.issuer ?? issuer)
    .setAudience(overrides.audience ?? "portal-graph")
    .setExpirationTime(overrides.exp ?? now + 600);
  // null leaves iat out, as some issuers do.
  if (overrides.iat !== null) jwt.setIssuedAt(overrides.iat ?? now);
  if (overrides.nbf) jwt.setNotBefore(overrides.nbf);
  return jwt.sign(await importJWK(key.privateJwk, "ES256"));
}

/** Each flawed token by name, with the message a verifier must answer it with. */
export async function flawedTokens(keysDir: string, issuer: string): Promise<[string, string, string][]> {
  const now = Math.floor(Date.now() / 1000);
  const key = newestKey(keysDir);
  const good = await signAsIssuer(keysDir, issuer, {});
  const [header, payload, signature] = good.split(".");
  const stranger = await generateKeyPair("RS256");
  return [
    ["expired", await signAsIssuer(keysDir, issuer, {}, { exp: now - 3600 }), "The bearer token has expired"],
    [
      "not yet valid",
      await signAsIssuer(keysDir, issuer, {}, { nbf: now + 3600 }),
      "The bearer token is not valid yet",
    ],
    [
      "from another issuer",
      await signAsIssuer(keysDir, issuer, {}, { issuer: "https://evil.example/" }),
      "The bearer token is not valid",
    ],
    [
      "for another audience",
      await signAsIssuer(keysDir, issuer, {}, { audience: "someone-else" }),
      "The bearer token is not valid",
    ],
    [
      "with a bad signature",
      `${header}.${payload}.${signature![0] === "A" ? "B" : "A"}${signature!.slice(1)}`,
      "The bearer token is not valid",
    ],
    [
      "with alg none",
      `${b64({ alg: "none", typ: "JWT" })}.${b64({ sub: "carol", iss: issuer, aud: "portal-graph", exp: now + 600 })}.`,
      "The bearer token is not valid",
    ],
    [
      "HS256-signed with the public key as the secret",
      await new SignJWT({ sub: "carol", groups: ["portal-admins"] })
        .setProtectedHeader({ alg: "HS256", kid: key.kid })
        .setIssuer(issuer)
        .setAudience("portal-graph")
        .setExpirationTime(now + 600)
        .sign(new TextEncoder().encode(JSON.stringify(key.publicJwk))),
      "The bearer token is not valid",
    ],
    [
      "signed by a key the issuer never published (unknown kid)",
      await new SignJWT({ sub: "carol" })
        .setProtectedHeader({ alg: "RS256", kid: "not-a-published-kid" })
        .setIssuer(issuer)
        .setAudience("portal-graph")
        .setExpirationTime(now + 600)
        .sign(stranger.privateKey),
      "The bearer token is not valid",
    ],
    ["that is garbage", "not.a.jwt", "The bearer token is malformed"],
    [
      "issued an hour in the future",
      await signAsIssuer(keysDir, issuer, {}, { iat: now + 3600, exp: now + 7200 }),
      "The bearer token is issued in the future",
    ],
    [
      "with a lifetime of 100 years",
      await signAsIssuer(keysDir, issuer, {}, { exp: now + 100 * 365 * 86_400 }),
      "The bearer token lives longer than this service accepts",
    ],
    [
      "without iat, expiring in 30 days",
      await signAsIssuer(keysDir, issuer, {}, { iat: null, exp: now + 30 * 86_400 }),
      "The bearer token lives longer than this service accepts",
    ],
  ];
}

/** How a test identity provider answers JWKS requests. */
export type JwksMode = "up" | "error-500" | "bad-json" | "hang";

/** A JWKS endpoint a test can break: answer errors, garbage or nothing, or stop listening (connection refused). */
export interface TestJwks {
  url: string;
  /** JWKS requests answered so far (hung ones included). */
  requests(): number;
  setMode(mode: JwksMode): void;
  /** Stops listening and drops open connections: every fetch is refused until start(). */
  stop(): Promise<void>;
  /** Listens again on the same port (nothing to do when it is listening). */
  start(): Promise<void>;
}

/** Serves the key set that `keys()` gives (for example the development issuer's) on a free port of 127.0.0.1. */
export async function startTestJwks(keys: () => Promise<unknown>): Promise<TestJwks> {
  let mode: JwksMode = "up";
  let requests = 0;
  const server = createServer((req, res) => {
    requests += 1;
    if (mode === "hang") return void req.resume();
    if (mode === "error-500") return void res.writeHead(500).end("upstream trouble");
    if (mode === "bad-json") return void res.writeHead(200, { "content-type": "application/json" }).end("{ not json");
    keys().then(
      (body) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body)),
      () => res.writeHead(502).end(),
    );
  });
  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      // Already up: nothing to do (and no error listener left behind by a listen that would throw).
      if (server.listening) return resolve();
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => {
        server.off("error", reject);
        resolve();
      });
    });
  await listen(0);
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/jwks.json`,
    requests: () => requests,
    setMode: (next) => void (mode = next),
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
    start: () => listen(port),
  };
}

/** The public keys of a development issuer's key directory, as a JWKS body. */
export function publicKeySet(keysDir: string): { keys: JWK[] } {
  const keys = JSON.parse(readFileSync(path.join(keysDir, "keys.json"), "utf8")) as StoredKey[];
  return { keys: keys.map((key) => key.publicJwk) };
}
