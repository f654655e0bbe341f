import { Ctx, Directive, FieldResolver, Resolver, Root } from "type-graphql";
import type { HelpDesksContext } from "../context.js";
import { HelpDesk } from "../help-desk/help-desk.entity.js";
import { ApplicationHelpDesk, ApplicationStub } from "./application-help-desk.entity.js";

/** What this subgraph adds to the catalog's Application. */
@Resolver(() => ApplicationStub)
export class ApplicationHelpDesksResolver {
  @Directive("@listSize(assumedSize: 5)")
  @FieldResolver(() => [ApplicationHelpDesk], {
    nullable: true,
    description:
      "The application's help desks, primary first; empty when none is known. Null with an error when the help-desks subgraph cannot answer.",
  })
  helpDesks(@Root() application: ApplicationStub, @Ctx() ctx: HelpDesksContext): Promise<ApplicationHelpDesk[]> {
    return ctx.loaders.assignmentsByApplicationId.load(application.id);
  }
}

/** The ends of an assignment: its desk (through the loader, usually primed) and its application (a key stub). */
@Resolver(() => ApplicationHelpDesk)
export class ApplicationHelpDeskResolver {
  @FieldResolver(() => HelpDesk, { description: "The desk assigned." })
  async helpDesk(@Root() assignment: ApplicationHelpDesk, @Ctx() ctx: HelpDesksContext): Promise<HelpDesk> {
    const desk = await ctx.loaders.helpDeskById.load(assignment.helpDeskId);
    // The foreign key makes a missing desk impossible; say so plainly if it ever happens.
    if (!desk) throw new Error(`help desk ${assignment.helpDeskId} of an assignment does not exist`);
    return desk;
  }

  @FieldResolver(() => ApplicationStub, {
    nullable: true,
    description: "The application; null with an error when the catalog cannot answer for the fields asked.",
  })
  application(@Root() assignment: ApplicationHelpDesk): ApplicationStub {
    return { id: assignment.applicationId };
  }
}
