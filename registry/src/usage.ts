/**
 * What clients really send: gateways report each operation's schema coordinates per client, and a check judges a
 * breaking change by whether any operation seen in the window used what it breaks.
 */
import { In, MoreThanOrEqual, type DataSource } from "typeorm";
import { writeTransaction } from "@portal-graph/subgraph-kit";
import { OperationUsage } from "./operation-usage.entity.js";
import { RegistryInputError } from "./registry-errors.js";

/** One operation by one client over one report interval. */
export interface UsageReport {
  operationId: string;
  operationName: string | null;
  clientName: string;
  clientVersion: string;
  coordinates: string[];
  count: number;
}

/** An operation that used what a change breaks. */
export interface UsedBy {
  operation: string;
  operationId: string;
  client: string;
  count: number;
  lastSeenAt: string;
}

const MAX_REPORTS = 1000;
const MAX_COORDINATES = 5000;

/** Checks a report batch's shape; anything else is a 400 naming the field. */
export function parseUsage(body: unknown): UsageReport[] {
  const reports = (body as { reports?: unknown }).reports;
  if (!Array.isArray(reports)) throw new RegistryInputError("reports must be a list");
  if (reports.length > MAX_REPORTS) throw new RegistryInputError(`reports must hold at most ${MAX_REPORTS} entries`);
  return reports.map((raw, index) => {
    const report = raw as Record<string, unknown>;
    const text = (field: string, max: number, nullable = false): string | null => {
      const value = report[field];
      if (nullable && (value === null || value === undefined)) return null;
      if (typeof value !== "string" || value.length === 0 || value.length > max) {
        throw new RegistryInputError(`reports[${index}].${field} must be a string of 1 to ${max} characters`);
      }
      return value;
    };
    const coordinates = report.coordinates;
    if (
      !Array.isArray(coordinates) ||
      coordinates.length > MAX_COORDINATES ||
      !coordinates.every((c) => typeof c === "string" && c.length <= 512)
    ) {
      throw new RegistryInputError(`reports[${index}].coordinates must be a list of schema coordinates`);
    }
    const count = report.count;
    if (!Number.isInteger(count) || (count as number) < 1 || (count as number) > 1e9) {
      throw new RegistryInputError(`reports[${index}].count must be a whole number from 1`);
    }
    return {
      operationId: text("operationId", 64)!,
      operationName: text("operationName", 256, true),
      clientName: text("clientName", 128)!,
      clientVersion: text("clientVersion", 64)!,
      coordinates: coordinates as string[],
      count: count as number,
    };
  });
}

/** Adds a batch to the counts, in one transaction. */
export async function recordUsage(dataSource: DataSource, reports: UsageReport[], now = new Date()): Promise<number> {
  if (reports.length === 0) return 0;
  await writeTransaction(dataSource, async (manager) => {
    const repository = manager.getRepository(OperationUsage);
    const existing = await repository.findBy({ operationId: In([...new Set(reports.map((r) => r.operationId))]) });
    const key = (r: { operationId: string; clientName: string; clientVersion: string }) =>
      `${r.operationId}\u0000${r.clientName}\u0000${r.clientVersion}`;
    const byKey = new Map(existing.map((row) => [key(row), row]));
    const touched = new Set<OperationUsage>();
    for (const report of reports) {
      let row = byKey.get(key(report));
      if (row) {
        row.count += report.count;
        Object.assign(row, { lastSeenAt: now, coordinates: report.coordinates, operationName: report.operationName });
      } else {
        row = repository.create({ ...report, lastSeenAt: now });
        byKey.set(key(report), row);
      }
      touched.add(row);
    }
    await repository.save([...touched]);
  });
  return reports.length;
}

/** For each path, the operations seen since `since` that used it (the coordinate itself or anything inside it). */
export async function operationsUsing(
  dataSource: DataSource,
  paths: string[],
  since: Date,
): Promise<Map<string, UsedBy[]>> {
  const result = new Map<string, UsedBy[]>(paths.map((p) => [p, []]));
  if (paths.length === 0) return result;
  const rows = await dataSource.getRepository(OperationUsage).findBy({ lastSeenAt: MoreThanOrEqual(since) });
  for (const row of rows) {
    for (const p of paths) {
      if (!row.coordinates.some((c) => c === p || c.startsWith(`${p}.`))) continue;
      result.get(p)!.push({
        operation: row.operationName ?? `anonymous operation ${row.operationId.slice(0, 12)}`,
        operationId: row.operationId,
        client: `${row.clientName}@${row.clientVersion}`,
        count: row.count,
        lastSeenAt: new Date(row.lastSeenAt).toISOString(),
      });
    }
  }
  return result;
}
