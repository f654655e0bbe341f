import { sign, type KeyObject } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ensureDevCallerKeys, loadCallerTrust, loadGatewaySigningKey } from "./caller-keys.js";
import { createCallerVerifier, signCallerAssertion, type CallDescription, type SignOverrides } from "./caller-proof.js";

const dir = mkdtempSync(path.join(os.tmpdir(), "caller-proof-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const keys = ensureDevCallerKeys(path.join(dir, "keys"));
const trust = loadCallerTrust({ TRUSTED_CALLER_KEYS: `gateway=${keys.publicKeyFile("gateway")}` });
const call: CallDescription = {
  audience: "catalog",
  method: "POST",
  target: "/graphql",
  body: '{"query":"{ applications { totalCount } }"}',
  requestId: "r-1",
};
const now = () => Math.floor(Date.now() / 1000);

/** The reason a fresh verifier refuses the assertion with, or "accepted". */
async function outcome(assertion: string, presented: Partial<CallDescription> = {}): Promise<string> {
  const verifier = createCallerVerifier({ audience: "catalog", trusted: trust.trusted, clockSkewSeconds: 5 });
  try {
    await verifier.verify(assertion, { ...call, ...presented });
    return "accepted";
  } catch (error) {
    return (error as { reason: string }).reason;
  }
}

const signed = (overrides: SignOverrides = {}, role: "gateway" | "test" = "gateway") =>
  signCallerAssertion(keys.signingKey(role), call, overrides);

describe("caller assertions", () => {
  it("accepts a fresh assertion for the exact call, and says whose it is", async () => {
    const verifier = createCallerVerifier({ audience: "catalog", trusted: trust.trusted, clockSkewSeconds: 5 });
    expect(await verifier.verify(await signed(), call)).toEqual({ role: "gateway", kid: trust.trusted[0]!.kid });
  });

  it("names what is wrong with each flawed assertion", async () => {
    const cases: [string, Promise<string>][] = [
      ["missing", outcome("")],
      ["not a JWT", outcome("not-a-jwt")],
      ["signed by a key not trusted here", signed({}, "test").then((a) => outcome(a))],
      ["expired beyond the skew", signed({ issuedAt: now() - 30 }).then((a) => outcome(a))],
      ["issued in the future", signed({ issuedAt: now() + 30 }).then((a) => outcome(a))],
      ["a lifetime over 60 s", signed({ lifetimeSeconds: 3600 }).then((a) => outcome(a))],
      ["another method", signed().then((a) => outcome(a, { method: "GET" }))],
      ["another path", signed().then((a) => outcome(a, { target: "/graphql?x=1" }))],
      ["another request id", signed().then((a) => outcome(a, { requestId: "r-2" }))],
      ["another body", signed().then((a) => outcome(a, { body: '{"query":"{ __typename }"}' }))],
      ["a tampered payload", signed().then((a) => outcome(tamper(a)))],
    ];
    const results = await Promise.all(cases.map(async ([name, reason]) => [name, await reason]));
    expect(Object.fromEntries(results)).toEqual({
      missing: "MISSING",
      "not a JWT": "MALFORMED",
      "signed by a key not trusted here": "UNKNOWN_KEY",
      "expired beyond the skew": "EXPIRED",
      "issued in the future": "NOT_YET_VALID",
      "a lifetime over 60 s": "TOO_LONG",
      "another method": "REQUEST_MISMATCH",
      "another path": "REQUEST_MISMATCH",
      "another request id": "REQUEST_MISMATCH",
      "another body": "BODY_MISMATCH",
      "a tampered payload": "BAD_SIGNATURE",
    });
  });

  it("refuses an assertion whose header or claims step outside the one shape the gateway signs", async () => {
    const key = keys.signingKey("gateway");
    const header = { alg: "EdDSA", kid: key.kid, typ: "caller-assertion+jwt" };
    const claims = JSON.parse(Buffer.from((await signed()).split(".")[1]!, "base64url").toString()) as object;
    const cases: Record<string, [object, object]> = {
      "another audience": [header, { ...claims, aud: "help-desks" }],
      "the audience among others": [header, { ...claims, aud: ["help-desks", "catalog"] }],
      "alg none": [{ ...header, alg: "none" }, claims],
      "another typ (a user's token)": [{ ...header, typ: "JWT" }, claims],
      "a crit header": [{ ...header, crit: ["exp"] }, claims],
      "an embedded key": [{ ...header, jwk: { kty: "OKP" } }, claims],
      "another issuer than the key's role": [header, { ...claims, iss: "registry" }],
      "no jti": [header, { ...claims, jti: undefined }],
      "a text exp": [header, { ...claims, exp: "soon" }],
      "nbf ahead": [header, { ...claims, nbf: now() + 30 }],
    };
    const results: Record<string, string> = {};
    for (const [name, [h, c]] of Object.entries(cases)) results[name] = await outcome(forge(h, c, key.key));
    expect(results).toEqual({
      "another audience": "WRONG_AUDIENCE",
      "the audience among others": "accepted",
      "alg none": "MALFORMED",
      "another typ (a user's token)": "MALFORMED",
      "a crit header": "MALFORMED",
      "an embedded key": "MALFORMED",
      "another issuer than the key's role": "MALFORMED",
      "no jti": "MALFORMED",
      "a text exp": "MALFORMED",
      "nbf ahead": "NOT_YET_VALID",
    });
    expect(await outcome(`${(await signed()).slice(0, -4)}AAAA`)).toBe("BAD_SIGNATURE");
    expect(await outcome(`${await signed()}.extra`)).toBe("MALFORMED");
  });

  it("refuses to trust a key that is not an Ed25519 public key", () => {
    const key = keys.signingKey("gateway");
    expect(() =>
      createCallerVerifier({ audience: "catalog", trusted: [{ ...key, key: key.key }], clockSkewSeconds: 5 }),
    ).toThrow(/is not an Ed25519 public key/);
  });

  it("accepts each assertion once, and spends it only when every other check passed", async () => {
    const verifier = createCallerVerifier({ audience: "catalog", trusted: trust.trusted, clockSkewSeconds: 5 });
    const assertion = await signed();
    await expect(verifier.verify(assertion, { ...call, body: "{}" })).rejects.toMatchObject({
      reason: "BODY_MISMATCH",
    });
    await expect(verifier.verify(assertion, call)).resolves.toMatchObject({ role: "gateway" });
    await expect(verifier.verify(assertion, call)).rejects.toMatchObject({ reason: "REPLAYED" });
  });

  it("refuses everything when no key is trusted", async () => {
    const verifier = createCallerVerifier({ audience: "catalog", trusted: [], clockSkewSeconds: 5 });
    await expect(verifier.verify(await signed(), call)).rejects.toMatchObject({ reason: "NOT_CONFIGURED" });
  });
});

describe("caller key configuration", () => {
  it("requires the keys in production, naming the variable", () => {
    expect(() => loadCallerTrust({ NODE_ENV: "production" })).toThrow(
      "TRUSTED_CALLER_KEYS is required when NODE_ENV=production",
    );
    expect(() =>
      loadCallerTrust({ NODE_ENV: "production", TRUSTED_CALLER_KEYS: `test=${keys.publicKeyFile("test")}` }),
    ).toThrow("must name the gateway's public key");
    expect(() => loadGatewaySigningKey({ NODE_ENV: "production" })).toThrow(
      "GATEWAY_PROOF_KEY_FILE is required when NODE_ENV=production",
    );
    expect(loadGatewaySigningKey({})).toBeNull();
  });

  it("says which entry or file is wrong", () => {
    expect(() => loadCallerTrust({ TRUSTED_CALLER_KEYS: "admin=/x.pem" })).toThrow(
      'TRUSTED_CALLER_KEYS entries must be role=public-key-file with role one of gateway, registry, test (got "admin=/x.pem")',
    );
    const missing = path.join(dir, "absent.pem");
    expect(() => loadCallerTrust({ TRUSTED_CALLER_KEYS: `gateway=${missing}` })).toThrow(
      `TRUSTED_CALLER_KEYS names ${missing}, which cannot be read (ENOENT)`,
    );
    expect(() => loadCallerTrust({ TRUSTED_CALLER_KEYS: `gateway=${keys.privateKeyFile("gateway")}` })).toThrow(
      "holds a private key",
    );
    const junk = path.join(dir, "junk.pem");
    writeFileSync(junk, "not a key");
    expect(() => loadGatewaySigningKey({ GATEWAY_PROOF_KEY_FILE: junk })).toThrow(
      `GATEWAY_PROOF_KEY_FILE must name an Ed25519 private key in PKCS#8 PEM (${junk} is not a private key)`,
    );
    expect(() => loadCallerTrust({ CALLER_PROOF_SKEW_SECONDS: "90" })).toThrow(
      'CALLER_PROOF_SKEW_SECONDS must be a whole number from 0 to 60 (got "90")',
    );
  });
});

/** A compact JWS over any header and claims, signed with the given Ed25519 private key. */
function forge(header: object, claims: object, key: KeyObject): string {
  const input = [header, claims].map((part) => Buffer.from(JSON.stringify(part)).toString("base64url")).join(".");
  return `${input}.${sign(null, Buffer.from(input), key).toString("base64url")}`;
}

/** Changes one character of the payload, keeping the signature. */
function tamper(assertion: string): string {
  const [header, payload, signature] = assertion.split(".");
  const claims = JSON.parse(Buffer.from(payload!, "base64url").toString()) as Record<string, unknown>;
  return [header, Buffer.from(JSON.stringify({ ...claims, rid: "r-9" })).toString("base64url"), signature].join(".");
}
