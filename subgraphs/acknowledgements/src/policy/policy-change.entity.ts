import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";

/** What a policy administrator did. */
export type PolicyChangeAction = "PUBLISH_VERSION";

/**
 * One row of the append-only log of policy changes: who published which version, when, in which request. Triggers
 * refuse UPDATE and DELETE. It holds ids and version facts only, never the body (the version row keeps it).
 */
@Entity({ name: "policy_change" })
export class PolicyChange {
  @PrimaryGeneratedColumn({ type: "integer" })
  id!: number;

  @Column({ name: "policy_id", type: "varchar", length: 64 })
  policyId!: string;

  @Column({ name: "policy_version_id", type: "varchar", length: 80 })
  policyVersionId!: string;

  /** The viewer's id (the token's subject). */
  @Column({ type: "varchar", length: 128 })
  actor!: string;

  @Column({ type: "varchar", length: 32 })
  action!: PolicyChangeAction;

  @Column({ type: Date })
  at!: Date;

  @Column({ name: "request_id", type: "varchar", length: 128, nullable: true })
  requestId!: string | null;

  @Column({ type: "simple-json" })
  details!: Record<string, string | number | boolean | null>;
}
