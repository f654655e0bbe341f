import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import {
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from "@apollo/server/plugin/disabled";

/**
 * Apollo Server installs usage reporting by itself when APOLLO_KEY and APOLLO_GRAPH_REF are set, and schema reporting
 * when APOLLO_SCHEMA_REPORTING is: both send data to Apollo's servers. These plugins make that impossible whatever the
 * environment says, since no process of the graph may call out to a service it was not configured for.
 */
export function apolloReportingDisabled<TContext extends BaseContext>(): ApolloServerPlugin<TContext>[] {
  return [ApolloServerPluginUsageReportingDisabled(), ApolloServerPluginSchemaReportingDisabled()];
}
