import type { GraphQLFormattedError } from "graphql";
import type { DataSource } from "typeorm";
import { createLogger } from "@portal-graph/http-kit";
import type { SubgraphContext, Viewer } from "../context.js";
import { openDatabase } from "../database.js";
import { currentRequest, runInRequestScope } from "../request-scope.js";
import {
  createSubgraphServer,
  hasDatabase,
  loadersAndData,
  type AnySubgraphDefinition,
  type ComputedSubgraphDefinition,
  type SubgraphDefinition,
  type SubgraphServer,
} from "../subgraph.js";
import { createTestDatabase, type TestDatabaseKind } from "./databases.js";

/** The outcome of one in-process operation, with the SQL statements it ran. */
export interface TestResult<TData> {
  data?: TData | null;
  errors?: readonly GraphQLFormattedError[];
  sqlStatements: number;
}

/** A subgraph on a fresh migrated database (none for a computed one), executed in-process through Apollo (no port). */
export interface TestSubgraph<D extends DataSource | null = DataSource> {
  dataSource: D;
  subgraph: SubgraphServer;
  execute<TData = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: { viewer?: Viewer | null },
  ): Promise<TestResult<TData>>;
  close(): Promise<void>;
}

/** Opens a subgraph on a fresh database of the kind; seeds it unless told not to. */
export function openTestSubgraph<TLoaders>(
  definition: SubgraphDefinition<TLoaders>,
  kind: TestDatabaseKind,
  options?: { seed?: boolean },
): Promise<TestSubgraph>;
/** Opens a subgraph without a database (computed, or backed by another team's API). */
export function openTestSubgraph<TLoaders>(
  definition: ComputedSubgraphDefinition<TLoaders>,
): Promise<TestSubgraph<null>>;
export async function openTestSubgraph<TLoaders>(
  definition: AnySubgraphDefinition<TLoaders>,
  kind?: TestDatabaseKind,
  options: { seed?: boolean } = {},
): Promise<TestSubgraph<DataSource | null>> {
  const logger = createLogger(definition.name);
  let dataSource: DataSource | null = null;
  let drop = async () => {};
  if (hasDatabase(definition)) {
    const database = await createTestDatabase(kind ?? "sqlite", definition.name);
    drop = database.drop;
    dataSource = await openDatabase({
      target: database.target,
      entities: definition.entities,
      migrations: definition.migrations,
      logger,
    });
    if (options.seed !== false) await definition.seed(dataSource);
  }
  const subgraph = await createSubgraphServer(definition, dataSource, { logger });
  await subgraph.apollo.start();
  let requests = 0;
  return {
    dataSource,
    subgraph,
    execute: (query, variables, { viewer = null } = {}) => {
      const requestId = `test-${++requests}`;
      return runInRequestScope(requestId, async () => {
        const contextValue: SubgraphContext<TLoaders> = {
          requestId,
          viewer,
          // In-process execution stands where the gateway's verified call would.
          caller: "gateway",
          ...loadersAndData(definition, dataSource),
          logger,
        };
        const response = await subgraph.apollo.executeOperation({ query, variables }, { contextValue });
        if (response.body.kind !== "single") throw new Error("expected a single result, not an incremental one");
        const { data, errors } = response.body.singleResult;
        return { data: data as never, errors, sqlStatements: currentRequest()?.sqlStatements ?? 0 };
      });
    },
    close: async () => {
      await subgraph.apollo.stop();
      await dataSource?.destroy();
      await drop();
    },
  };
}
