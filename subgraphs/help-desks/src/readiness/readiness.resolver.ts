import { Arg, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { DateTimeScalar } from "@portal-graph/subgraph-kit";
import type { HelpDesksContext } from "../context.js";
import type { HelpDesk } from "../help-desk/help-desk.entity.js";
import { ContactPoint } from "../help-desk/help-desk.types.js";
import { chooseHelpDesk, contactPointToUse } from "./readiness.service.js";
import { ReadinessHelp, ReadinessHelpDesks } from "./readiness.types.js";

/** What this subgraph adds to the catalog's Readiness: the help desk to contact. */
@Resolver(() => ReadinessHelpDesks)
export class ReadinessHelpResolver {
  @FieldResolver(() => ReadinessHelp, {
    nullable: true,
    description:
      "The best help desk to contact about this application now; null when the application has none. Null with an error when the help-desks subgraph cannot answer.",
  })
  async help(
    @Root() readiness: ReadinessHelpDesks,
    @Ctx() ctx: HelpDesksContext,
    @Arg("at", () => DateTimeScalar, { nullable: true, description: "The instant to judge by; default now." })
    at?: Date | null,
  ): Promise<ReadinessHelp | null> {
    // One statement for the whole batch; it joins the desks and primes helpDeskById, so the desks cost none.
    const assignments = await ctx.loaders.assignmentsByApplicationId.load(readiness.applicationId);
    const desks = await Promise.all(
      assignments.map(async (assignment): Promise<HelpDesk> => {
        const desk = await ctx.loaders.helpDeskById.load(assignment.helpDeskId);
        // The foreign key makes a missing desk impossible; say so plainly if it ever happens.
        if (!desk) throw new Error(`help desk ${assignment.helpDeskId} of an assignment does not exist`);
        return desk;
      }),
    );
    return chooseHelpDesk(desks, at ?? new Date());
  }
}

/** The contact point of the chosen desk, loaded only when asked for, in one statement per batch. */
@Resolver(() => ReadinessHelp)
export class ReadinessContactPointResolver {
  @FieldResolver(() => ContactPoint, {
    nullable: true,
    description:
      "The contact point to use: the desk's first phone, else its first TTY, else its first email or web point, in published order; null when it lists none of these.",
  })
  async contactPoint(@Root() help: ReadinessHelp, @Ctx() ctx: HelpDesksContext): Promise<ContactPoint | null> {
    return contactPointToUse(await ctx.loaders.contactPointsByHelpDeskId.load(help.helpDesk.id));
  }
}
