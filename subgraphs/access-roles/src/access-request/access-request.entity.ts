import { Column, Entity, PrimaryColumn } from "typeorm";
import { Directive, Field, ID, ObjectType } from "type-graphql";
import { DateTimeScalar } from "@portal-graph/subgraph-kit";
import { DecisionOutcome, type AccessRequestStatus } from "./access-request.types.js";

/**
 * A user's request for a role, with a business justification, decided once by an approver of the role's
 * application. An entity (with a key) so the gateway can come back for `blockers` with the requester's
 * acknowledgement facts (see docs/adr/0002).
 */
@Entity({ name: "access_request" })
@ObjectType({ description: "A user's request for a role, decided by an approver of the role's application." })
@Directive('@key(fields: "id")')
export class AccessRequest {
  @PrimaryColumn({ type: "varchar", length: 64 })
  @Field(() => ID, { description: "The request's id." })
  id!: string;

  @Column({ name: "requester_id", type: "varchar", length: 128 })
  requesterId!: string;

  @Column({ name: "role_id", type: "varchar", length: 64 })
  roleId!: string;

  /** The role's application, kept on the row so the approval queue filters without a join. */
  @Column({ name: "application_id", type: "varchar", length: 64 })
  applicationId!: string;

  @Column({ type: "text" })
  @Field(() => String, { description: "Why the requester needs the role, in their words." })
  justification!: string;

  /** As stored; the status field also reports EXPIRED for a pending request past expiresAt that no sweep has reached. */
  @Column({ name: "status", type: "varchar", length: 16 })
  storedStatus!: AccessRequestStatus;

  @Column({ name: "created_at", type: Date })
  @Field(() => DateTimeScalar, { description: "When the request was made." })
  createdAt!: Date;

  @Column({ name: "decided_at", type: Date, nullable: true })
  @Field(() => DateTimeScalar, {
    nullable: true,
    description: "When the request stopped being pending: approved, rejected, cancelled, or expired by the sweep.",
  })
  decidedAt!: Date | null;

  @Column({ name: "expires_at", type: Date })
  @Field(() => DateTimeScalar, {
    description: "When the request lapses if still undecided (ACCESS_REQUEST_TTL_DAYS after it was made).",
  })
  expiresAt!: Date;

  /** Optimistic version: every change is `UPDATE ... WHERE id = ? AND status = ? AND version = ?`. */
  @Column({ type: "integer" })
  version!: number;

  /**
   * The requester's missing privileged acknowledgements when the gateway sent them in a representation
   * (`requester { missingPrivilegedAcknowledgements }`); undefined when this object came from a query here.
   */
  requesterMissingAcknowledgements?: string[] | null;
}

/** One approver's decision on a request; append-only, at most one per request. */
@Entity({ name: "access_decision" })
@ObjectType({ description: "An approver's decision on an access request." })
export class AccessDecision {
  @PrimaryColumn({ type: "varchar", length: 64 })
  id!: string;

  @Column({ name: "request_id", type: "varchar", length: 64 })
  requestId!: string;

  @Column({ name: "approver_id", type: "varchar", length: 128 })
  approverId!: string;

  @Column({ type: "varchar", length: 16 })
  @Field(() => DecisionOutcome, { description: "Approved or rejected." })
  decision!: DecisionOutcome;

  @Column({ type: "text", nullable: true })
  @Field(() => String, { nullable: true, description: "The approver's comment; always present on a rejection." })
  comment!: string | null;

  @Column({ name: "decided_at", type: Date })
  @Field(() => DateTimeScalar, { description: "When the approver decided." })
  decidedAt!: Date;
}
