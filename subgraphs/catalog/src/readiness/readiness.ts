import { decodeReadinessParts, type ReadinessPart, type Viewer } from "@portal-graph/subgraph-kit";
import type { Application } from "../application/application.entity.js";
import { Lifecycle } from "../application/application.types.js";
import {
  AcknowledgementReason,
  ReadinessBlockerKind,
  type AnyReadinessBlocker,
  type Readiness,
  type ReadinessBlocker,
} from "./readiness.types.js";

/** Each subgraph's report as the gateway sent it (the @requires selection); null or absent when it did not answer. */
export interface ReadinessReports {
  acknowledgements: readonly string[] | null | undefined;
  accessRoles: readonly string[] | null | undefined;
}

/**
 * One application's readiness for the viewer, from the catalog's own facts (lifecycle) and the other subgraphs'
 * reports, in the order to resolve them: sign in; a retired application (nothing else matters); acknowledgements
 * (the banner at sign-in, then the rules); then access (a role, a pending request, a grant's prerequisites, MFA).
 * A report that is missing or unreadable becomes an UNKNOWN blocker in its place: never a guess.
 */
export function readinessOf(
  application: Application,
  replacement: Application | null,
  viewer: Viewer | null,
  reports: ReadinessReports,
): Readiness {
  const blockers = blockersOf(application, replacement, viewer, reports);
  return { applicationId: application.id, canLaunch: blockers.length === 0, blockers };
}

function blockersOf(
  application: Application,
  replacement: Application | null,
  viewer: Viewer | null,
  reports: ReadinessReports,
): AnyReadinessBlocker[] {
  if (!viewer) {
    return [blocker(ReadinessBlockerKind.SIGN_IN_REQUIRED, "Sign in to use this application.")];
  }
  if (application.lifecycle === Lifecycle.RETIRED) {
    const message = replacement
      ? `${application.name} is retired: use ${replacement.name} instead.`
      : `${application.name} is retired.`;
    return [{ ...blocker(ReadinessBlockerKind.APPLICATION_RETIRED, message), replacement }];
  }
  return [...partsOf(reports.acknowledgements, "acknowledgements"), ...partsOf(reports.accessRoles, "access-roles")];
}

/** What a subgraph checks, for an UNKNOWN blocker's message. */
const CHECKS: Record<string, string> = {
  acknowledgements: "The policies you must acknowledge",
  "access-roles": "Your roles and requests",
};

function partsOf(report: readonly string[] | null | undefined, subgraph: string): AnyReadinessBlocker[] {
  const parts = report ? decodeReadinessParts(report) : null;
  if (!parts) {
    const message = `${CHECKS[subgraph]} could not be checked just now (${subgraph} did not answer): try again shortly.`;
    return [{ ...blocker(ReadinessBlockerKind.UNKNOWN, message), subgraph }];
  }
  return parts.map(toBlocker);
}

function blocker(kind: ReadinessBlockerKind, message: string): ReadinessBlocker {
  return { kind, message };
}

/** A reported part as the blocker type clients see: ids become entity keys their owners resolve. */
function toBlocker(part: ReadinessPart): AnyReadinessBlocker {
  const base = blocker(ReadinessBlockerKind[part.kind], part.message);
  switch (part.kind) {
    case "ACKNOWLEDGEMENT_REQUIRED":
      return {
        ...base,
        policyVersion: { id: part.policyVersionId },
        reason: AcknowledgementReason[part.reason],
        dueBy: part.dueBy,
      };
    case "ROLE_REQUIRED":
      return { ...base, requestableRoles: part.roleIds.map((id) => ({ id })) };
    case "REQUEST_PENDING":
      return { ...base, request: { id: part.accessRequestId }, requestedAt: new Date(part.requestedAt) };
    case "GRANT_AWAITING_PREREQUISITES":
      return { ...base, grant: { id: part.roleGrantId } };
    case "MFA_REQUIRED":
      return { ...base, factors: part.factors };
    case "UNKNOWN":
      return { ...base, subgraph: part.subgraph };
  }
}
