import type { DataSource } from "typeorm";
import type { Logger } from "pino";
import type { CallerRole, Viewer } from "@portal-graph/auth";

export type { MfaStatus, Viewer } from "@portal-graph/auth";

/** What every resolver of every subgraph receives; `loaders` are made fresh for each request. */
export interface SubgraphContext<TLoaders = unknown> {
  requestId: string;
  /** The verified caller, or null when the request carried no token. */
  viewer: Viewer | null;
  /** Which door the request came through: the verified caller's role (in-process tests run as the gateway). */
  caller: CallerRole;
  loaders: TLoaders;
  dataSource: DataSource;
  logger: Logger;
}

/** What the resolvers of a subgraph without a database receive: the same, but no `dataSource`. */
export type ComputedSubgraphContext<TLoaders = unknown> = Omit<SubgraphContext<TLoaders>, "dataSource">;
