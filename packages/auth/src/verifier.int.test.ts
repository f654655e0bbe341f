import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import os from "node:os";
import path from "node:path";
import { exportSPKI, generateKeyPair, importJWK, SignJWT, type JWK, type JWTPayload } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadAuthConfig } from "./config.js";
import { mintDevToken, rotateDevKeys, startDevIssuer } from "./dev-issuer.js";
import { createTokenVerifier, type TokenVerifier } from "./verifier.js";

const dir = mkdtempSync(path.join(os.tmpdir(), "auth-"));
let issuerServer: Server;
let issuer: string;
let verifier: TokenVerifier;

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

function currentKey(): { kid: string; privateJwk: JWK; publicJwk: JWK } {
  return (
    JSON.parse(readFileSync(path.join(dir, "keys.json"), "utf8")) as { kid: string; privateJwk: JWK; publicJwk: JWK }[]
  ).at(-1)!;
}

/** Signs arbitrary claims with the issuer's own current key, so only the named flaw differs from a good token. */
async function sign(
  claims: JWTPayload,
  overrides: { issuer?: string; audience?: string; exp?: number; nbf?: number } = {},
) {
  const key = currentKey();
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

beforeAll(async () => {
  ({ server: issuerServer, issuer } = await startDevIssuer(dir, 0));
  verifier = createTokenVerifier({
    ...loadAuthConfig({ OIDC_ISSUER: issuer, OIDC_CLOCK_SKEW_SECONDS: "30" }),
    jwksCooldownMs: 0,
  });
});
afterAll(() => {
  issuerServer?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("token verification", () => {
  it("turns a good token into the viewer, roles and MFA included", async () => {
    const viewer = await verifier.viewerFrom(`Bearer ${await mintDevToken(dir, issuer, { user: "carol" })}`);
    expect(viewer).toMatchObject({
      id: "carol",
      displayName: "Carol Castillo",
      email: "carol@example.test",
      portalRoles: ["PORTAL_ADMIN"],
      mfa: { enrolled: true, factors: ["pwd", "mfa", "hwk"] },
    });
    expect(viewer!.authTime).toBeInstanceOf(Date);
  });

  it("is anonymous without a header", async () => {
    expect(await verifier.viewerFrom(undefined)).toBeNull();
  });

  it("accepts a token just past expiry within the clock skew", async () => {
    const now = Math.floor(Date.now() / 1000);
    expect(await verifier.viewerFrom(`Bearer ${await sign({}, { exp: now - 10 })}`)).toMatchObject({ id: "alice" });
  });

  const now = () => Math.floor(Date.now() / 1000);
  it.each<[string, () => Promise<string>, string]>([
    ["expired", async () => sign({}, { exp: now() - 120 }), "The bearer token has expired"],
    ["not yet valid", async () => sign({}, { nbf: now() + 300 }), "The bearer token is not valid yet"],
    ["from another issuer", async () => sign({}, { issuer: "https://evil.example/" }), "The bearer token is not valid"],
    ["for another audience", async () => sign({}, { audience: "someone-else" }), "The bearer token is not valid"],
    [
      "with a bad signature",
      async () => {
        const [header, payload, signature] = (await sign({})).split(".");
        const flipped = signature![0] === "A" ? `B${signature!.slice(1)}` : `A${signature!.slice(1)}`;
        return `${header}.${payload}.${flipped}`;
      },
      "The bearer token is not valid",
    ],
    [
      "with alg none",
      async () =>
        `${b64({ alg: "none", typ: "JWT" })}.${b64({ sub: "carol", iss: issuer, aud: "portal-graph", exp: now() + 600 })}.`,
      "The bearer token",
    ],
    [
      "HS256-signed with the public key as the secret",
      async () => {
        const secret = new TextEncoder().encode(JSON.stringify(currentKey().publicJwk));
        return new SignJWT({ sub: "carol", groups: ["portal-admins"] })
          .setProtectedHeader({ alg: "HS256", kid: currentKey().kid })
          .setIssuer(issuer)
          .setAudience("portal-graph")
          .setExpirationTime(now() + 600)
          .sign(secret);
      },
      "The bearer token is not valid",
    ],
    [
      "signed by a key the issuer never published (unknown kid)",
      async () => {
        const { privateKey, publicKey } = await generateKeyPair("RS256");
        expect(await exportSPKI(publicKey)).toContain("PUBLIC KEY");
        return new SignJWT({ sub: "carol" })
          .setProtectedHeader({ alg: "RS256", kid: "not-a-published-kid" })
          .setIssuer(issuer)
          .setAudience("portal-graph")
          .setExpirationTime(now() + 600)
          .sign(privateKey);
      },
      "The bearer token is not valid",
    ],
    ["that is garbage", async () => "not.a.jwt", "The bearer token is malformed"],
  ])("refuses a token %s", async (_name, make, message) => {
    const token = await make();
    await expect(verifier.viewerFrom(`Bearer ${token}`)).rejects.toThrow(message);
  });

  it("refuses a header that is not a bearer token", async () => {
    await expect(verifier.viewerFrom("Basic YWxpY2U6cGFzcw==")).rejects.toThrow("malformed");
  });

  it("picks up a rotated key (new kid) without a restart", async () => {
    expect(await verifier.viewerFrom(`Bearer ${await mintDevToken(dir, issuer, { user: "bob" })}`)).toMatchObject({
      id: "bob",
    });
    await rotateDevKeys(dir);
    const rotated = await mintDevToken(dir, issuer, { user: "bob" });
    expect(JSON.parse(Buffer.from(rotated.split(".")[0]!, "base64url").toString()).kid).toBe(currentKey().kid);
    expect(await verifier.viewerFrom(`Bearer ${rotated}`)).toMatchObject({ id: "bob" });
  });
});

describe("auth configuration", () => {
  it("requires an identity provider in production and refuses the development issuer there", () => {
    expect(() => loadAuthConfig({ NODE_ENV: "production" })).toThrow("OIDC_ISSUER or OIDC_JWKS_URL is required");
    expect(() => loadAuthConfig({ NODE_ENV: "production", OIDC_ISSUER: "http://127.0.0.1:4100/dev-issuer" })).toThrow(
      "development issuer cannot be trusted",
    );
    expect(
      loadAuthConfig({ NODE_ENV: "production", OIDC_ISSUER: "https://example.okta.com/oauth2/default" }).issuer,
    ).toBe("https://example.okta.com/oauth2/default");
  });

  it("maps groups to portal roles from OIDC_ROLE_MAP and names a bad entry", () => {
    expect(loadAuthConfig({ OIDC_ROLE_MAP: "cms-admins=PORTAL_ADMIN, cms-auditors=AUDITOR" }).roleMap).toEqual({
      "cms-admins": "PORTAL_ADMIN",
      "cms-auditors": "AUDITOR",
    });
    expect(() => loadAuthConfig({ OIDC_ROLE_MAP: "x=SUPERUSER" })).toThrow("OIDC_ROLE_MAP entries must be group=ROLE");
  });
});
