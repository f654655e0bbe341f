import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";

/** What a write did to an application. */
export type ChangeAction = "REGISTER" | "UPDATE" | "DEPRECATE" | "RETIRE";

/** A field's value as the change log keeps it: a scalar, a list (tags, former names) or a list of links. */
export type ChangeValue = string | number | boolean | null | string[] | Record<string, string>[];

/** The fields a write changed, each with its value before and after (null before a registration). */
export type ChangeSet = Record<string, { from: ChangeValue; to: ChangeValue }>;

/**
 * One row of the catalog's append-only change log: who did what to which application, and when. Triggers in the
 * database refuse UPDATE and DELETE on the table. It holds ids and application fields only, no personal data.
 */
@Entity({ name: "application_change" })
export class ApplicationChange {
  @PrimaryGeneratedColumn({ type: "integer" })
  id!: number;

  @Column({ name: "application_id", type: "varchar", length: 64 })
  applicationId!: string;

  /** The viewer's id (the token's subject). */
  @Column({ type: "varchar", length: 255 })
  actor!: string;

  @Column({ type: "varchar", length: 16 })
  action!: ChangeAction;

  @Column({ type: Date })
  at!: Date;

  @Column({ name: "request_id", type: "varchar", length: 128, nullable: true })
  requestId!: string | null;

  @Column({ type: "simple-json" })
  changes!: ChangeSet;
}
