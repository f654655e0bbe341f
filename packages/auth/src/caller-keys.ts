/**
 * Where callers' keys come from: Ed25519 key files named by environment variables (PKCS#8 PEM for a private key,
 * SPKI PEM for a public one, as `openssl genpkey -algorithm ed25519` and `openssl pkey -pubout` write them), and
 * development keys made on first use under <DATA_DIR>/caller-keys/ (git-ignored).
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { CALLER_ROLES, type CallerRole, type CallerSigningKey, type TrustedCallerKey } from "./caller-proof.js";

/** What a subgraph trusts: the callers' public keys and the clock skew allowed on an assertion's times. */
export interface CallerTrustConfig {
  trusted: TrustedCallerKey[];
  clockSkewSeconds: number;
}

/** The RFC 7638 thumbprint of an Ed25519 public key: the `kid` both sides derive from the key itself. */
export function keyId(publicKey: KeyObject): string {
  const { crv, kty, x } = publicKey.export({ format: "jwk" });
  return createHash("sha256").update(JSON.stringify({ crv, kty, x })).digest("base64url");
}

function readPem(file: string, variable: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(`${variable} names ${file}, which cannot be read (${code})`, { cause: error });
  }
}

/** Reads a caller's Ed25519 private key; errors name the variable and the rule. */
export function readSigningKey(file: string, role: CallerRole, variable: string): CallerSigningKey {
  const pem = readPem(file, variable);
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch (error) {
    const rule = `${variable} must name an Ed25519 private key in PKCS#8 PEM (${file} is not a private key)`;
    throw new Error(rule, { cause: error });
  }
  if (key.asymmetricKeyType !== "ed25519") {
    throw new Error(`${variable} must name an Ed25519 private key (${file} holds a ${key.asymmetricKeyType} key)`);
  }
  return { role, kid: keyId(createPublicKey(key)), key };
}

/** Reads an Ed25519 public key a subgraph trusts for the role. */
export function readTrustedKey(file: string, role: CallerRole, variable: string): TrustedCallerKey {
  const pem = readPem(file, variable);
  // createPublicKey would accept a private key too; a subgraph must never be handed one.
  if (pem.includes("PRIVATE KEY")) {
    throw new Error(`${variable} must name public keys (${file} holds a private key: give subgraphs the public half)`);
  }
  let key: KeyObject;
  try {
    key = createPublicKey(pem);
  } catch (error) {
    const rule = `${variable} must name Ed25519 public keys in SPKI PEM (${file} is not a public key)`;
    throw new Error(rule, { cause: error });
  }
  if (key.asymmetricKeyType !== "ed25519") {
    throw new Error(`${variable} must name Ed25519 public keys (${file} holds a ${key.asymmetricKeyType} key)`);
  }
  return { role, kid: keyId(key), key };
}

/**
 * Reads TRUSTED_CALLER_KEYS ("gateway=/keys/gateway.pub.pem,registry=/keys/registry.pub.pem"; a role may appear
 * twice while its key is rotated) and CALLER_PROOF_SKEW_SECONDS (default 5, 0 to 60). In production a gateway
 * key is required; elsewhere a subgraph without keys starts, and refuses every call until it has some.
 */
export function loadCallerTrust(env: NodeJS.ProcessEnv = process.env): CallerTrustConfig {
  const spec = env.TRUSTED_CALLER_KEYS?.trim() ?? "";
  const trusted: TrustedCallerKey[] = [];
  for (const entry of spec
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)) {
    const [role, file] = entry.split("=").map((part) => part.trim());
    if (!CALLER_ROLES.includes(role as CallerRole) || !file) {
      throw new Error(
        `TRUSTED_CALLER_KEYS entries must be role=public-key-file with role one of ${CALLER_ROLES.join(", ")} (got "${entry}")`,
      );
    }
    trusted.push(readTrustedKey(file, role as CallerRole, "TRUSTED_CALLER_KEYS"));
  }
  if (env.NODE_ENV === "production" && !trusted.some((key) => key.role === "gateway")) {
    throw new Error(
      "TRUSTED_CALLER_KEYS is required when NODE_ENV=production and must name the gateway's public key (gateway=/path/gateway.pub.pem)",
    );
  }
  const rawSkew = env.CALLER_PROOF_SKEW_SECONDS?.trim() || "5";
  const clockSkewSeconds = Number(rawSkew);
  if (!/^\d+$/.test(rawSkew) || clockSkewSeconds > 60) {
    throw new Error(`CALLER_PROOF_SKEW_SECONDS must be a whole number from 0 to 60 (got "${rawSkew}")`);
  }
  return { trusted, clockSkewSeconds };
}

/**
 * Reads GATEWAY_PROOF_KEY_FILE, the gateway's private key. Required in production; elsewhere null means the gateway
 * sends no proof (subgraphs will refuse its calls), which only fixtures that check nothing accept.
 */
export function loadGatewaySigningKey(env: NodeJS.ProcessEnv = process.env): CallerSigningKey | null {
  const file = env.GATEWAY_PROOF_KEY_FILE?.trim();
  if (!file) {
    if (env.NODE_ENV === "production") {
      throw new Error(
        "GATEWAY_PROOF_KEY_FILE is required when NODE_ENV=production: the gateway's Ed25519 private key (PKCS#8 PEM) whose public key the subgraphs trust",
      );
    }
    return null;
  }
  return readSigningKey(file, "gateway", "GATEWAY_PROOF_KEY_FILE");
}

/** Development key files: one pair per caller role. */
export interface DevCallerKeys {
  dir: string;
  privateKeyFile(role: CallerRole): string;
  publicKeyFile(role: CallerRole): string;
  /** The signing key of a role, for the test harness and the benchmark. */
  signingKey(role: CallerRole): CallerSigningKey;
  /** TRUSTED_CALLER_KEYS naming every role's public key. */
  trustedCallerKeys: string;
}

/** Makes a key pair for each caller role under dir unless it is there already (private keys 0600). */
export function ensureDevCallerKeys(dir: string): DevCallerKeys {
  const privateKeyFile = (role: CallerRole) => path.join(dir, `${role}.key.pem`);
  const publicKeyFile = (role: CallerRole) => path.join(dir, `${role}.pub.pem`);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  for (const role of CALLER_ROLES) {
    if (existsSync(privateKeyFile(role)) && existsSync(publicKeyFile(role))) continue;
    const { privateKey, publicKey } = generateKeyPairSync("ed25519");
    writeFileSync(privateKeyFile(role), privateKey.export({ type: "pkcs8", format: "pem" }), { mode: 0o600 });
    writeFileSync(publicKeyFile(role), publicKey.export({ type: "spki", format: "pem" }));
  }
  return {
    dir,
    privateKeyFile,
    publicKeyFile,
    signingKey: (role) => readSigningKey(privateKeyFile(role), role, `${role} key`),
    trustedCallerKeys: CALLER_ROLES.map((role) => `${role}=${publicKeyFile(role)}`).join(","),
  };
}
