import DataLoader from "dataloader";
import type { DataSource } from "typeorm";
import { loadPolicyCatalog, type PolicyCatalog } from "../policy/policy.catalog.js";
import type { Acknowledgement } from "./acknowledgement.entity.js";
import { acknowledgementPages, latestAcknowledgements, type PageRequest } from "./acknowledgement.queries.js";

/** Per-request loaders: the policy catalog (read once) and acknowledgements batched across users. */
export interface AcknowledgementsLoaders {
  /** Every policy and version: two statements, the first time a request asks. */
  catalog(): Promise<PolicyCatalog>;
  /** Drops the catalog read so far (after a publish in the same request). */
  forgetCatalog(): void;
  /** Each user's latest acknowledgement per policy id: one statement per batch of users. */
  latestByUser: DataLoader<string, Map<string, Acknowledgement>>;
  /** Pages of users' histories: one statement per batch of pages. */
  acknowledgementPage: DataLoader<PageRequest, Acknowledgement[], string>;
}

// Bounds the parameters and UNION parts of one statement; a larger batch is split by DataLoader.
const MAX_BATCH = 500;

/** Makes the loaders for one request. */
export function createAcknowledgementsLoaders(dataSource: DataSource): AcknowledgementsLoaders {
  let catalog: Promise<PolicyCatalog> | null = null;
  return {
    catalog: () => (catalog ??= loadPolicyCatalog(dataSource)),
    forgetCatalog: () => void (catalog = null),
    latestByUser: new DataLoader(
      async (userIds) => {
        const rows = await latestAcknowledgements(dataSource, userIds);
        const byUser = new Map<string, Map<string, Acknowledgement>>(userIds.map((id) => [id, new Map()]));
        for (const row of rows) byUser.get(row.userId)?.set(row.policyId, row);
        return userIds.map((id) => byUser.get(id)!);
      },
      { maxBatchSize: MAX_BATCH },
    ),
    acknowledgementPage: new DataLoader((requests) => acknowledgementPages(dataSource, requests), {
      maxBatchSize: 200,
      cacheKeyFn: (request) => JSON.stringify([request.userId, request.limit, request.afterId]),
    }),
  };
}
