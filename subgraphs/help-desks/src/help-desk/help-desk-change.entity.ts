import { Column, Entity, PrimaryColumn } from "typeorm";
import { Field, ID, ObjectType } from "type-graphql";
import { DateTimeScalar } from "@portal-graph/subgraph-kit";

/** What a change-log row says changed: ids, counts, kinds and flags, never contact values or personal data. */
export type ChangeSummary = Record<string, string | number | boolean | null | string[]>;

/** One write to help-desk data: who, what, when, from which request. Append-only; no personal data in summary. */
@Entity({ name: "help_desk_change" })
@ObjectType({ description: "One write to help-desk data, as the change log keeps it." })
export class HelpDeskChange {
  @PrimaryColumn({ type: "varchar", length: 36 })
  @Field(() => ID, { description: "The change's id." })
  id!: string;

  @Column({ type: "varchar", length: 128 })
  @Field(() => String, { description: "The user id of the viewer who made the change." })
  actor!: string;

  @Column({ type: "varchar", length: 64 })
  @Field(() => String, { description: "The mutation, e.g. replaceContactPoints." })
  action!: string;

  @Column({ name: "target_id", type: "varchar", length: 200 })
  @Field(() => String, {
    description: "The help desk written to (an assignment names its application in the summary).",
  })
  targetId!: string;

  @Column({ type: Date })
  @Field(() => DateTimeScalar, { description: "When the change was made." })
  at!: Date;

  @Column({ name: "request_id", type: "varchar", length: 128, nullable: true })
  @Field(() => String, {
    nullable: true,
    description:
      "The id of the request that made the change, to find it in the logs; null for changes made by the seed.",
  })
  requestId!: string | null;

  @Column({ type: "simple-json" })
  summary!: ChangeSummary;
}
