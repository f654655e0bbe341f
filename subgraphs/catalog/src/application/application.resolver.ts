import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { PageArgs, BadUserInputError } from "@portal-graph/subgraph-kit";
import type { CatalogContext } from "../context.js";
import { Application } from "./application.entity.js";
import { ApplicationConnection } from "./application.connection.js";
import { findByAcronym, listApplications } from "./application.service.js";
import { ApplicationLink, Lifecycle } from "./application.types.js";

/** Queries over applications and the fields of Application that need a loader. */
@Resolver(() => Application)
export class ApplicationResolver {
  @Query(() => ApplicationConnection, {
    nullable: true,
    description: "Applications ordered by name, filtered and paged.",
  })
  applications(
    @Ctx() ctx: CatalogContext,
    @Arg("search", () => String, {
      nullable: true,
      description: "Matches name, acronym, former names and description.",
    })
    search?: string | null,
    @Arg("lifecycle", () => [Lifecycle], {
      nullable: true,
      description: "Only applications in one of these states; all when omitted.",
    })
    lifecycle?: Lifecycle[] | null,
    @Arg("tag", () => String, { nullable: true, description: "Only applications with this tag." }) tag?: string | null,
    @Args(() => PageArgs) { first, after }: PageArgs = {},
  ): Promise<ApplicationConnection> {
    return listApplications(ctx.dataSource, { search, lifecycle, tag }, first, after);
  }

  @Query(() => Application, { nullable: true, description: "One application by id or by acronym (exactly one)." })
  async application(
    @Ctx() ctx: CatalogContext,
    @Arg("id", () => ID, { nullable: true, description: "The application's id; give this or `acronym`." })
    id?: string | null,
    @Arg("acronym", () => String, {
      nullable: true,
      description: "The application's acronym (case-insensitive); give this or `id`.",
    })
    acronym?: string | null,
  ): Promise<Application | null> {
    if ((id == null) === (acronym == null)) {
      throw new BadUserInputError("id", "give exactly one of id or acronym");
    }
    return id != null ? ctx.loaders.applicationById.load(id) : findByAcronym(ctx.dataSource, acronym!);
  }

  @FieldResolver(() => [ApplicationLink])
  links(@Root() app: Application, @Ctx() ctx: CatalogContext): Promise<ApplicationLink[]> {
    return ctx.loaders.linksByApplicationId.load(app.id);
  }

  @FieldResolver(() => Application, {
    nullable: true,
    description: "The application that replaces this one (set when it is deprecated).",
  })
  replacedBy(@Root() app: Application, @Ctx() ctx: CatalogContext): Promise<Application | null> {
    return app.replacedById === null ? Promise.resolve(null) : ctx.loaders.applicationById.load(app.replacedById);
  }

  @FieldResolver(() => [String])
  tags(@Root() app: Application, @Ctx() ctx: CatalogContext): Promise<string[]> {
    return ctx.loaders.tagsByApplicationId.load(app.id);
  }
}
