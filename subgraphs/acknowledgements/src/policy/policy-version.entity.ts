import { createHash } from "node:crypto";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { CACHE_PUBLIC, DateTimeScalar } from "@portal-graph/subgraph-kit";

/**
 * One published text of a policy. Versions are never edited: a change is a new version, and triggers in the
 * database refuse UPDATE and DELETE on the table. `supersedes`, `omb` and `policy` are resolved from the catalog.
 */
@Entity({ name: "policy_version" })
@ObjectType({ description: "One immutable published text of a policy. Public." })
@Directive('@key(fields: "id")')
@Directive(CACHE_PUBLIC)
export class PolicyVersion {
  @PrimaryColumn({ type: "varchar", length: 80 })
  @Field(() => ID, { description: "<policy id>-v<version>, for example hhs-rules-of-behavior-v2." })
  id!: string;

  @Column({ name: "policy_id", type: "varchar", length: 64 })
  policyId!: string;

  @Column({ type: "integer" })
  @Field(() => Int, { description: "1 for the first text, one more for each later one." })
  version!: number;

  @Column({ name: "effective_on", type: "varchar", length: 10 })
  @Field(() => String, { description: 'The day the text takes effect, "YYYY-MM-DD".' })
  effectiveOn!: string;

  @Column({ type: "text" })
  @Field(() => String, { description: "The text of this version, as shown to the user." })
  body!: string;

  @Column({ name: "content_hash", type: "varchar", length: 64 })
  @Field(() => String, { description: "SHA-256 of the body (UTF-8), lowercase hex." })
  contentHash!: string;

  @Column({ name: "supersedes_id", type: "varchar", length: 80, nullable: true })
  supersedesId!: string | null;

  @Column({ name: "keeps_earlier_acknowledgements", type: "boolean" })
  @Field(() => Boolean, {
    description: "True when acknowledgements of earlier versions stay valid; false asks everyone again.",
  })
  keepsEarlierAcknowledgements!: boolean;

  @Column({ name: "omb_control_number", type: "varchar", length: 16, nullable: true })
  ombControlNumber!: string | null;

  @Column({ name: "omb_expires_on", type: "varchar", length: 10, nullable: true })
  ombExpiresOn!: string | null;

  @Column({ name: "omb_burden_minutes", type: "integer", nullable: true })
  ombBurdenMinutes!: number | null;

  @Column({ name: "published_at", type: Date })
  @Field(() => DateTimeScalar, { description: "When this version was published." })
  publishedAt!: Date;

  /** The POLICY_ADMIN who published it; null for seeded versions. */
  @Column({ name: "published_by", type: "varchar", length: 128, nullable: true })
  publishedBy!: string | null;
}

/** The SHA-256 of a policy text, as contentHash shows it. */
export function contentHashOf(body: string): string {
  return createHash("sha256").update(body, "utf8").digest("hex");
}

/** The id of a policy's n-th version. */
export function versionIdOf(policyId: string, version: number): string {
  return `${policyId}-v${version}`;
}
