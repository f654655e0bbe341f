import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { pageSize, requireRole } from "@portal-graph/subgraph-kit";
import { assignHelpDesk, unassignHelpDesk } from "../application/assignment.writes.js";
import type { HelpDesksContext } from "../context.js";
import { HelpDeskChange } from "./help-desk-change.entity.js";
import {
  AssignHelpDeskInput,
  CreateHelpDeskInput,
  ReplaceContactPointsInput,
  SetHelpDeskHoursInput,
  UnassignHelpDeskInput,
  UpdateHelpDeskInput,
} from "./help-desk.inputs.js";
import {
  AssignHelpDeskPayload,
  CreateHelpDeskPayload,
  ReplaceContactPointsPayload,
  SetHelpDeskHoursPayload,
  UnassignHelpDeskPayload,
  UpdateHelpDeskPayload,
} from "./help-desk.payloads.js";
import { createHelpDesk, replaceContactPoints, setHelpDeskHours, updateHelpDesk } from "./help-desk.writes.js";

const ADMIN_ONLY = "Needs HELPDESK_ADMIN. Input problems come back as userErrors, with nothing written.";

/** The help-desk writes (HELPDESK_ADMIN only, each logged) and the change log they leave. */
@Resolver(() => HelpDeskChange)
export class HelpDeskMutationResolver {
  @Mutation(() => CreateHelpDeskPayload, { description: `Creates a help desk. ${ADMIN_ONLY}` })
  createHelpDesk(
    @Ctx() ctx: HelpDesksContext,
    @Arg("input", () => CreateHelpDeskInput, {
      description: "What to change; each field of the input says what it means.",
    })
    input: CreateHelpDeskInput,
  ): Promise<CreateHelpDeskPayload> {
    return createHelpDesk(ctx, input);
  }

  @Mutation(() => UpdateHelpDeskPayload, { description: `Changes a desk's name, description or notes. ${ADMIN_ONLY}` })
  updateHelpDesk(
    @Ctx() ctx: HelpDesksContext,
    @Arg("input", () => UpdateHelpDeskInput, {
      description: "What to change; each field of the input says what it means.",
    })
    input: UpdateHelpDeskInput,
  ): Promise<UpdateHelpDeskPayload> {
    return updateHelpDesk(ctx, input);
  }

  @Mutation(() => ReplaceContactPointsPayload, {
    description: `Replaces all of a desk's contact points. ${ADMIN_ONLY}`,
  })
  replaceContactPoints(
    @Ctx() ctx: HelpDesksContext,
    @Arg("input", () => ReplaceContactPointsInput, {
      description: "What to change; each field of the input says what it means.",
    })
    input: ReplaceContactPointsInput,
  ): Promise<ReplaceContactPointsPayload> {
    return replaceContactPoints(ctx, input);
  }

  @Mutation(() => SetHelpDeskHoursPayload, { description: `Sets or (with null) clears a desk's hours. ${ADMIN_ONLY}` })
  setHelpDeskHours(
    @Ctx() ctx: HelpDesksContext,
    @Arg("input", () => SetHelpDeskHoursInput, {
      description: "What to change; each field of the input says what it means.",
    })
    input: SetHelpDeskHoursInput,
  ): Promise<SetHelpDeskHoursPayload> {
    return setHelpDeskHours(ctx, input);
  }

  @Mutation(() => AssignHelpDeskPayload, {
    description: `Assigns a desk to an application, for a purpose. ${ADMIN_ONLY}`,
  })
  assignHelpDesk(
    @Ctx() ctx: HelpDesksContext,
    @Arg("input", () => AssignHelpDeskInput, {
      description: "What to change; each field of the input says what it means.",
    })
    input: AssignHelpDeskInput,
  ): Promise<AssignHelpDeskPayload> {
    return assignHelpDesk(ctx, input);
  }

  @Mutation(() => UnassignHelpDeskPayload, { description: `Removes a desk from an application. ${ADMIN_ONLY}` })
  unassignHelpDesk(
    @Ctx() ctx: HelpDesksContext,
    @Arg("input", () => UnassignHelpDeskInput, {
      description: "What to change; each field of the input says what it means.",
    })
    input: UnassignHelpDeskInput,
  ): Promise<UnassignHelpDeskPayload> {
    return unassignHelpDesk(ctx, input);
  }

  @Query(() => [HelpDeskChange], {
    nullable: true,
    description: "The help-desk change log, newest first (HELPDESK_ADMIN or AUDITOR).",
  })
  helpDeskChanges(
    @Ctx() ctx: HelpDesksContext,
    @Arg("helpDeskId", () => ID, {
      nullable: true,
      description: "Only this desk's changes; every desk's when omitted.",
    })
    helpDeskId?: string | null,
    @Arg("first", () => Int, { nullable: true, description: "0 to 100 (default 20)." }) first?: number | null,
  ): Promise<HelpDeskChange[]> {
    requireRole(ctx, "HELPDESK_ADMIN", "AUDITOR");
    const limit = pageSize(first);
    // TypeORM reads take: 0 as "no limit".
    if (limit === 0) return Promise.resolve([]);
    return ctx.dataSource.getRepository(HelpDeskChange).find({
      where: helpDeskId ? { targetId: helpDeskId } : {},
      order: { at: "DESC", id: "DESC" },
      take: limit,
    });
  }

  @FieldResolver(() => String, { description: "What changed, as JSON (counts and kinds; no personal data)." })
  summary(@Root() change: HelpDeskChange): string {
    return JSON.stringify(change.summary);
  }
}
