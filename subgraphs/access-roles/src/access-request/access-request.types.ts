import { Field, ObjectType, registerEnumType } from "type-graphql";
import { PolicyKind } from "../shared/policy-kind.js";
import { Role } from "../role/role.entity.js";

/** Where an access request is; EXPIRED when it waited longer than ACCESS_REQUEST_TTL_DAYS undecided. */
export enum AccessRequestStatus {
  PENDING = "PENDING",
  APPROVED = "APPROVED",
  REJECTED = "REJECTED",
  CANCELLED = "CANCELLED",
  EXPIRED = "EXPIRED",
}
registerEnumType(AccessRequestStatus, {
  name: "AccessRequestStatus",
  description: "Where an access request is.",
  valuesConfig: {
    PENDING: { description: "Waiting for an approver's decision." },
    APPROVED: { description: "An approver granted the role; the grant is on `grant`." },
    REJECTED: { description: "An approver refused it; `decision.comment` says why." },
    CANCELLED: { description: "The requester withdrew it before a decision." },
    EXPIRED: { description: "Nobody decided within the request's lifetime; ask again if still needed." },
  },
});

/** An approver's verdict. */
export enum DecisionOutcome {
  APPROVED = "APPROVED",
  REJECTED = "REJECTED",
}
registerEnumType(DecisionOutcome, {
  name: "DecisionOutcome",
  description: "An approver's verdict on a request.",
  valuesConfig: {
    APPROVED: { description: "Grant the role." },
    REJECTED: { description: "Refuse the request (a comment is required)." },
  },
});

/** What stands between a pending request and working access. */
export enum AccessBlockerKind {
  CONFLICTING_ROLE_HELD = "CONFLICTING_ROLE_HELD",
  ROLE_ALREADY_HELD = "ROLE_ALREADY_HELD",
  ROLE_NOT_REQUESTABLE = "ROLE_NOT_REQUESTABLE",
  MISSING_ACKNOWLEDGEMENT = "MISSING_ACKNOWLEDGEMENT",
}
registerEnumType(AccessBlockerKind, {
  name: "AccessBlockerKind",
  description: "What stands between a pending request and working access.",
  valuesConfig: {
    CONFLICTING_ROLE_HELD: { description: "The requester holds a role that may not be combined with this one." },
    ROLE_ALREADY_HELD: { description: "The requester already holds this role." },
    ROLE_NOT_REQUESTABLE: {
      description: "The role can no longer be requested (withdrawn, or its application retired).",
    },
    MISSING_ACKNOWLEDGEMENT: { description: "The requester has not acknowledged a policy the role requires." },
  },
});

/** One reason a pending request cannot turn into working access now. */
@ObjectType({ description: "One reason a pending request cannot turn into working access now." })
export class AccessBlocker {
  @Field(() => AccessBlockerKind, { description: "What kind of obstacle this is." })
  kind!: AccessBlockerKind;

  @Field(() => String, { description: "The obstacle in words a user can read." })
  message!: string;

  @Field(() => Boolean, {
    description:
      "True: approval is refused while this holds. False (a missing acknowledgement): approval goes through and the grant is AWAITING_PREREQUISITES until the requester acknowledges.",
  })
  blocksApproval!: boolean;

  @Field(() => Role, { nullable: true, description: "The role held that conflicts with the one requested." })
  conflictingRole!: Role | null;

  @Field(() => PolicyKind, { nullable: true, description: "The acknowledgement the requester lacks." })
  acknowledgement!: PolicyKind | null;
}
