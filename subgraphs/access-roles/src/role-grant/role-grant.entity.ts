import { Column, Entity, PrimaryColumn } from "typeorm";
import { Directive, Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { DateTimeScalar } from "@portal-graph/subgraph-kit";

/** A grant's status as the graph reports it, computed at read time (see grantStatus). */
export enum RoleGrantStatus {
  ACTIVE = "ACTIVE",
  AWAITING_PREREQUISITES = "AWAITING_PREREQUISITES",
  EXPIRED = "EXPIRED",
  REVOKED = "REVOKED",
  REMOVED_UNCERTIFIED = "REMOVED_UNCERTIFIED",
}
registerEnumType(RoleGrantStatus, {
  name: "RoleGrantStatus",
  description: "Whether a grant gives access now, and if not, why.",
  valuesConfig: {
    ACTIVE: { description: "The grant gives access now." },
    AWAITING_PREREQUISITES: {
      description: "Approved, but the holder must first acknowledge the policies the role requires.",
    },
    EXPIRED: { description: "The grant reached its expiry date." },
    REVOKED: { description: "The grant was revoked; `revokedReason` says why." },
    REMOVED_UNCERTIFIED: { description: "The grant was removed because it was not certified in time." },
  },
});

/** How a grant ended, as stored; a grant that has not ended stores null (never ACTIVE: that is computed). */
export type GrantEnd = "EXPIRED" | "REVOKED" | "REMOVED_UNCERTIFIED";

/**
 * A role held by a user. The row stores facts only (granted, expires, certified, revoked or removed); whether it
 * gives access now is computed when read, from those facts and the holder's acknowledgements. An entity (with a
 * key) so the gateway can come back for `status` with the holder's acknowledgement facts (see docs/adr/0002).
 */
@Entity({ name: "role_grant" })
@ObjectType({ description: "A role held by a user, from an approved request." })
@Directive('@key(fields: "id")')
export class RoleGrant {
  @PrimaryColumn({ type: "varchar", length: 64 })
  @Field(() => ID, { description: "The grant's id." })
  id!: string;

  @Column({ name: "user_id", type: "varchar", length: 128 })
  userId!: string;

  @Column({ name: "role_id", type: "varchar", length: 64 })
  roleId!: string;

  /** The role's application, kept on the row so approvers' queues filter without a join. */
  @Column({ name: "application_id", type: "varchar", length: 64 })
  applicationId!: string;

  /** The approved request the grant came from; null for a seeded grant. */
  @Column({ name: "request_id", type: "varchar", length: 64, nullable: true })
  requestId!: string | null;

  @Column({ name: "granted_at", type: Date })
  @Field(() => DateTimeScalar, { description: "When the role was granted." })
  grantedAt!: Date;

  @Column({ name: "granted_by", type: "varchar", length: 128 })
  grantedBy!: string;

  @Column({ name: "expires_at", type: Date, nullable: true })
  @Field(() => DateTimeScalar, { nullable: true, description: "When the grant ends by itself; null: no end date." })
  expiresAt!: Date | null;

  @Column({ name: "last_certified_at", type: Date, nullable: true })
  @Field(() => DateTimeScalar, {
    nullable: true,
    description: "When an approver last certified that the grant is still needed; null until the first certification.",
  })
  lastCertifiedAt!: Date | null;

  @Column({ name: "last_certified_by", type: "varchar", length: 128, nullable: true })
  lastCertifiedBy!: string | null;

  @Column({ name: "certification_due_on", type: "varchar", length: 10 })
  @Field(() => String, {
    description:
      'The last day (UTC, "YYYY-MM-DD") an approver may certify the grant; uncertified after it, the grant is removed.',
  })
  certificationDueOn!: string;

  @Column({ name: "revoked_at", type: Date, nullable: true })
  @Field(() => DateTimeScalar, { nullable: true, description: "When the grant was revoked; null unless it was." })
  revokedAt!: Date | null;

  @Column({ name: "revoked_by", type: "varchar", length: 128, nullable: true })
  revokedBy!: string | null;

  @Column({ name: "revoked_reason", type: "varchar", length: 1000, nullable: true })
  @Field(() => String, {
    nullable: true,
    description: "Why the grant was revoked, as the revoker wrote it; null unless it was.",
  })
  revokedReason!: string | null;

  /** When the grant ended (revoked, or expired or removed by the sweep); null while it has not. */
  @Column({ name: "ended_at", type: Date, nullable: true })
  endedAt!: Date | null;

  @Column({ name: "end_state", type: "varchar", length: 24, nullable: true })
  endState!: GrantEnd | null;

  /** Optimistic version: every change is `UPDATE ... WHERE id = ? AND end_state IS NULL AND version = ?`. */
  @Column({ type: "integer" })
  version!: number;

  /**
   * The holder's missing privileged acknowledgements when the gateway sent them in a representation
   * (`user { missingPrivilegedAcknowledgements }`); undefined when this object came from a query here.
   */
  holderMissingAcknowledgements?: string[] | null;
}
