import { Column, CreateDateColumn, Entity, PrimaryColumn } from "typeorm";
import type { PublishedSubgraph, SchemaChange } from "./compose.js";

/** What made a version: a subgraph published or removed, or an earlier version brought back. */
export type VersionAction = "publish" | "remove" | "rollback";

/**
 * One supergraph version, immutable once written: the composed supergraph and every subgraph it was composed
 * from, so a rollback is a new version holding an earlier one's subgraphs.
 */
@Entity({ name: "supergraph_version" })
export class SupergraphVersion {
  @PrimaryColumn({ type: "integer" })
  id!: number;

  @Column({ type: "text" })
  supergraph!: string;

  /** SHA-256 of the supergraph text, the ETag gateways poll with. */
  @Column({ type: "varchar", length: 64 })
  hash!: string;

  @Column({ type: "simple-json" })
  subgraphs!: PublishedSubgraph[];

  @Column({ type: "varchar", length: 16 })
  action!: VersionAction;

  /** The subgraph published or removed; for a rollback, null. */
  @Column({ type: "varchar", length: 64, nullable: true })
  subgraph!: string | null;

  /** Who asked (the credential's name). */
  @Column({ type: "varchar", length: 64 })
  actor!: string;

  @Column({ type: "text", nullable: true })
  reason!: string | null;

  /** What this version changed in the API schema clients see, against the one before (null for the oldest). */
  @Column({ type: "simple-json", nullable: true })
  changes!: SchemaChange[] | null;

  @CreateDateColumn({ name: "created_at", type: Date })
  createdAt!: Date;
}
