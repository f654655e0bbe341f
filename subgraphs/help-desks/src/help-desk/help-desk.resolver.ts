import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, Directive, FieldResolver, ID, Info, Query, Resolver, Root } from "type-graphql";
import { PageArgs, DateTimeScalar, limitCacheAge, secondsToNextMinute } from "@portal-graph/subgraph-kit";
import { ApplicationHelpDesk, ApplicationStub } from "../application/application-help-desk.entity.js";
import type { HelpDesksContext } from "../context.js";
import { isOpenAt } from "../hours/opening-hours.js";
import { HelpDeskConnection } from "./help-desk.connection.js";
import { HelpDesk } from "./help-desk.entity.js";
import { listHelpDesks } from "./help-desk.service.js";
import { ContactPoint } from "./help-desk.types.js";

/** Queries over help desks, and the fields of HelpDesk that need a loader or a computation. */
@Resolver(() => HelpDesk)
export class HelpDeskResolver {
  @Query(() => HelpDeskConnection, { nullable: true, description: "Help desks ordered by name, searched and paged." })
  helpDesks(
    @Ctx() ctx: HelpDesksContext,
    @Arg("search", () => String, {
      nullable: true,
      description: "Matches name, description, notes and contact values, case-insensitively.",
    })
    search?: string | null,
    @Args(() => PageArgs) { first, after }: PageArgs = {},
  ): Promise<HelpDeskConnection> {
    return listHelpDesks(ctx.dataSource, search, first, after);
  }

  @Query(() => HelpDesk, { nullable: true, description: "One help desk by id; null when there is none." })
  helpDesk(
    @Ctx() ctx: HelpDesksContext,
    @Arg("id", () => ID, { description: "The desk's id." }) id: string,
  ): Promise<HelpDesk | null> {
    return ctx.loaders.helpDeskById.load(id);
  }

  @Directive("@listSize(assumedSize: 10)")
  @FieldResolver(() => [ContactPoint], { description: "How to reach the desk, in the order published." })
  contactPoints(@Root() desk: HelpDesk, @Ctx() ctx: HelpDesksContext): Promise<ContactPoint[]> {
    return ctx.loaders.contactPointsByHelpDeskId.load(desk.id);
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description:
      "Whether the desk is open at `at` (default now) by its hours in its own zone; null when hours are unknown.",
  })
  openNow(
    @Root() desk: HelpDesk,
    @Info() info: GraphQLResolveInfo,
    @Arg("at", () => DateTimeScalar, { nullable: true, description: "The instant to ask about; default now." })
    at?: Date | null,
  ): boolean | null {
    const now = new Date();
    // Hours open and close on the minute: an answer about now holds until the next one, and no longer in a cache.
    if (!at) limitCacheAge(info, secondsToNextMinute(now));
    return desk.hours ? isOpenAt(desk.hours, at ?? now) : null;
  }

  @FieldResolver(() => [ApplicationStub], {
    nullable: true,
    description:
      "The applications this desk serves, by id; null with an error when the catalog cannot answer for the fields asked.",
  })
  async applications(@Root() desk: HelpDesk, @Ctx() ctx: HelpDesksContext): Promise<ApplicationStub[]> {
    const assignments = await ctx.loaders.assignmentsByHelpDeskId.load(desk.id);
    return assignments.map((assignment) => ({ id: assignment.applicationId }));
  }

  @FieldResolver(() => [ApplicationHelpDesk], { description: "The applications this desk serves, with purposes." })
  assignments(@Root() desk: HelpDesk, @Ctx() ctx: HelpDesksContext): Promise<ApplicationHelpDesk[]> {
    return ctx.loaders.assignmentsByHelpDeskId.load(desk.id);
  }
}
