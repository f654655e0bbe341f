import { In, type DataSource } from "typeorm";
import { Application, ApplicationLinkRow, ApplicationTagRow, searchTextOf } from "../application/application.entity.js";
import { Lifecycle } from "../application/application.types.js";
import { APPLICATIONS, type ApplicationSeed } from "./applications.js";

/**
 * Inserts the applications that are not there yet, with their links and tags, in one transaction.
 * Rows already present are left as they are, so a second run changes nothing. Returns how many it inserted.
 */
export async function seedCatalog(
  dataSource: DataSource,
  applications: readonly ApplicationSeed[] = APPLICATIONS,
): Promise<number> {
  return dataSource.transaction(async (manager) => {
    const ids = applications.map((app) => app.id);
    const existing = new Set<string>();
    // Chunked so a large synthetic seed stays under every driver's parameter limit.
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await manager.find(Application, { select: { id: true }, where: { id: In(ids.slice(i, i + 500)) } });
      for (const row of rows) existing.add(row.id);
    }
    const missing = applications.filter((app) => !existing.has(app.id));
    for (let i = 0; i < missing.length; i += 200) {
      const chunk = missing.slice(i, i + 200);
      await manager.insert(Application, chunk.map(toRow));
      const links = chunk.flatMap((app) =>
        app.links.map((link, position) => ({ applicationId: app.id, position, ...link })),
      );
      if (links.length) await manager.insert(ApplicationLinkRow, links);
      const tags = chunk.flatMap((app) => [...new Set(app.tags)].map((tag) => ({ applicationId: app.id, tag })));
      if (tags.length) await manager.insert(ApplicationTagRow, tags);
    }
    return missing.length;
  });
}

function toRow(app: ApplicationSeed): Partial<Application> {
  return {
    id: app.id,
    acronym: app.acronym,
    name: app.name,
    formerNames: app.formerNames,
    description: app.description,
    category: app.category,
    lifecycle: Lifecycle.ACTIVE,
    launchUrl: app.launchUrl,
    ownerGroup: app.ownerGroup ?? null,
    sortName: app.name.toLowerCase(),
    searchText: searchTextOf(app),
  };
}
