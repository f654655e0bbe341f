import { Directive, Field, ID, InterfaceType, ObjectType, registerEnumType } from "type-graphql";
import { CACHE_PRIVATE, DateTimeScalar } from "@portal-graph/subgraph-kit";
import { Application } from "../application/application.entity.js";
import { AccessRequestKey, PolicyVersionKey, RoleGrantKey, RoleKey } from "./references.js";

/** What stands between the viewer and launching an application. */
export enum ReadinessBlockerKind {
  SIGN_IN_REQUIRED = "SIGN_IN_REQUIRED",
  APPLICATION_RETIRED = "APPLICATION_RETIRED",
  ACKNOWLEDGEMENT_REQUIRED = "ACKNOWLEDGEMENT_REQUIRED",
  ROLE_REQUIRED = "ROLE_REQUIRED",
  REQUEST_PENDING = "REQUEST_PENDING",
  GRANT_AWAITING_PREREQUISITES = "GRANT_AWAITING_PREREQUISITES",
  MFA_REQUIRED = "MFA_REQUIRED",
  UNKNOWN = "UNKNOWN",
}
registerEnumType(ReadinessBlockerKind, {
  name: "ReadinessBlockerKind",
  description: "What stands between the viewer and launching an application.",
  valuesConfig: {
    SIGN_IN_REQUIRED: { description: "The viewer is not signed in." },
    APPLICATION_RETIRED: { description: "The application is retired; it may have a replacement." },
    ACKNOWLEDGEMENT_REQUIRED: { description: "A policy version to acknowledge first." },
    ROLE_REQUIRED: { description: "The viewer holds no role in the application and has asked for none." },
    REQUEST_PENDING: { description: "The viewer's request for a role waits for an approver." },
    GRANT_AWAITING_PREREQUISITES: {
      description: "The viewer's privileged grant starts once its prerequisite acknowledgements are made.",
    },
    MFA_REQUIRED: { description: "Privileged access needs a sign-in with a second factor." },
    UNKNOWN: { description: "A part could not be checked because a subgraph did not answer." },
  },
});

/** Why an acknowledgement is asked for. */
export enum AcknowledgementReason {
  NEVER_ACKNOWLEDGED = "NEVER_ACKNOWLEDGED",
  EXPIRED = "EXPIRED",
  NEW_VERSION = "NEW_VERSION",
  EVERY_SIGN_IN = "EVERY_SIGN_IN",
}
registerEnumType(AcknowledgementReason, {
  name: "AcknowledgementReason",
  description: "Why an acknowledgement is asked for.",
  valuesConfig: {
    NEVER_ACKNOWLEDGED: { description: "The viewer never acknowledged the policy." },
    EXPIRED: { description: "The viewer's acknowledgement lapsed." },
    NEW_VERSION: { description: "A new version replaced the one the viewer acknowledged." },
    EVERY_SIGN_IN: { description: "The policy (the warning banner) is acknowledged at every sign-in." },
  },
});

const TYPE_OF: Record<ReadinessBlockerKind, string> = {
  SIGN_IN_REQUIRED: "SignInRequiredBlocker",
  APPLICATION_RETIRED: "ApplicationRetiredBlocker",
  ACKNOWLEDGEMENT_REQUIRED: "AcknowledgementRequiredBlocker",
  ROLE_REQUIRED: "RoleRequiredBlocker",
  REQUEST_PENDING: "RequestPendingBlocker",
  GRANT_AWAITING_PREREQUISITES: "GrantAwaitingPrerequisitesBlocker",
  MFA_REQUIRED: "MfaRequiredBlocker",
  UNKNOWN: "UnknownBlocker",
};

@InterfaceType({
  description: "One thing the viewer must do (or wait for) before launching an application.",
  resolveType: (blocker: { kind: ReadinessBlockerKind }) => TYPE_OF[blocker.kind],
})
export abstract class ReadinessBlocker {
  @Field(() => ReadinessBlockerKind, { description: "What kind of blocker; each kind has its own type." })
  kind!: ReadinessBlockerKind;

  @Field(() => String, { description: "One plain sentence a portal can show as is." })
  message!: string;
}

@ObjectType({ implements: ReadinessBlocker, description: "Sign in to see what else is needed." })
export class SignInRequiredBlocker extends ReadinessBlocker {}

@ObjectType({ implements: ReadinessBlocker, description: "The application is retired." })
export class ApplicationRetiredBlocker extends ReadinessBlocker {
  @Field(() => Application, { nullable: true, description: "The application that replaces it, if any." })
  replacement!: Application | null;
}

@ObjectType({ implements: ReadinessBlocker, description: "A policy version the viewer must acknowledge first." })
export class AcknowledgementRequiredBlocker extends ReadinessBlocker {
  @Field(() => PolicyVersionKey, {
    nullable: true,
    description:
      "The version to acknowledge (acknowledgePolicy takes its id). Null with an error when the acknowledgements subgraph cannot answer for the fields asked.",
  })
  policyVersion!: PolicyVersionKey | null;

  @Field(() => AcknowledgementReason, { description: "Why it is asked for." })
  reason!: AcknowledgementReason;

  @Field(() => String, { nullable: true, description: 'The day it was due, "YYYY-MM-DD", as in compliance.' })
  dueBy!: string | null;
}

@ObjectType({ implements: ReadinessBlocker, description: "The viewer needs a role in the application." })
export class RoleRequiredBlocker extends ReadinessBlocker {
  @Directive("@listSize(assumedSize: 5)")
  @Field(() => [RoleKey], {
    nullable: true,
    description:
      "The roles the viewer may request (requestAccess); empty when none can be requested. Null with an error when access-roles cannot answer for the fields asked.",
  })
  requestableRoles!: RoleKey[] | null;
}

@ObjectType({ implements: ReadinessBlocker, description: "The viewer's request for a role waits for an approver." })
export class RequestPendingBlocker extends ReadinessBlocker {
  @Field(() => AccessRequestKey, {
    nullable: true,
    description: "The pending request. Null with an error when access-roles cannot answer for the fields asked.",
  })
  request!: AccessRequestKey | null;

  @Field(() => DateTimeScalar, { description: "When the request was made." })
  requestedAt!: Date;
}

@ObjectType({
  implements: ReadinessBlocker,
  description: "A privileged grant the viewer holds starts once its prerequisite acknowledgements are made.",
})
export class GrantAwaitingPrerequisitesBlocker extends ReadinessBlocker {
  @Field(() => RoleGrantKey, {
    nullable: true,
    description:
      "The grant; its missingPrerequisites names the acknowledgements it waits for. Null with an error when access-roles cannot answer for the fields asked.",
  })
  grant!: RoleGrantKey | null;
}

@ObjectType({ implements: ReadinessBlocker, description: "Privileged access needs a sign-in with a second factor." })
export class MfaRequiredBlocker extends ReadinessBlocker {
  @Field(() => [String], {
    description: "Authentication methods (as the amr claim names them) any one of which satisfies it.",
  })
  factors!: string[];
}

@ObjectType({
  implements: ReadinessBlocker,
  description: "A part of readiness could not be checked; canLaunch is false rather than a guess.",
})
export class UnknownBlocker extends ReadinessBlocker {
  @Field(() => String, { description: "The subgraph that did not answer." })
  subgraph!: string;
}

/** Any concrete blocker. */
export type AnyReadinessBlocker =
  | SignInRequiredBlocker
  | ApplicationRetiredBlocker
  | AcknowledgementRequiredBlocker
  | RoleRequiredBlocker
  | RequestPendingBlocker
  | GrantAwaitingPrerequisitesBlocker
  | MfaRequiredBlocker
  | UnknownBlocker;

export const READINESS_BLOCKER_TYPES = [
  SignInRequiredBlocker,
  ApplicationRetiredBlocker,
  AcknowledgementRequiredBlocker,
  RoleRequiredBlocker,
  RequestPendingBlocker,
  GrantAwaitingPrerequisitesBlocker,
  MfaRequiredBlocker,
  UnknownBlocker,
];

@ObjectType({
  description:
    "Whether the viewer can launch an application now, and if not, what is missing, in the order to resolve it.",
})
@Directive('@key(fields: "applicationId", resolvable: false)')
@Directive(CACHE_PRIVATE)
export class Readiness {
  @Field(() => ID, { description: "The application's id." })
  applicationId!: string;

  @Field(() => Boolean, {
    description: "True only when nothing is missing and every part could be checked.",
  })
  canLaunch!: boolean;

  @Directive("@listSize(assumedSize: 5)")
  @Field(() => [ReadinessBlocker], { description: "What is missing, in the order the viewer should resolve it." })
  blockers!: ReadinessBlocker[];
}
