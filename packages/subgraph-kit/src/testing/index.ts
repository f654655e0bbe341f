export { testDatabaseKinds, createTestDatabase, TEST_POSTGRES_URL, type TestDatabaseKind } from "./databases.js";
export { openTestSubgraph, type TestSubgraph, type TestResult } from "./subgraph.js";
