import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from "typeorm";
import { Field, ID, ObjectType } from "type-graphql";
import { DateTimeScalar } from "@portal-graph/subgraph-kit";
import { AcknowledgementMethod } from "../policy/policy.types.js";

/**
 * A user's acknowledgement of one exact policy version. Append-only: no API changes or removes one, and triggers in
 * the database refuse UPDATE and DELETE. `policy_id` is a copy of the version's policy, so "the latest
 * acknowledgement of a policy by a user" is one backwards read of the index (user_id, policy_id, acknowledged_at, id).
 */
@Entity({ name: "acknowledgement" })
@ObjectType({ description: "A user's acknowledgement of one exact policy version; never changed or removed." })
export class Acknowledgement {
  @PrimaryGeneratedColumn({ type: "integer" })
  @Field(() => ID, { description: "The acknowledgement's id." })
  id!: number;

  @Column({ name: "user_id", type: "varchar", length: 128 })
  userId!: string;

  @Column({ name: "policy_id", type: "varchar", length: 64 })
  policyId!: string;

  @Column({ name: "policy_version_id", type: "varchar", length: 80 })
  policyVersionId!: string;

  @Column({ name: "acknowledged_at", type: Date })
  @Field(() => DateTimeScalar, { description: "When the user acknowledged." })
  acknowledgedAt!: Date;

  @Column({ type: "varchar", length: 16 })
  @Field(() => AcknowledgementMethod, { description: "How the acknowledgement was given." })
  method!: AcknowledgementMethod;

  @Column({ name: "valid_until", type: Date, nullable: true })
  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      "For policies renewed after a period: when it lapses. Null when it lasts until a new version or (banner) for its sign-in.",
  })
  validUntil!: Date | null;

  /** The catalog's application the acknowledgement was given for, if any. */
  @Column({ name: "application_id", type: "varchar", length: 64, nullable: true })
  applicationId!: string | null;

  @Column({ name: "request_id", type: "varchar", length: 128, nullable: true })
  requestId!: string | null;
}

/** A user this subgraph has seen (acknowledged something, or seeded): the population of auditor reports. */
@Entity({ name: "acknowledgement_user" })
export class AcknowledgementUser {
  @PrimaryColumn({ name: "user_id", type: "varchar", length: 128 })
  userId!: string;

  @Column({ name: "first_seen_at", type: Date })
  firstSeenAt!: Date;
}
