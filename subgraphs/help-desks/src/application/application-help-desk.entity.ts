import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from "typeorm";
import { Directive, Field, ID, ObjectType } from "type-graphql";
import { HelpDesk } from "../help-desk/help-desk.entity.js";
import { CACHE_INHERIT, CACHE_PUBLIC } from "@portal-graph/subgraph-kit";

/**
 * The catalog's Application as this subgraph sees it: only its key. The class has its own name because type-graphql
 * metadata is global to the process and the catalog's class is also called Application; the GraphQL name is the same.
 */
// No description: the catalog owns the type and its description (a second one is a composition hint).
@ObjectType("Application")
@Directive('@key(fields: "id")')
@Directive(CACHE_PUBLIC)
export class ApplicationStub {
  @Field(() => ID)
  id!: string;
}

/** A help desk serving an application, for a purpose; at most one desk is an application's primary one. */
@Entity({ name: "help_desk_assignment" })
@ObjectType({ description: "A help desk serving an application, and what for." })
@Directive(CACHE_INHERIT)
export class ApplicationHelpDesk {
  /** The catalog's application id; not a foreign key, since the catalog keeps its own database. */
  @PrimaryColumn({ name: "application_id", type: "varchar", length: 64 })
  applicationId!: string;

  @PrimaryColumn({ name: "help_desk_id", type: "varchar", length: 64 })
  helpDeskId!: string;

  /** The desk, when the query joined it (the application-side loader does, to save a statement). */
  @ManyToOne(() => HelpDesk, { onDelete: "CASCADE" })
  @JoinColumn({ name: "help_desk_id" })
  desk?: Relation<HelpDesk>;

  @Column({ type: "varchar", length: 500, nullable: true })
  @Field(() => String, {
    nullable: true,
    description: "What to contact this desk about; null when the page says nothing.",
  })
  purpose!: string | null;

  @Column({ name: "is_primary", type: "boolean" })
  @Field(() => Boolean, { description: "The application's first desk to try; at most one per application." })
  primary!: boolean;

  @Column({ name: "assigned_at", type: Date })
  assignedAt!: Date;
}
