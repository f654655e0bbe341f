import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadAuthConfig } from "./config.js";
import { startDevIssuer } from "./dev-issuer.js";
import { createTokenVerifier } from "./verifier.js";

const CLIENT_ID = "portal-ui";
const REDIRECT_URI = "http://localhost:3999/callback";
const dir = mkdtempSync(path.join(os.tmpdir(), "auth-sign-in-"));
let server: Server;
let issuer: string;
let shortLived: { server: Server; issuer: string };

beforeAll(async () => {
  const signIn = { clients: [{ clientId: CLIENT_ID, redirectUris: [REDIRECT_URI] }] };
  ({ server, issuer } = await startDevIssuer(dir, 0, "127.0.0.1", undefined, signIn));
  shortLived = await startDevIssuer(dir, 0, "127.0.0.1", undefined, { ...signIn, codeLifetimeMs: 1 });
});
afterAll(() => {
  server?.close();
  shortLived?.server.close();
  rmSync(dir, { recursive: true, force: true });
});

function pkce() {
  const verifier = randomBytes(32).toString("base64url");
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
}

function authorizeParams(challenge: string, overrides: Record<string, string> = {}): URLSearchParams {
  return new URLSearchParams({
    response_type: "code",
    client_id: CLIENT_ID,
    redirect_uri: REDIRECT_URI,
    scope: "openid profile",
    state: "state-123",
    nonce: "nonce-456",
    code_challenge: challenge,
    code_challenge_method: "S256",
    ...overrides,
  });
}

/** Submits the picker's form as a browser would; returns the status and the redirect target. */
async function pick(base: string, params: URLSearchParams, user = "alice") {
  const response = await fetch(`${base}/authorize`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ ...Object.fromEntries(params), user, decision: "allow" }),
  });
  const location = response.headers.get("location");
  return { status: response.status, location: location ? new URL(location) : null, text: await response.text() };
}

function exchange(base: string, form: Record<string, string>) {
  return fetch(`${base}/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: "http://localhost:3999" },
    body: new URLSearchParams({
      grant_type: "authorization_code",
      client_id: CLIENT_ID,
      redirect_uri: REDIRECT_URI,
      ...form,
    }),
  });
}

describe("the development issuer's browser sign-in (authorization code flow with PKCE)", () => {
  it("lists the endpoints and S256 in its discovery document, readable by the client's origin", async () => {
    const response = await fetch(`${issuer}/.well-known/openid-configuration`, {
      headers: { origin: "http://localhost:3999" },
    });
    expect(response.headers.get("access-control-allow-origin")).toBe("http://localhost:3999");
    expect(await response.json()).toMatchObject({
      issuer,
      authorization_endpoint: `${issuer}/authorize`,
      token_endpoint: `${issuer}/token`,
      code_challenge_methods_supported: ["S256"],
      response_types_supported: ["code"],
    });
    const other = await fetch(`${issuer}/.well-known/openid-configuration`, {
      headers: { origin: "http://evil.test" },
    });
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("shows a page to pick each development user, carrying the request on", async () => {
    const response = await fetch(`${issuer}/authorize?${authorizeParams(pkce().challenge)}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    for (const user of ["alice", "bob", "carol", "dana", "erin", "frank"]) expect(html).toContain(`value="${user}"`);
    expect(html).toContain('name="code_challenge"');
    expect(response.headers.get("content-security-policy")).toContain("form-action 'self' http://localhost:3999");
  });

  it("redirects back with a code and the state, and the code and verifier buy a token the graph accepts", async () => {
    const { verifier, challenge } = pkce();
    const { status, location } = await pick(issuer, authorizeParams(challenge), "bob");
    expect(status).toBe(303);
    expect(`${location!.origin}${location!.pathname}`).toBe(REDIRECT_URI);
    expect(location!.searchParams.get("state")).toBe("state-123");
    const code = location!.searchParams.get("code")!;
    const response = await exchange(issuer, { code, code_verifier: verifier });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("access-control-allow-origin")).toBe("http://localhost:3999");
    const body = (await response.json()) as { access_token: string; id_token: string; token_type: string };
    expect(body.token_type).toBe("Bearer");
    const verify = createTokenVerifier({ ...loadAuthConfig({ OIDC_ISSUER: issuer }), jwksCooldownMs: 0 });
    const viewer = await verify.viewerFrom(`Bearer ${body.access_token}`);
    expect(viewer).toMatchObject({ id: "bob", displayName: "Bob Brennan" });
    const claims = JSON.parse(Buffer.from(body.id_token.split(".")[1]!, "base64url").toString()) as Record<
      string,
      unknown
    >;
    expect(claims).toMatchObject({ iss: issuer, sub: "bob", aud: "portal-graph", nonce: "nonce-456" });
  });

  it("refuses a verifier that does not match the challenge (S256 is checked), and the code is spent", async () => {
    const { verifier, challenge } = pkce();
    const { location } = await pick(issuer, authorizeParams(challenge));
    const code = location!.searchParams.get("code")!;
    const wrong = await exchange(issuer, { code, code_verifier: pkce().verifier });
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ error: "invalid_grant" });
    const right = await exchange(issuer, { code, code_verifier: verifier });
    expect(await right.json()).toMatchObject({ error: "invalid_grant" });
  });

  it("takes a code once only", async () => {
    const { verifier, challenge } = pkce();
    const { location } = await pick(issuer, authorizeParams(challenge));
    const code = location!.searchParams.get("code")!;
    expect((await exchange(issuer, { code, code_verifier: verifier })).status).toBe(200);
    const again = await exchange(issuer, { code, code_verifier: verifier });
    expect(again.status).toBe(400);
    expect(await again.json()).toMatchObject({ error: "invalid_grant" });
  });

  it("refuses a code past its lifetime", async () => {
    const { verifier, challenge } = pkce();
    const { location } = await pick(shortLived.issuer, authorizeParams(challenge));
    const code = location!.searchParams.get("code")!;
    await new Promise((resolve) => setTimeout(resolve, 20));
    const response = await exchange(shortLived.issuer, { code, code_verifier: verifier });
    expect(await response.json()).toEqual({ error: "invalid_grant", error_description: "the code has expired" });
  });

  it("never redirects to an unregistered redirect_uri, and refuses a code presented with another", async () => {
    const { verifier, challenge } = pkce();
    const unregistered = authorizeParams(challenge, { redirect_uri: "http://localhost:3999/elsewhere" });
    const page = await fetch(`${issuer}/authorize?${unregistered}`, { redirect: "manual" });
    expect(page.status).toBe(400);
    expect(page.headers.get("location")).toBeNull();
    const posted = await pick(issuer, unregistered);
    expect(posted.status).toBe(400);
    expect(posted.location).toBeNull();

    const { location } = await pick(issuer, authorizeParams(challenge));
    const response = await exchange(issuer, {
      code: location!.searchParams.get("code")!,
      code_verifier: verifier,
      redirect_uri: "http://localhost:3999/elsewhere",
    });
    expect(await response.json()).toMatchObject({ error: "invalid_grant" });
  });

  it("sends an error back to the client when PKCE is missing or the user cancels, with the state", async () => {
    const plain = await pick(issuer, authorizeParams("x", { code_challenge_method: "plain" }));
    expect(plain.location!.searchParams.get("error")).toBe("invalid_request");
    expect(plain.location!.searchParams.get("state")).toBe("state-123");
    expect(plain.location!.searchParams.get("code")).toBeNull();

    const response = await fetch(`${issuer}/authorize`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ ...Object.fromEntries(authorizeParams(pkce().challenge)), decision: "cancel" }),
    });
    const location = new URL(response.headers.get("location")!);
    expect(location.searchParams.get("error")).toBe("access_denied");
    expect(location.searchParams.get("state")).toBe("state-123");
  });

  it("offers no browser sign-in without registered clients", async () => {
    const plain = await startDevIssuer(dir, 0);
    try {
      const discovery = (await (await fetch(`${plain.issuer}/.well-known/openid-configuration`)).json()) as object;
      expect(discovery).not.toHaveProperty("authorization_endpoint");
      expect((await fetch(`${plain.issuer}/authorize`)).status).toBe(404);
    } finally {
      plain.server.close();
    }
  });
});
