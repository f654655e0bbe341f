import type { DataSource, SelectQueryBuilder } from "typeorm";
import { BadUserInputError, cursorFormat, likePattern, pageBySortName } from "@portal-graph/subgraph-kit";
import { Application } from "./application.entity.js";
import { ApplicationConnection } from "./application.connection.js";
import type { Lifecycle } from "./application.types.js";

/** The filters of `Query.applications`. */
export interface ApplicationFilter {
  search?: string | null;
  lifecycle?: Lifecycle[] | null;
  tag?: string | null;
}

const MAX_SEARCH_LENGTH = 200;

const CURSORS = cursorFormat("applications", ["string", "string"]);

/** One page of applications ordered by name, keyset-paged on (sort name, id): one statement for the page. */
export async function listApplications(
  dataSource: DataSource,
  filter: ApplicationFilter,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<ApplicationConnection> {
  if (filter.search && filter.search.length > MAX_SEARCH_LENGTH) {
    throw new BadUserInputError("search", `must be at most ${MAX_SEARCH_LENGTH} characters`);
  }
  return Object.assign(
    new ApplicationConnection(),
    await pageBySortName(CURSORS, () => filtered(dataSource, filter), "a", first, after),
  );
}

function filtered(dataSource: DataSource, filter: ApplicationFilter): SelectQueryBuilder<Application> {
  const query = dataSource.getRepository(Application).createQueryBuilder("a");
  const search = filter.search?.trim();
  if (search) query.andWhere("a.search_text LIKE :pattern ESCAPE '\\'", { pattern: likePattern(search) });
  if (filter.lifecycle?.length) query.andWhere("a.lifecycle IN (:...lifecycle)", { lifecycle: filter.lifecycle });
  if (filter.tag) {
    query.andWhere("EXISTS (SELECT 1 FROM application_tag t WHERE t.application_id = a.id AND t.tag = :tag)", {
      tag: filter.tag.trim().toLowerCase(),
    });
  }
  return query;
}

/** One application by its acronym, case-insensitively. */
export function findByAcronym(dataSource: DataSource, acronym: string): Promise<Application | null> {
  return dataSource
    .getRepository(Application)
    .createQueryBuilder("a")
    .where("UPPER(a.acronym) = UPPER(:acronym)", { acronym: acronym.trim() })
    .getOne();
}
