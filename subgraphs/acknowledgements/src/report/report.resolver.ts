import { Arg, Ctx, ID, Query, Resolver, Args } from "type-graphql";
import { cursorFormat, pageSize, requireRole, toPage, PageArgs } from "@portal-graph/subgraph-kit";
import { now } from "../clock.js";
import { ComplianceStatus } from "../compliance/status.js";
import type { AcknowledgementsContext } from "../context.js";
import { reportedPolicy, reportRows, type ReportRow } from "./report.service.js";
import { AcknowledgementReportConnection, type AcknowledgementReportEntry } from "./report.types.js";

// Users judged per statement while filling a page; a page with a selective status filter reads several batches.
const REPORT_BATCH = 500;

const CURSORS = cursorFormat("acknowledgementReport", ["string"]);

/** The auditors' view across users. */
@Resolver()
export class ReportResolver {
  @Query(() => AcknowledgementReportConnection, {
    nullable: true,
    description:
      "Where every user this subgraph has seen stands with one policy, by user id; optionally only some statuses. " +
      "AUDITOR only. The same rows stream as CSV from GET /export/acknowledgements.csv?policyId=...&status=....",
  })
  async acknowledgementReport(
    @Ctx() ctx: AcknowledgementsContext,
    @Arg("policyId", () => ID, { description: "The policy to report on." }) policyId: string,
    @Arg("status", () => [ComplianceStatus], {
      nullable: true,
      description: "Only users in one of these states; all when omitted.",
    })
    status?: ComplianceStatus[] | null,
    @Args(() => PageArgs) { first, after }: PageArgs = {},
  ): Promise<AcknowledgementReportConnection> {
    requireRole(ctx, "AUDITOR");
    const limit = pageSize(first);
    const afterUserId = after ? CURSORS.decode(after)[0] : null;
    const at = now();
    const catalog = await ctx.loaders.catalog();
    const policy = reportedPolicy(catalog, policyId, at);
    const rows: ReportRow[] = [];
    if (limit > 0) {
      const batchSize = Math.max(limit + 1, REPORT_BATCH);
      for await (const row of reportRows(ctx.dataSource, catalog, policy, {
        statuses: status,
        afterUserId,
        batchSize,
        at,
      })) {
        rows.push(row);
        if (rows.length > limit) break;
      }
    }
    const entries = rows.map(({ userId, ...rest }) => ({ user: { id: userId }, ...rest }));
    return Object.assign(
      new AcknowledgementReportConnection(),
      toPage<AcknowledgementReportEntry & { user: { id: string } }>(entries, limit, after, (entry) =>
        CURSORS.encode([entry.user.id]),
      ),
    );
  }
}
