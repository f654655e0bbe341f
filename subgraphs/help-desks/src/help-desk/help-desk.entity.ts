import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from "typeorm";
import { Directive, Field, ID, ObjectType } from "type-graphql";
import { CACHE_PUBLIC, DateTimeScalar } from "@portal-graph/subgraph-kit";
import type { ContactPointValue } from "../contact/contact-point.js";
import { DataQualityIssue, OpeningHours, type ContactKind } from "./help-desk.types.js";

/**
 * A help desk, shared by every application it serves. Hours and data-quality issues live in JSON columns of this
 * row: they are always read and replaced whole, so they come with the desk at no extra statement.
 */
@Entity({ name: "help_desk" })
@ObjectType({ description: "A help desk: how and when to reach it, and which applications it serves." })
@Directive('@key(fields: "id")')
@Directive(CACHE_PUBLIC)
export class HelpDesk {
  @PrimaryColumn({ type: "varchar", length: 64 })
  @Field(() => ID, { description: "Stable lowercase slug, for example cms-it-service-desk." })
  id!: string;

  @Column({ type: "varchar", length: 200 })
  @Field(() => String, { description: "The desk's name." })
  name!: string;

  @Column({ type: "text", nullable: true })
  @Field(() => String, { nullable: true, description: "What the desk helps with; null when none was given." })
  description!: string | null;

  @Column({ type: "simple-json" })
  @Field(() => [String], { description: "What callers should know, e.g. not to email personal health information." })
  notes!: string[];

  @Column({ type: "simple-json", nullable: true })
  @Field(() => OpeningHours, { nullable: true, description: "Null when the desk's hours are not known." })
  hours!: OpeningHours | null;

  @Column({ name: "data_quality", type: "simple-json" })
  @Field(() => [DataQualityIssue], { description: "What the source could not be taken at its word on." })
  dataQuality!: DataQualityIssue[];

  /** Lower-cased name, the sort key (byte order on every database). */
  @Column({ name: "sort_name", type: "varchar", length: 200 })
  sortName!: string;

  /** Lower-cased name, description, notes and contact values: what `search` matches. */
  @Column({ name: "search_text", type: "text" })
  searchText!: string;

  @CreateDateColumn({ name: "created_at", type: Date })
  createdAt!: Date;

  @UpdateDateColumn({ name: "updated_at", type: Date })
  @Field(() => DateTimeScalar, { description: "When the desk's record last changed." })
  updatedAt!: Date;
}

/** One contact point row; its own table keeps the desk's order and lets search find desks by number. */
@Entity({ name: "help_desk_contact_point" })
export class HelpDeskContactPointRow implements ContactPointValue {
  @PrimaryColumn({ name: "help_desk_id", type: "varchar", length: 64 })
  helpDeskId!: string;

  @PrimaryColumn({ type: "integer" })
  position!: number;

  @Column({ type: "varchar", length: 16 })
  kind!: ContactKind;

  @Column({ type: "varchar", length: 2048 })
  value!: string;

  @Column({ type: "varchar", length: 2048 })
  display!: string;

  @Column({ type: "varchar", length: 16, nullable: true })
  extension!: string | null;

  @Column({ name: "menu_steps", type: "simple-json" })
  menuSteps!: string[];

  @Column({ type: "varchar", length: 500, nullable: true })
  purpose!: string | null;

  @Column({ name: "available_languages", type: "simple-json" })
  availableLanguages!: string[];
}

/** The text `search` matches for a desk, lower-cased. */
export function searchTextOf(
  desk: Pick<HelpDesk, "name" | "description" | "notes">,
  contactPoints: readonly Pick<ContactPointValue, "value" | "display">[],
): string {
  return [desk.name, desk.description ?? "", ...desk.notes, ...contactPoints.flatMap((cp) => [cp.value, cp.display])]
    .join("\n")
    .toLowerCase();
}
