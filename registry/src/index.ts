export { composeSubgraphs, apiChanges, apiSchemaOf, type PublishedSubgraph, type SchemaChange } from "./compose.js";
export { loadCredentials, mayChange, type Credential, type Credentials } from "./credentials.js";
export { openRegistryDatabase } from "./database.js";
export {
  Registry,
  RegistryInputError,
  type CheckResult,
  type Override,
  type SubgraphProposal,
  type VersionSummary,
} from "./registry.js";
export { createRegistryServer } from "./server.js";
export { RegistryClient, type RegistryAnswer } from "./client.js";
export { parseUsage, recordUsage, operationsUsing, type UsageReport, type UsedBy } from "./usage.js";
