import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from "typeorm";
import { Directive, Field, ID, ObjectType } from "type-graphql";
import { CACHE_PUBLIC, DateTimeScalar } from "@portal-graph/subgraph-kit";
import { ApplicationLink, Lifecycle } from "./application.types.js";

/** An application reachable from the portal; the catalog owns it and other subgraphs extend it by id. */
@Entity({ name: "application" })
@ObjectType({ description: "An application reachable from the portal." })
@Directive('@key(fields: "id")')
@Directive(CACHE_PUBLIC)
export class Application {
  @PrimaryColumn({ type: "varchar", length: 64 })
  @Field(() => ID, { description: "Stable lowercase slug, for example pecos-ai." })
  id!: string;

  @Column({ type: "varchar", length: 32, nullable: true })
  @Field(() => String, {
    nullable: true,
    description: "The application's short name (`PECOS`); null when it has none.",
  })
  acronym!: string | null;

  @Column({ type: "varchar", length: 200 })
  @Field(() => String, { description: "The application's full name." })
  name!: string;

  @Column({ name: "former_names", type: "simple-json" })
  @Field(() => [String], { description: "Names the application was known by before (HDT was HPG)." })
  formerNames!: string[];

  @Column({ type: "text", nullable: true })
  @Field(() => String, { nullable: true, description: "What the application is for; null when none was given." })
  description!: string | null;

  @Column({ type: "varchar", length: 100, nullable: true })
  @Field(() => String, {
    nullable: true,
    description: "The catalog category the application is listed under; null when uncategorised.",
  })
  category!: string | null;

  @Column({ type: "varchar", length: 16 })
  @Field(() => Lifecycle, { description: "Whether the application is in service, deprecated or retired." })
  lifecycle!: Lifecycle;

  @Column({ name: "launch_url", type: "varchar", length: 2048, nullable: true })
  @Field(() => String, {
    nullable: true,
    description: "Where users open the application; null when it is not launched from the portal.",
  })
  launchUrl!: string | null;

  @Column({ name: "owner_group", type: "varchar", length: 100, nullable: true })
  @Field(() => String, {
    nullable: true,
    description: "The identity-provider group whose members may change this application (besides portal admins).",
  })
  ownerGroup!: string | null;

  /** The id of the application that replaces this one (the replacedBy field resolves it through the loader). */
  @Column({ name: "replaced_by", type: "varchar", length: 64, nullable: true })
  replacedById!: string | null;

  @Column({ name: "sunset_on", type: "varchar", length: 10, nullable: true })
  @Field(() => String, { nullable: true, description: 'The day a deprecated application goes away, "YYYY-MM-DD".' })
  sunsetOn!: string | null;

  /** When the application was retired; null while it is not. */
  @Column({ name: "retired_at", type: Date, nullable: true })
  retiredAt!: Date | null;

  /** Lower-cased name, the sort key (byte order on every database). */
  @Column({ name: "sort_name", type: "varchar", length: 200 })
  sortName!: string;

  /** Lower-cased name, acronym, former names and description: what `search` matches. */
  @Column({ name: "search_text", type: "text" })
  searchText!: string;

  @CreateDateColumn({ name: "created_at", type: Date })
  createdAt!: Date;

  @UpdateDateColumn({ name: "updated_at", type: Date })
  @Field(() => DateTimeScalar, { description: "When the catalog entry last changed." })
  updatedAt!: Date;

  // Reports other subgraphs owe Application.viewerReadiness (docs/adr/0004): declared here only so it can
  // @requires them; not columns; never resolved here. Null when the subgraph answered with an error, undefined when
  // no gateway sent them. No descriptions: their owners give them.
  @Field(() => [String], { nullable: true })
  @Directive("@external")
  viewerAcknowledgementBlockers?: string[] | null;

  @Field(() => [String], { nullable: true })
  @Directive("@external")
  viewerAccessBlockers?: string[] | null;

  @Field(() => [ApplicationLink], { description: "Help and information links (FAQ, user guide, training, ...)." })
  links?: ApplicationLink[];

  @Field(() => [String], { description: "Free-form labels to filter by (`applications(tag:)`)." })
  tags?: string[];
}

/** One link row; kept in its own table so links are ordered and typed. */
@Entity({ name: "application_link" })
export class ApplicationLinkRow {
  @PrimaryColumn({ type: "varchar", length: 64, name: "application_id" })
  applicationId!: string;

  @PrimaryColumn({ type: "integer" })
  position!: number;

  @Column({ type: "varchar", length: 16 })
  kind!: string;

  @Column({ type: "varchar", length: 200 })
  title!: string;

  @Column({ type: "varchar", length: 2048 })
  url!: string;
}

/** One tag of an application (lower-case); the tag filter joins on it. */
@Entity({ name: "application_tag" })
export class ApplicationTagRow {
  @PrimaryColumn({ type: "varchar", length: 64, name: "application_id" })
  applicationId!: string;

  @PrimaryColumn({ type: "varchar", length: 64 })
  tag!: string;
}

/** The text `search` matches for an application, lower-cased. */
export function searchTextOf(app: Pick<Application, "name" | "acronym" | "formerNames" | "description">): string {
  return [app.name, app.acronym ?? "", ...app.formerNames, app.description ?? ""].join("\n").toLowerCase();
}
