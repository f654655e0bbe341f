import type { GraphQLFormattedError } from "graphql";
import type { DataSource } from "typeorm";
import { createLogger } from "@portal-graph/http-kit";
import type { SubgraphContext, Viewer } from "../context.js";
import { openDatabase } from "../database.js";
import { currentRequest, runInRequestScope } from "../request-scope.js";
import { createSubgraphServer, type SubgraphDefinition, type SubgraphServer } from "../subgraph.js";
import { createTestDatabase, type TestDatabaseKind } from "./databases.js";

/** The outcome of one in-process operation, with the SQL statements it ran. */
export interface TestResult<TData> {
  data?: TData | null;
  errors?: readonly GraphQLFormattedError[];
  sqlStatements: number;
}

/** A subgraph on a fresh migrated database, executed in-process through Apollo (no port). */
export interface TestSubgraph {
  dataSource: DataSource;
  subgraph: SubgraphServer;
  execute<TData = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: { viewer?: Viewer | null },
  ): Promise<TestResult<TData>>;
  close(): Promise<void>;
}

/** Opens a subgraph on a fresh database of the kind; seeds it unless told not to. */
export async function openTestSubgraph<TLoaders>(
  definition: SubgraphDefinition<TLoaders>,
  kind: TestDatabaseKind,
  options: { seed?: boolean } = {},
): Promise<TestSubgraph> {
  const database = await createTestDatabase(kind, definition.name);
  const logger = createLogger(definition.name);
  const dataSource = await openDatabase({
    target: database.target,
    entities: definition.entities,
    migrations: definition.migrations,
    logger,
  });
  if (options.seed !== false) await definition.seed(dataSource);
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
          loaders: definition.createLoaders(dataSource),
          dataSource,
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
      await dataSource.destroy();
      await database.drop();
    },
  };
}
