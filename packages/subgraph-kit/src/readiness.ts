/**
 * What a subgraph reports towards `Application.viewerReadiness` (docs/adr/0004): each subgraph that owns a fact
 * saying whether the viewer can launch an application reports its own blockers, and the catalog orders them into one
 * answer. The report crosses the gateway as an `@inaccessible` list of strings, one JSON object per blocker, so the
 * catalog declares no copy of another subgraph's types; it keeps only ids, which clients follow to the owners.
 */

/** The kinds of blocker a subgraph may report; the catalog adds SIGN_IN_REQUIRED and APPLICATION_RETIRED itself. */
export type ReadinessPart =
  | {
      kind: "ACKNOWLEDGEMENT_REQUIRED";
      message: string;
      policyVersionId: string;
      reason: "NEVER_ACKNOWLEDGED" | "EXPIRED" | "NEW_VERSION" | "EVERY_SIGN_IN";
      dueBy: string | null;
    }
  | { kind: "ROLE_REQUIRED"; message: string; roleIds: string[] }
  | { kind: "REQUEST_PENDING"; message: string; accessRequestId: string; requestedAt: string }
  | { kind: "GRANT_AWAITING_PREREQUISITES"; message: string; roleGrantId: string; missing: string[] }
  | { kind: "MFA_REQUIRED"; message: string; factors: string[] }
  | { kind: "UNKNOWN"; message: string; subgraph: string };

export type ReadinessPartKind = ReadinessPart["kind"];

const FIELDS: Record<ReadinessPartKind, readonly string[]> = {
  ACKNOWLEDGEMENT_REQUIRED: ["policyVersionId", "reason"],
  ROLE_REQUIRED: ["roleIds"],
  REQUEST_PENDING: ["accessRequestId", "requestedAt"],
  GRANT_AWAITING_PREREQUISITES: ["roleGrantId", "missing"],
  MFA_REQUIRED: ["factors"],
  UNKNOWN: ["subgraph"],
};

/** The report as it crosses the gateway. */
export function encodeReadinessParts(parts: readonly ReadinessPart[]): string[] {
  return parts.map((part) => JSON.stringify(part));
}

/**
 * A report read back; null when any entry is not one this version knows (a subgraph deployed ahead of the catalog),
 * which the catalog then answers as UNKNOWN rather than guess.
 */
export function decodeReadinessParts(encoded: readonly string[]): ReadinessPart[] | null {
  const parts: ReadinessPart[] = [];
  for (const text of encoded) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return null;
    }
    if (!isPart(value)) return null;
    parts.push(value);
  }
  return parts;
}

function isPart(value: unknown): value is ReadinessPart {
  if (typeof value !== "object" || value === null) return false;
  const record = value as Record<string, unknown>;
  const fields = typeof record.kind === "string" ? FIELDS[record.kind as ReadinessPartKind] : undefined;
  return !!fields && typeof record.message === "string" && fields.every((field) => record[field] !== undefined);
}
