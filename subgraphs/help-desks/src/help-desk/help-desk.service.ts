import type { DataSource } from "typeorm";
import { BadUserInputError, cursorFormat, likePattern, pageBySortName } from "@portal-graph/subgraph-kit";
import { HelpDeskConnection } from "./help-desk.connection.js";
import { HelpDesk } from "./help-desk.entity.js";

const MAX_SEARCH_LENGTH = 200;

const CURSORS = cursorFormat("helpDesks", ["string", "string"]);

/**
 * One page of help desks ordered by name, keyset-paged on (sort name, id). `search` matches name, description,
 * notes and contact values and displays, case-insensitively, with LIKE wildcards taken literally.
 */
export async function listHelpDesks(
  dataSource: DataSource,
  search: string | null | undefined,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<HelpDeskConnection> {
  if (search && search.length > MAX_SEARCH_LENGTH) {
    throw new BadUserInputError("search", `must be at most ${MAX_SEARCH_LENGTH} characters`);
  }
  const matching = () => {
    const query = dataSource.getRepository(HelpDesk).createQueryBuilder("d");
    const text = search?.trim();
    if (text) query.andWhere("d.search_text LIKE :pattern ESCAPE '\\'", { pattern: likePattern(text) });
    return query;
  };
  return Object.assign(new HelpDeskConnection(), await pageBySortName(CURSORS, matching, "d", first, after));
}
