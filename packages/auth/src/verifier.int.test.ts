import { mkdtempSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadAuthConfig } from "./config.js";
import { mintDevToken, rotateDevKeys, startDevIssuer } from "./dev-issuer.js";
import { flawedTokens, signAsIssuer } from "./testing.js";
import { createTokenVerifier, type TokenVerifier } from "./verifier.js";

const dir = mkdtempSync(path.join(os.tmpdir(), "auth-"));
let issuerServer: Server;
let issuer: string;
let verifier: TokenVerifier;
let flawed: [string, string, string][];

beforeAll(async () => {
  ({ server: issuerServer, issuer } = await startDevIssuer(dir, 0));
  verifier = createTokenVerifier({
    ...loadAuthConfig({ OIDC_ISSUER: issuer, OIDC_CLOCK_SKEW_SECONDS: "30" }),
    jwksCooldownMs: 0,
  });
  flawed = await flawedTokens(dir, issuer);
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
      groups: ["portal-admins"],
      mfa: { enrolled: true, factors: ["pwd", "mfa", "hwk"] },
    });
    expect(viewer!.authTime).toBeInstanceOf(Date);
  });

  it("takes a verified token on trust only until it expires, then refuses it as expired", async () => {
    const strict = createTokenVerifier({ ...loadAuthConfig({ OIDC_ISSUER: issuer, OIDC_CLOCK_SKEW_SECONDS: "0" }) });
    const token = await signAsIssuer(dir, issuer, {}, { exp: Math.floor(Date.now() / 1000) + 2 });
    const first = await strict.viewerFrom(`Bearer ${token}`);
    expect(await strict.viewerFrom(`Bearer ${token}`)).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 2100));
    await expect(strict.viewerFrom(`Bearer ${token}`)).rejects.toThrow("The bearer token has expired");
  });

  it("is anonymous without a header", async () => {
    expect(await verifier.viewerFrom(undefined)).toBeNull();
  });

  it("accepts a token just past expiry within the clock skew", async () => {
    const token = await signAsIssuer(dir, issuer, {}, { exp: Math.floor(Date.now() / 1000) - 10 });
    expect(await verifier.viewerFrom(`Bearer ${token}`)).toMatchObject({ id: "alice" });
  });

  it("refuses every flawed token with its message", async () => {
    expect(flawed).toHaveLength(12);
    for (const [name, token, message] of flawed) {
      await expect(verifier.viewerFrom(`Bearer ${token}`), name).rejects.toThrow(message);
    }
  });

  it("matches the Bearer scheme case-insensitively (RFC 7235)", async () => {
    const token = await signAsIssuer(dir, issuer, {});
    for (const header of [`bearer ${token}`, `BEARER ${token}`, `BeArEr  ${token}`]) {
      expect(await verifier.viewerFrom(header), header.slice(0, 8)).toMatchObject({ id: "alice" });
    }
  });

  it("accepts iat and nbf a little ahead, within the clock skew, and refuses them beyond it", async () => {
    const now = Math.floor(Date.now() / 1000);
    const ahead = await signAsIssuer(dir, issuer, {}, { iat: now + 20, nbf: now + 20 });
    expect(await verifier.viewerFrom(`Bearer ${ahead}`)).toMatchObject({ id: "alice" });
    const iatBeyond = await signAsIssuer(dir, issuer, {}, { iat: now + 45 });
    await expect(verifier.viewerFrom(`Bearer ${iatBeyond}`)).rejects.toThrow("issued in the future");
    const nbfBeyond = await signAsIssuer(dir, issuer, {}, { nbf: now + 45 });
    await expect(verifier.viewerFrom(`Bearer ${nbfBeyond}`)).rejects.toThrow("not valid yet");
  });

  it("accepts a lifetime of exactly MAX_TOKEN_LIFETIME_SECONDS and refuses one second more", async () => {
    const short = createTokenVerifier({
      ...loadAuthConfig({ OIDC_ISSUER: issuer, MAX_TOKEN_LIFETIME_SECONDS: "3600" }),
      jwksCooldownMs: 0,
    });
    const now = Math.floor(Date.now() / 1000);
    const atLimit = await signAsIssuer(dir, issuer, {}, { iat: now - 100, exp: now - 100 + 3600 });
    expect(await short.viewerFrom(`Bearer ${atLimit}`)).toMatchObject({ id: "alice" });
    const over = await signAsIssuer(dir, issuer, {}, { iat: now - 100, exp: now - 100 + 3601 });
    await expect(short.viewerFrom(`Bearer ${over}`)).rejects.toThrow("lives longer than this service accepts");
    // Without iat the lifetime left is what counts.
    const noIat = await signAsIssuer(dir, issuer, {}, { iat: null, exp: now + 3000 });
    expect(await short.viewerFrom(`Bearer ${noIat}`)).toMatchObject({ id: "alice" });
  });

  it("refuses a header that is not a bearer token", async () => {
    await expect(verifier.viewerFrom("Basic YWxpY2U6cGFzcw==")).rejects.toThrow("malformed");
  });

  it("picks up a rotated key (new kid) without a restart", async () => {
    expect(await verifier.viewerFrom(`Bearer ${await mintDevToken(dir, issuer, { user: "bob" })}`)).toMatchObject({
      id: "bob",
    });
    const keys = await rotateDevKeys(dir);
    const rotated = await mintDevToken(dir, issuer, { user: "bob" });
    expect(JSON.parse(Buffer.from(rotated.split(".")[0]!, "base64url").toString()).kid).toBe(keys.at(-1)!.kid);
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

  it("reads MAX_TOKEN_LIFETIME_SECONDS (default a day) and OIDC_JWKS_COOLDOWN_SECONDS, naming a bad value", () => {
    expect(loadAuthConfig({}).maxTokenLifetimeSeconds).toBe(86_400);
    expect(loadAuthConfig({ MAX_TOKEN_LIFETIME_SECONDS: "900" }).maxTokenLifetimeSeconds).toBe(900);
    expect(() => loadAuthConfig({ MAX_TOKEN_LIFETIME_SECONDS: "1d" })).toThrow(
      'MAX_TOKEN_LIFETIME_SECONDS must be a whole number from 60 to 31536000 (got "1d")',
    );
    expect(() => loadAuthConfig({ OIDC_JWKS_COOLDOWN_SECONDS: "soon" })).toThrow(
      'OIDC_JWKS_COOLDOWN_SECONDS must be a whole number from 0 to 3600 (got "soon")',
    );
  });

  it("maps groups to portal roles from OIDC_ROLE_MAP and names a bad entry", () => {
    expect(loadAuthConfig({ OIDC_ROLE_MAP: "cms-admins=PORTAL_ADMIN, cms-auditors=AUDITOR" }).roleMap).toEqual({
      "cms-admins": "PORTAL_ADMIN",
      "cms-auditors": "AUDITOR",
    });
    expect(() => loadAuthConfig({ OIDC_ROLE_MAP: "x=SUPERUSER" })).toThrow("OIDC_ROLE_MAP entries must be group=ROLE");
  });
});
