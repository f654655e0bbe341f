import type { ServerResponse } from "node:http";
import type { Writable } from "node:stream";
import type { DataSource } from "typeorm";
import { httpStatusOf, sendError as sendHttpError, type RawRoute, type RequestErrorCode } from "@portal-graph/http-kit";
import { hasRole, PortalError, type SubgraphServices, type Viewer } from "@portal-graph/subgraph-kit";
import { now, today } from "../clock.js";
import { ComplianceStatus } from "../compliance/status.js";
import { loadPolicyCatalog } from "../policy/policy.catalog.js";
import { reportedPolicy, reportRows, type ReportFilter, type ReportRow } from "../report/report.service.js";
import { csvLine } from "./csv.js";

/** Where the export is served. */
export const ACKNOWLEDGEMENTS_CSV_PATH = "/export/acknowledgements.csv";

/** The export's columns, in order. */
export const CSV_COLUMNS = [
  "user_id",
  "policy_id",
  "policy_kind",
  "current_version_id",
  "status",
  "due_by",
  "acknowledgement_id",
  "acknowledged_version_id",
  "acknowledged_at",
  "method",
  "valid_until",
  "application_id",
] as const;

// Users read per statement: memory holds one batch, whatever the population.
const EXPORT_BATCH = 1000;

function lineOf(row: ReportRow): string {
  const ack = row.acknowledgement;
  return csvLine([
    row.userId,
    row.policy.id,
    row.policy.kind,
    row.version.id,
    row.status,
    row.dueBy,
    ack ? ack.id : null,
    ack?.policyVersionId ?? null,
    ack?.acknowledgedAt.toISOString() ?? null,
    ack?.method ?? null,
    ack?.validUntil?.toISOString() ?? null,
    ack?.applicationId ?? null,
  ]);
}

/** Writes and, when the stream's buffer is full, waits for it to drain; a stream closed meanwhile stops the export. */
async function write(out: Writable, text: string): Promise<void> {
  if (out.destroyed || out.writableEnded) throw new Error("the export's stream closed before the export finished");
  if (out.write(text)) return;
  await new Promise<void>((resolve, reject) => {
    const done = (error?: Error) => {
      out.off("drain", onDrain).off("close", onClose).off("error", done);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = () => done();
    const onClose = () => done(new Error("the export's stream closed before the export finished"));
    out.on("drain", onDrain).on("close", onClose).on("error", done);
  });
}

/**
 * Streams the acknowledgement report of one policy as CSV (a header line, then one line per seen user in user-id
 * order, filtered by status): keyset batches of users, one statement each, written with backpressure, so a million
 * rows take the memory of one batch. Throws NOT_FOUND / BAD_USER_INPUT for the filter before writing anything.
 * It does not end the stream. Batches are separate reads: rows written meanwhile may or may not appear.
 */
export async function exportAcknowledgementsCsv(
  dataSource: DataSource,
  filter: ReportFilter,
  out: Writable,
  options: { batchSize?: number; at?: Date } = {},
): Promise<{ rows: number }> {
  const at = options.at ?? now();
  const catalog = await loadPolicyCatalog(dataSource);
  const policy = reportedPolicy(catalog, filter.policyId, at);
  await write(out, csvLine(CSV_COLUMNS));
  let rows = 0;
  const batchSize = options.batchSize ?? EXPORT_BATCH;
  for await (const row of reportRows(dataSource, catalog, policy, { statuses: filter.statuses, batchSize, at })) {
    await write(out, lineOf(row));
    rows += 1;
  }
  return { rows };
}

/** Reads `policyId` and `status` (comma-separated or repeated) from the query string; a bad value names itself. */
export function exportFilterOf(search: URLSearchParams): ReportFilter {
  const policyId = search.get("policyId")?.trim();
  if (!policyId) throw new PortalError("BAD_USER_INPUT", "policyId: is required", { field: "policyId" });
  const statuses = search.getAll("status").flatMap((value) => value.split(",").map((part) => part.trim()));
  const known: string[] = Object.values(ComplianceStatus);
  const unknown = statuses.filter((status) => !known.includes(status));
  if (unknown.length) {
    throw new PortalError("BAD_USER_INPUT", `status: unknown ${unknown.join(", ")}`, { field: "status" });
  }
  return { policyId, statuses: statuses.length ? (statuses as ComplianceStatus[]) : null };
}

/** One error with its code's registered status (docs/errors.md). */
function sendError(res: ServerResponse, code: RequestErrorCode, message: string): void {
  sendHttpError(res, httpStatusOf(code), code, message);
}

/**
 * GET /export/acknowledgements.csv?policyId=...&status=EXPIRED,DUE_SOON for AUDITORs, with the bearer token every
 * subgraph verifies itself: 401 without a good token, 403 for others, 400/404 for a bad filter, else a CSV stream.
 * A failure once streaming has begun aborts the response, so a cut-off file never looks complete.
 */
export function createAcknowledgementsCsvRoute(
  dataSource: DataSource,
  viewerOf: (authorization: string | undefined) => Promise<Viewer | null>,
): RawRoute {
  return async (req, res) => {
    if (req.method !== "GET") return sendError(res, "METHOD_NOT_ALLOWED", "Use GET");
    let filter: ReportFilter;
    try {
      const viewer = await viewerOf(req.headers.authorization);
      if (!viewer) return sendError(res, "UNAUTHENTICATED", "Sign in to do this");
      if (!hasRole(viewer, "AUDITOR")) return sendError(res, "FORBIDDEN", "Only auditors may export acknowledgements");
      filter = exportFilterOf(new URL(req.url ?? "/", "http://localhost").searchParams);
      // Checked before the headers go out, so a bad policy id is a 404/400 and not an empty CSV.
      reportedPolicy(await loadPolicyCatalog(dataSource), filter.policyId, now());
    } catch (error) {
      if (error instanceof PortalError) return sendError(res, error.code, error.message);
      throw error;
    }
    res.writeHead(200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="acknowledgements-${filter.policyId}-${today()}.csv"`,
      "cache-control": "no-store",
    });
    try {
      await exportAcknowledgementsCsv(dataSource, filter, res);
      res.end();
    } catch (error) {
      res.destroy(error as Error);
      throw error;
    }
  };
}

/** The subgraph's raw routes (the kit serves them beside /graphql). */
export function acknowledgementsRawRoutes(services: SubgraphServices): Record<string, RawRoute> {
  return { [ACKNOWLEDGEMENTS_CSV_PATH]: createAcknowledgementsCsvRoute(services.dataSource, services.viewerOf) };
}
