export { testDatabaseKinds, createTestDatabase, TEST_POSTGRES_URL, type TestDatabaseKind } from "./databases.js";
export { openTestSubgraph, type TestSubgraph, type TestResult } from "./subgraph.js";
// What a test needs to stand where the HTTP server would: the request scope, and the SQL statements it counted.
export { currentRequest, runInRequestScope, type RequestScope } from "../request-scope.js";
export { sqlTotals } from "../sql-counter.js";
export { createSubgraphServer, type SubgraphServer } from "../subgraph.js";
