import { Arg, Ctx, Field, FieldResolver, InputType, ObjectType, Query, Resolver, Root, Args } from "type-graphql";
import {
  BadUserInputError,
  DateTimeScalar,
  cursorFormat,
  connectionOf,
  pageById,
  requireRole,
  PageArgs,
} from "@portal-graph/subgraph-kit";
import type { AccessRolesContext } from "../context.js";
import { AuditAction, AuditEvent } from "./audit-event.entity.js";

const CURSORS = cursorFormat("auditEvents", ["int"]);

/** Which audit events to list; every field narrows, all are optional. */
@InputType({ description: "Narrows auditEvents; every field is optional and they combine with AND." })
export class AuditEventFilter {
  @Field(() => String, { nullable: true, description: "The actor's user id, or system:sweep." })
  actor?: string | null;

  @Field(() => [AuditAction], {
    nullable: true,
    description: "Only events with one of these actions; all when omitted.",
  })
  action?: AuditAction[] | null;

  @Field(() => String, { nullable: true, description: "The id of the request or grant changed." })
  target?: string | null;

  @Field(() => String, { nullable: true, description: "The user whose access changed." })
  subject?: string | null;

  @Field(() => String, { nullable: true, description: "Every event of one access request and the grant it made." })
  accessRequestId?: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: "At or after this instant." })
  from?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: "Before this instant." })
  to?: Date | null;
}

/** A page of audit events, newest first. */
@ObjectType({ description: "A page of audit events, newest first." })
export class AuditEventConnection extends connectionOf(AuditEvent, { edge: "AuditEventEdge" }) {}

/** The audit log, for auditors. */
@Resolver(() => AuditEvent)
export class AuditResolver {
  @Query(() => AuditEventConnection, {
    nullable: true,
    description: "Every change to access data, newest first (AUDITOR only); one statement per page.",
  })
  async auditEvents(
    @Ctx() ctx: AccessRolesContext,
    @Arg("filter", () => AuditEventFilter, { nullable: true, description: "Which events to list; all when omitted." })
    filter?: AuditEventFilter | null,
    @Args(() => PageArgs) { first, after }: PageArgs = {},
  ): Promise<AuditEventConnection> {
    requireRole(ctx, "AUDITOR");
    if (filter?.from && filter.to && filter.from.getTime() >= filter.to.getTime()) {
      throw new BadUserInputError("filter.to", "must be after filter.from");
    }
    const matching = () => {
      const query = ctx.dataSource.getRepository(AuditEvent).createQueryBuilder("e");
      if (filter?.actor) query.andWhere("e.actor = :actor", { actor: filter.actor });
      if (filter?.action?.length) query.andWhere("e.action IN (:...actions)", { actions: filter.action });
      if (filter?.target) query.andWhere("e.target_id = :target", { target: filter.target });
      if (filter?.subject) query.andWhere("e.subject_user_id = :subject", { subject: filter.subject });
      if (filter?.accessRequestId) {
        query.andWhere("e.access_request_id = :accessRequestId", { accessRequestId: filter.accessRequestId });
      }
      if (filter?.from) query.andWhere("e.at >= :from", { from: filter.from });
      if (filter?.to) query.andWhere("e.at < :to", { to: filter.to });
      return query;
    };
    const page = await pageById({ cursors: CURSORS, matching, alias: "e", order: "DESC", first, after });
    return Object.assign(new AuditEventConnection(), page);
  }

  @FieldResolver(() => String, { description: "Ids, codes and dates about the change, as JSON (no personal data)." })
  details(@Root() event: AuditEvent): string {
    return JSON.stringify(event.details);
  }
}
