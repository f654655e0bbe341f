import { Column, Entity, PrimaryColumn } from "typeorm";
import { Directive, Field, ID, Int, ObjectType } from "type-graphql";

/**
 * A role in one application: what a user requests, an approver grants, and an annual certification keeps.
 * An application's approver role is a role too: its holders decide that application's requests.
 */
@Entity({ name: "role" })
@ObjectType({ description: "A role in an application, requested by users and granted by the application's approvers." })
@Directive('@key(fields: "id")')
export class Role {
  @PrimaryColumn({ type: "varchar", length: 64 })
  @Field(() => ID, { description: "Stable lowercase slug, for example pecos-ai-viewer." })
  id!: string;

  /** The catalog's application id; not a foreign key, since the catalog keeps its own database. */
  @Column({ name: "application_id", type: "varchar", length: 64 })
  applicationId!: string;

  @Column({ type: "varchar", length: 200 })
  @Field(() => String, { description: "The role's name as its application calls it." })
  name!: string;

  /** Lower-cased name, the sort key (byte order on every database). */
  @Column({ name: "sort_name", type: "varchar", length: 200 })
  sortName!: string;

  @Column({ type: "text", nullable: true })
  @Field(() => String, {
    nullable: true,
    description: "What the role lets its holder do; null when the application gave no text.",
  })
  description!: string | null;

  @Column({ type: "boolean" })
  @Field(() => Boolean, {
    description:
      "Elevated access: a grant is ACTIVE only while its holder holds current Rules of Behavior and privileged-user addendum acknowledgements.",
  })
  privileged!: boolean;

  @Column({ type: "boolean" })
  @Field(() => Boolean, { description: "Whether users may ask for this role with requestAccess." })
  requestable!: boolean;

  @Column({ name: "is_approver", type: "boolean" })
  @Field(() => Boolean, {
    description: "Holders of this role decide the application's access requests and certify its grants.",
  })
  approver!: boolean;

  @Column({ name: "max_duration_days", type: "integer", nullable: true })
  @Field(() => Int, { nullable: true, description: "A grant expires this many days after it is made; null: no limit." })
  maxDurationDays!: number | null;

  /** Ids of roles no one may hold together with this one (separation of duties); kept symmetric by the seed. */
  @Column({ name: "conflicts_with", type: "simple-json" })
  conflictsWithIds!: string[];
}
