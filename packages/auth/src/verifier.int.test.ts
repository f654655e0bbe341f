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

  it("is anonymous without a header", async () => {
    expect(await verifier.viewerFrom(undefined)).toBeNull();
  });

  it("accepts a token just past expiry within the clock skew", async () => {
    const token = await signAsIssuer(dir, issuer, {}, { exp: Math.floor(Date.now() / 1000) - 10 });
    expect(await verifier.viewerFrom(`Bearer ${token}`)).toMatchObject({ id: "alice" });
  });

  it("refuses every flawed token with its message", async () => {
    expect(flawed).toHaveLength(9);
    for (const [name, token, message] of flawed) {
      await expect(verifier.viewerFrom(`Bearer ${token}`), name).rejects.toThrow(message);
    }
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

  it("maps groups to portal roles from OIDC_ROLE_MAP and names a bad entry", () => {
    expect(loadAuthConfig({ OIDC_ROLE_MAP: "cms-admins=PORTAL_ADMIN, cms-auditors=AUDITOR" }).roleMap).toEqual({
      "cms-admins": "PORTAL_ADMIN",
      "cms-auditors": "AUDITOR",
    });
    expect(() => loadAuthConfig({ OIDC_ROLE_MAP: "x=SUPERUSER" })).toThrow("OIDC_ROLE_MAP entries must be group=ROLE");
  });
});
