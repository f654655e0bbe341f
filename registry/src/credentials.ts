import { createHash, timingSafeEqual } from "node:crypto";

/** Who a request's bearer token says it is, and what it may do. */
export type Credential =
  | { name: string; role: "admin" }
  | { name: string; role: "publish"; subgraph: string }
  | { name: string; role: "read" };

export interface Credentials {
  /** Development only: no token configured, so every caller may do everything (the registry listens on loopback). */
  open: boolean;
  find(token: string | null): Credential | null;
}

/**
 * Reads REGISTRY_ADMIN_TOKEN (everything), REGISTRY_PUBLISH_TOKENS (`catalog=<token>,help-desks=<token>`: check,
 * publish and remove that subgraph only) and REGISTRY_READ_TOKENS (`gateway=<token>,...`: the supergraph and the
 * lists, for gateways). With none set, outside production, the registry is open; in production it refuses to start.
 */
export function loadCredentials(env: NodeJS.ProcessEnv = process.env): Credentials {
  const known: { hash: Buffer; credential: Credential }[] = [];
  const add = (token: string, credential: Credential) => {
    if (token.length < 16) throw new Error(`the registry token for ${credential.name} must be at least 16 characters`);
    known.push({ hash: digest(token), credential });
  };
  const admin = env.REGISTRY_ADMIN_TOKEN?.trim();
  if (admin) add(admin, { name: "admin", role: "admin" });
  for (const [name, token] of pairs(env.REGISTRY_PUBLISH_TOKENS, "REGISTRY_PUBLISH_TOKENS")) {
    add(token, { name, role: "publish", subgraph: name });
  }
  for (const [name, token] of pairs(env.REGISTRY_READ_TOKENS, "REGISTRY_READ_TOKENS")) {
    add(token, { name, role: "read" });
  }
  if (known.length === 0 && env.NODE_ENV === "production") {
    throw new Error("REGISTRY_ADMIN_TOKEN is required when NODE_ENV=production");
  }
  return {
    open: known.length === 0,
    find(token) {
      if (known.length === 0) return { name: "development", role: "admin" };
      if (!token) return null;
      const hash = digest(token);
      return known.find((entry) => timingSafeEqual(entry.hash, hash))?.credential ?? null;
    },
  };
}

/** Whether the credential may change (check, publish, remove) this subgraph. */
export function mayChange(credential: Credential, subgraph: string): boolean {
  return credential.role === "admin" || (credential.role === "publish" && credential.subgraph === subgraph);
}

function digest(token: string): Buffer {
  return createHash("sha256").update(token).digest();
}

function pairs(spec: string | undefined, variable: string): [string, string][] {
  return (spec ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const at = entry.indexOf("=");
      if (at <= 0) throw new Error(`${variable} entries must be name=token (got "${entry.slice(0, 20)}")`);
      return [entry.slice(0, at).trim(), entry.slice(at + 1).trim()];
    });
}
