import { SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import { EventSubscriber, type AfterQueryEvent, type EntitySubscriberInterface } from "typeorm";

const tracer = trace.getTracer("@portal-graph/subgraph-kit");

/**
 * Records each SQL statement as a span of the traced request that ran it. The TypeORM logger sees a statement only
 * as it starts; this subscriber sees it end, with its execution time. Statements outside a traced request
 * (migrations, seeding, the sweep) make no spans, and with tracing off there is never an active span.
 * TypeORM takes a subscriber class from the data source options only when it carries @EventSubscriber().
 */
@EventSubscriber()
export class SqlSpanSubscriber implements EntitySubscriberInterface {
  afterQuery(event: AfterQueryEvent): void {
    if (!trace.getActiveSpan()?.isRecording()) return;
    const end = Date.now();
    const postgres = event.queryRunner.connection.driver.options.type === "postgres";
    // The statement text has placeholders, never the parameters: those may hold personal data.
    const span = tracer.startSpan(operationOf(event.query), {
      kind: SpanKind.CLIENT,
      startTime: end - (event.executionTime ?? 0),
      attributes: { "db.system.name": postgres ? "postgresql" : "sqlite", "db.query.text": event.query },
    });
    if (!event.success) span.setStatus({ code: SpanStatusCode.ERROR, message: String(event.error?.message ?? "") });
    span.end(end);
  }
}

function operationOf(query: string): string {
  return /^\s*(\w+)/.exec(query)?.[1]?.toUpperCase() ?? "SQL";
}
