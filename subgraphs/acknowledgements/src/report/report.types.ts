import { Field, ObjectType } from "type-graphql";
import { connectionOf } from "@portal-graph/subgraph-kit";
import { Acknowledgement } from "../acknowledgement/acknowledgement.entity.js";
import { ComplianceStatus } from "../compliance/status.js";
import { Policy } from "../policy/policy.entity.js";
import { PolicyVersion } from "../policy/policy-version.entity.js";
import { UserAcknowledgements } from "../user/user.stub.js";

/** Where one seen user stands with the reported policy. */
@ObjectType({ description: "Where one user stands with the reported policy." })
export class AcknowledgementReportEntry {
  @Field(() => UserAcknowledgements, {
    nullable: true,
    description: "The user; null with an error when access-roles cannot answer for the fields asked.",
  })
  user!: UserAcknowledgements | null;

  @Field(() => Policy, { description: "The policy reported on." })
  policy!: Policy;

  @Field(() => PolicyVersion, { description: "The version in effect today." })
  version!: PolicyVersion;

  @Field(() => ComplianceStatus, { description: "Where the user stands on the policy." })
  status!: ComplianceStatus;

  @Field(() => String, { nullable: true, description: 'As in ComplianceRequirement.dueBy, "YYYY-MM-DD".' })
  dueBy!: string | null;

  @Field(() => Acknowledgement, { nullable: true, description: "The user's latest acknowledgement of the policy." })
  acknowledgement!: Acknowledgement | null;
}

/** A page of an acknowledgement report, ordered by user id. */
@ObjectType({ description: "A page of an acknowledgement report, ordered by user id (byte order)." })
export class AcknowledgementReportConnection extends connectionOf(AcknowledgementReportEntry, {
  edge: "AcknowledgementReportEdge",
}) {}
