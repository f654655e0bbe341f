import type { EntityManager } from "typeorm";
import { AuditEvent, type AuditAction, type AuditDetails } from "./audit-event.entity.js";

/** An audit event to write; `at` defaults to the transaction's clock passed by the caller. */
export interface AuditRecord {
  at: Date;
  actor: string;
  action: AuditAction;
  target: { type: "AccessRequest" | "RoleGrant"; id: string };
  accessRequestId: string | null;
  subjectUserId: string;
  roleId: string;
  requestId: string | null;
  outcome: string;
  details?: AuditDetails;
}

/** Writes audit events inside the caller's transaction, so a change is never made without its record. */
export async function recordAudit(manager: EntityManager, ...records: AuditRecord[]): Promise<void> {
  if (records.length === 0) return;
  await manager.insert(
    AuditEvent,
    records.map((record) => ({
      at: record.at,
      actor: record.actor,
      action: record.action,
      targetType: record.target.type,
      targetId: record.target.id,
      accessRequestId: record.accessRequestId,
      subjectUserId: record.subjectUserId,
      roleId: record.roleId,
      requestId: record.requestId,
      outcome: record.outcome,
      details: record.details ?? {},
    })),
  );
}
