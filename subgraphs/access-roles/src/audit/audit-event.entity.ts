import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { DateTimeScalar } from "@portal-graph/subgraph-kit";

/** Every kind of change the subgraph makes; each one writes an audit event. */
export enum AuditAction {
  ACCESS_REQUESTED = "ACCESS_REQUESTED",
  ACCESS_REQUEST_CANCELLED = "ACCESS_REQUEST_CANCELLED",
  ACCESS_REQUEST_APPROVED = "ACCESS_REQUEST_APPROVED",
  ACCESS_REQUEST_REJECTED = "ACCESS_REQUEST_REJECTED",
  ACCESS_REQUEST_EXPIRED = "ACCESS_REQUEST_EXPIRED",
  ROLE_GRANTED = "ROLE_GRANTED",
  ROLE_GRANT_REVOKED = "ROLE_GRANT_REVOKED",
  ROLE_GRANT_CERTIFIED = "ROLE_GRANT_CERTIFIED",
  ROLE_GRANT_EXPIRED = "ROLE_GRANT_EXPIRED",
  ROLE_GRANT_REMOVED_UNCERTIFIED = "ROLE_GRANT_REMOVED_UNCERTIFIED",
}
registerEnumType(AuditAction, {
  name: "AuditAction",
  description: "A kind of change to access data.",
  valuesConfig: {
    ACCESS_REQUESTED: { description: "A user asked for a role." },
    ACCESS_REQUEST_CANCELLED: { description: "The requester withdrew a pending request." },
    ACCESS_REQUEST_APPROVED: { description: "An approver approved a request." },
    ACCESS_REQUEST_REJECTED: { description: "An approver rejected a request." },
    ACCESS_REQUEST_EXPIRED: { description: "A pending request expired undecided." },
    ROLE_GRANTED: { description: "A role was granted (on approval)." },
    ROLE_GRANT_REVOKED: { description: "An approver or administrator revoked a grant." },
    ROLE_GRANT_CERTIFIED: { description: "An approver certified that a grant is still needed." },
    ROLE_GRANT_EXPIRED: { description: "A grant reached its expiry date." },
    ROLE_GRANT_REMOVED_UNCERTIFIED: { description: "A grant was removed because nobody certified it by its due day." },
  },
});

/** Who acts when no person does. */
export const SYSTEM_ACTORS = { sweep: "system:sweep", seed: "system:seed" } as const;

/** What an event's details may hold: ids, codes, counts and dates, never personal data or free text. */
export type AuditDetails = Record<string, string | number | boolean | null>;

/**
 * One change to access data: who (a user id, or system:sweep), what, to which request or grant, when, from which
 * HTTP request, and the outcome. Append-only: database triggers refuse UPDATE and DELETE.
 */
@Entity({ name: "audit_event" })
@ObjectType({ description: "One change to access data, as the append-only audit log keeps it." })
export class AuditEvent {
  @PrimaryGeneratedColumn({ type: "integer" })
  @Field(() => ID, { description: "Increasing with time of writing." })
  id!: number;

  @Column({ type: Date })
  @Field(() => DateTimeScalar, { description: "When the change happened." })
  at!: Date;

  @Column({ type: "varchar", length: 128 })
  @Field(() => String, { description: "The user id of the actor, or system:sweep for the scheduled sweep." })
  actor!: string;

  @Column({ type: "varchar", length: 48 })
  @Field(() => AuditAction, { description: "What changed." })
  action!: AuditAction;

  @Column({ name: "target_type", type: "varchar", length: 32 })
  @Field(() => String, { description: "AccessRequest or RoleGrant." })
  targetType!: "AccessRequest" | "RoleGrant";

  @Column({ name: "target_id", type: "varchar", length: 64 })
  @Field(() => String, { description: "The id of what changed: an access request or a role grant, by `action`." })
  targetId!: string;

  @Column({ name: "access_request_id", type: "varchar", length: 64, nullable: true })
  @Field(() => String, { nullable: true, description: "The access request the change belongs to, if any." })
  accessRequestId!: string | null;

  @Column({ name: "subject_user_id", type: "varchar", length: 128 })
  @Field(() => String, { description: "The user whose access changed." })
  subjectUserId!: string;

  @Column({ name: "role_id", type: "varchar", length: 64 })
  @Field(() => String, { description: "The role the change concerns." })
  roleId!: string;

  @Column({ name: "request_id", type: "varchar", length: 128, nullable: true })
  @Field(() => String, { nullable: true, description: "The HTTP request (x-request-id) or sweep run that made it." })
  requestId!: string | null;

  @Column({ type: "varchar", length: 32 })
  @Field(() => String, {
    description:
      "What the target became: PENDING, APPROVED, REJECTED, CANCELLED, EXPIRED, GRANTED, REVOKED, CERTIFIED, REMOVED_UNCERTIFIED.",
  })
  outcome!: string;

  @Column({ type: "simple-json" })
  details!: AuditDetails;
}
