import { Column, Entity, PrimaryColumn } from "typeorm";
import { Directive, Field, ID, ObjectType } from "type-graphql";
import { PolicyKind } from "../shared/policy-kind.js";

/** Whether a user signs in with a second factor, and with which methods. */
@ObjectType({ description: "A user's multi-factor sign-in status, from the identity provider's amr claim." })
export class MfaStatus {
  @Field(() => Boolean, { description: "True when the user has enrolled at least one second factor." })
  enrolled!: boolean;

  @Field(() => [String], { description: "Authentication methods of the sign-in (pwd, mfa, otp, sms, hwk...)." })
  factors!: string[];
}

/** A portal user as this subgraph last saw them sign in; owned here, extended by other subgraphs by id. */
@Entity({ name: "portal_user" })
@ObjectType({ description: "A portal user." })
@Directive('@key(fields: "id")')
export class User {
  @PrimaryColumn({ type: "varchar", length: 128 })
  @Field(() => ID, { description: "The identity provider's subject (sub)." })
  id!: string;

  @Column({ name: "display_name", type: "varchar", length: 200, nullable: true })
  @Field(() => String, {
    nullable: true,
    description: "The name to show for the user; null when the identity provider gave none.",
  })
  displayName!: string | null;

  /** Readable by the user and by auditors only (see UserResolver.email). */
  @Column({ type: "varchar", length: 320, nullable: true })
  email!: string | null;

  @Column({ name: "portal_roles", type: "simple-json" })
  @Field(() => [String], { description: "PORTAL_ADMIN, HELPDESK_ADMIN, POLICY_ADMIN, AUDITOR." })
  portalRoles!: string[];

  /** Readable by the user and by auditors only (see UserResolver.mfa). */
  @Column({ name: "mfa_factors", type: "simple-json" })
  mfaFactors!: string[];

  @Column({ name: "mfa_enrolled", type: "boolean", default: false })
  mfaEnrolled!: boolean;

  @Column({ name: "last_seen_at", type: Date, nullable: true })
  lastSeenAt!: Date | null;

  /**
   * Owned by the acknowledgements subgraph: declared here only so RoleGrant.status and AccessRequest.blockers can
   * @requires it through their user (see docs/adr/0002). Not a column; never resolved by this subgraph.
   */
  // No description: the acknowledgements subgraph owns the field and says what it means.
  @Field(() => [PolicyKind], { nullable: true })
  @Directive("@external")
  missingPrivilegedAcknowledgements?: PolicyKind[];
}
