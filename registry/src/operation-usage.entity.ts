import { Column, Entity, PrimaryColumn } from "typeorm";

/**
 * How often one operation was sent by one client (name and version) through a gateway, and the schema coordinates
 * it used (`Type.field`, `Type.field.argument`, `InputType.field`): what a breaking change is judged against.
 */
@Entity({ name: "operation_usage" })
export class OperationUsage {
  /** SHA-256 of the operation's document text. */
  @PrimaryColumn({ name: "operation_id", type: "varchar", length: 64 })
  operationId!: string;

  @PrimaryColumn({ name: "client_name", type: "varchar", length: 128 })
  clientName!: string;

  @PrimaryColumn({ name: "client_version", type: "varchar", length: 64 })
  clientVersion!: string;

  @Column({ name: "operation_name", type: "varchar", length: 256, nullable: true })
  operationName!: string | null;

  @Column({ type: "simple-json" })
  coordinates!: string[];

  @Column({ type: "integer" })
  count!: number;

  @Column({ name: "last_seen_at", type: Date })
  lastSeenAt!: Date;
}
