import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { loadAuthConfig } from "./config.js";
import { loadOrCreateDevKeys, rotateDevKeys } from "./dev-issuer.js";
import { publicKeySet, signAsIssuer, startTestJwks, type JwksMode, type TestJwks } from "./testing.js";
import { createTokenVerifier, TokenRejectedError, type TokenVerifier } from "./verifier.js";

const ISSUER = "https://idp.example.test/oauth2/default";
const dir = mkdtempSync(path.join(os.tmpdir(), "auth-outage-"));
let jwks: TestJwks;

/** A verifier of its own (so its cache starts empty), trusting the test JWKS. */
function verifierFor(overrides: Partial<ReturnType<typeof loadAuthConfig>> = {}): TokenVerifier {
  return createTokenVerifier({
    ...loadAuthConfig({ OIDC_ISSUER: ISSUER, OIDC_JWKS_URL: jwks.url }),
    jwksCooldownMs: 0,
    jwksTimeoutMs: 500,
    ...overrides,
  });
}

async function reasonOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  return error instanceof TokenRejectedError ? error.reason : `no refusal (${String(error)})`;
}

beforeAll(async () => {
  await loadOrCreateDevKeys(dir);
  jwks = await startTestJwks(async () => publicKeySet(dir));
});
beforeEach(async () => {
  jwks.setMode("up");
  await jwks.start();
});
afterAll(async () => {
  await jwks?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe("an identity provider that cannot be reached", () => {
  const failures: [string, (jwks: TestJwks) => Promise<void>][] = [
    ["refuses connections", (server) => server.stop()],
    ["answers 500", async (server) => server.setMode("error-500")],
    ["answers something that is not JSON", async (server) => server.setMode("bad-json")],
    ["does not answer in time", async (server) => server.setMode("hang" satisfies JwksMode)],
  ];

  it.each(failures)("is 'unavailable' when it %s and no key is held", async (_name, breakIt) => {
    const verifier = verifierFor();
    await breakIt(jwks);
    const token = await signAsIssuer(dir, ISSUER, {});
    expect(await reasonOf(verifier.viewerFrom(`Bearer ${token}`))).toBe("unavailable");
  });

  it.each(failures)("still accepts a token whose key is held when it %s", async (_name, breakIt) => {
    const verifier = verifierFor();
    const token = await signAsIssuer(dir, ISSUER, {});
    expect(await verifier.viewerFrom(`Bearer ${token}`)).toMatchObject({ id: "alice" });
    await breakIt(jwks);
    expect(await verifier.viewerFrom(`Bearer ${token}`)).toMatchObject({ id: "alice" });
  });

  it("keeps a stale key set verifying while its refresh fails, and takes the new set once it answers", async () => {
    // maxAge 0: every request finds the set stale and refreshes it in the background.
    const verifier = verifierFor({ jwksMaxAgeMs: 0 });
    const before = await signAsIssuer(dir, ISSUER, {});
    expect(await verifier.viewerFrom(`Bearer ${before}`)).toMatchObject({ id: "alice" });
    await jwks.stop();
    for (let i = 0; i < 3; i++) expect(await verifier.viewerFrom(`Bearer ${before}`)).toMatchObject({ id: "alice" });
    // A token signed by a key the verifier never saw cannot be judged during the outage: unavailable, not invalid.
    await rotateDevKeys(dir);
    const rotated = await signAsIssuer(dir, ISSUER, {});
    expect(await reasonOf(verifier.viewerFrom(`Bearer ${rotated}`))).toBe("unavailable");
    await jwks.start();
    expect(await verifier.viewerFrom(`Bearer ${rotated}`)).toMatchObject({ id: "alice" });
  });

  it("with a cooldown, refuses an unknown key as invalid while the provider is healthy and unavailable once it fails", async () => {
    const verifier = verifierFor({ jwksCooldownMs: 200, jwksMaxAgeMs: 0 });
    const held = await signAsIssuer(dir, ISSUER, {});
    expect(await verifier.viewerFrom(`Bearer ${held}`)).toMatchObject({ id: "alice" });
    await rotateDevKeys(dir);
    const rotated = await signAsIssuer(dir, ISSUER, {});
    // Within the cooldown, with the provider healthy, a key it never published is simply not valid.
    expect(await reasonOf(verifier.viewerFrom(`Bearer ${rotated}`))).toBe("invalid");
    jwks.setMode("error-500");
    await new Promise((resolve) => setTimeout(resolve, 250));
    // Past the cooldown the stale set is refreshed in the background, which fails; the held key still verifies.
    expect(await verifier.viewerFrom(`Bearer ${held}`)).toMatchObject({ id: "alice" });
    await rotateDevKeys(dir);
    const unknown = await signAsIssuer(dir, ISSUER, {});
    expect(await reasonOf(verifier.viewerFrom(`Bearer ${unknown}`))).toBe("unavailable");
  });

  it("answers an anonymous request without asking the provider", async () => {
    await jwks.stop();
    const served = jwks.requests();
    expect(await verifierFor().viewerFrom(undefined)).toBeNull();
    expect(jwks.requests()).toBe(served);
  });

  it("is 'unavailable' when discovery fails, and tries discovery again afterwards", async () => {
    const verifier = createTokenVerifier({
      ...loadAuthConfig({ OIDC_ISSUER: "http://127.0.0.1:9/no-idp" }),
      jwksTimeoutMs: 500,
    });
    const token = await signAsIssuer(dir, "http://127.0.0.1:9/no-idp", {});
    expect(await reasonOf(verifier.viewerFrom(`Bearer ${token}`))).toBe("unavailable");
    expect(await reasonOf(verifier.viewerFrom(`Bearer ${token}`))).toBe("unavailable");
  });
});

describe("a connection the identity provider closes without answering", () => {
  /**
   * Verifies a fresh token against a key set server that closes the first `drops` connections without a word, and
   * gives what the verifier made of it and how many requests the server saw.
   */
  async function verifyAgainstDropping(drops: number) {
    let requests = 0;
    const server = createServer((req, res) => {
      requests += 1;
      if (requests <= drops) return void req.socket.destroy();
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(publicKeySet(dir)));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`;
      const verifier = createTokenVerifier({
        ...loadAuthConfig({ OIDC_ISSUER: ISSUER, OIDC_JWKS_URL: url }),
        jwksTimeoutMs: 2000,
      });
      const token = await signAsIssuer(dir, ISSUER, {});
      const outcome = await verifier.viewerFrom(`Bearer ${token}`).then(
        (viewer) => viewer?.id ?? null,
        (error: unknown) => (error instanceof TokenRejectedError ? error.reason : String(error)),
      );
      return { outcome, requests };
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  }

  it("is asked once more on a new connection, so a stale kept-alive socket costs no refusal", async () => {
    expect(await verifyAgainstDropping(1)).toEqual({ outcome: "alice", requests: 2 });
  });

  it("is not asked a third time: a provider that keeps closing is unavailable", async () => {
    expect(await verifyAgainstDropping(Infinity)).toEqual({ outcome: "unavailable", requests: 2 });
  });
});
