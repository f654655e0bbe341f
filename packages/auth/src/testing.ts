/** Tokens with one flaw each, signed like the development issuer's own, for token-matrix tests. */
import { readFileSync } from "node:fs";
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
  overrides: { issuer?: string; audience?: string; exp?: number; nbf?: number } = {},
): Promise<string> {
  const key = newestKey(keysDir);
  const now = Math.floor(Date.now() / 1000);
  const jwt = new SignJWT({ sub: "alice", ...claims })
    .setProtectedHeader({ alg: "ES256", kid: key.kid })
    .setIssuer(overrides.issuer ?? issuer)
    .setAudience(overrides.audience ?? "portal-graph")
    .setIssuedAt(now)
    .setExpirationTime(overrides.exp ?? now + 600);
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
  ];
}
