import { Column, Entity, PrimaryColumn } from "typeorm";
import { Directive, Field, ID, ObjectType } from "type-graphql";
import { PolicyKind, PolicyScope, type RenewalKind } from "./policy.types.js";
import { CACHE_PUBLIC } from "@portal-graph/subgraph-kit";

/**
 * A policy: a text users are shown (and most must acknowledge), who must acknowledge it and when again. Its texts
 * live in immutable versions; `currentVersion`, `versions`, `renewal` and `application` are resolved from the
 * per-request policy catalog.
 */
@Entity({ name: "policy" })
@ObjectType({ description: "A policy users are shown and, unless it is a notice, must acknowledge. Public." })
@Directive(CACHE_PUBLIC)
export class Policy {
  @PrimaryColumn({ type: "varchar", length: 64 })
  @Field(() => ID, { description: "Stable lowercase slug, for example hhs-rules-of-behavior." })
  id!: string;

  @Column({ type: "varchar", length: 32 })
  @Field(() => PolicyKind, { description: "What kind of policy text this is." })
  kind!: PolicyKind;

  @Column({ type: "varchar", length: 200 })
  @Field(() => String, { description: "The policy's title." })
  title!: string;

  @Column({ type: "varchar", length: 32 })
  @Field(() => PolicyScope, { description: "Who must acknowledge it." })
  scope!: PolicyScope;

  /** For APPLICATION_USERS: the catalog's application id (not a foreign key: the catalog keeps its own database). */
  @Column({ name: "application_id", type: "varchar", length: 64, nullable: true })
  applicationId!: string | null;

  @Column({ name: "renewal_kind", type: "varchar", length: 16 })
  renewalKind!: RenewalKind;

  /** For PERIOD: how many days an acknowledgement stays valid. */
  @Column({ name: "renewal_days", type: "integer", nullable: true })
  renewalDays!: number | null;

  @Column({ name: "created_at", type: Date })
  createdAt!: Date;
}
