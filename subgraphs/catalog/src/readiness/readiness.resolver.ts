import { Ctx, Directive, FieldResolver, Resolver, Root } from "type-graphql";
import { Application } from "../application/application.entity.js";
import type { CatalogContext } from "../context.js";
import { readinessOf } from "./readiness.js";
import { Readiness } from "./readiness.types.js";
import { CACHE_PRIVATE } from "@portal-graph/subgraph-kit";

/** Application.viewerReadiness: the catalog orders what each subgraph reports (docs/adr/0004). */
@Resolver(() => Application)
export class ApplicationReadinessResolver {
  @FieldResolver(() => Readiness, {
    nullable: true,
    description:
      "Whether the viewer can launch the application now, what is missing and who can help. Anonymous viewers get SIGN_IN_REQUIRED. A part a subgraph could not check is an UNKNOWN blocker; null, with an error naming the subgraph, when it cannot be worked out at all.",
  })
  @Directive('@requires(fields: "viewerAcknowledgementBlockers viewerAccessBlockers")')
  @Directive(CACHE_PRIVATE)
  async viewerReadiness(@Root() application: Application, @Ctx() ctx: CatalogContext): Promise<Readiness> {
    const replacement =
      application.replacedById === null ? null : await ctx.loaders.applicationById.load(application.replacedById);
    return readinessOf(application, replacement, ctx.viewer, {
      acknowledgements: application.viewerAcknowledgementBlockers,
      accessRoles: application.viewerAccessBlockers,
    });
  }
}
