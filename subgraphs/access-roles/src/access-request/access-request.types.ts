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
registerEnumType(AccessRequestStatus, { name: "AccessRequestStatus", description: "Where an access request is." });

/** An approver's verdict. */
export enum DecisionOutcome {
  APPROVED = "APPROVED",
  REJECTED = "REJECTED",
}
registerEnumType(DecisionOutcome, { name: "DecisionOutcome", description: "An approver's verdict on a request." });

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
});

/** One reason a pending request cannot turn into working access now. */
@ObjectType({ description: "One reason a pending request cannot turn into working access now." })
export class AccessBlocker {
  @Field(() => AccessBlockerKind)
  kind!: AccessBlockerKind;

  @Field(() => String)
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
