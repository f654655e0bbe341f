import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestStack, type TestStack } from "../harness.js";
import { provedFetch } from "../subgraph-client.js";

interface Answer {
  status: number;
  headers: Headers;
  body: {
    data?: Record<string, unknown> | null;
    errors?: { message: string; extensions?: { code?: string; field?: string } }[];
  };
}

let stack: TestStack;
const tokens = new Map<string, string>();

/** POSTs an operation to a subgraph (by name) or the gateway, as a user or anonymously. */
async function call(
  where: string,
  query: string,
  variables: Record<string, unknown> = {},
  options: { user?: string; accept?: string } = {},
): Promise<Answer> {
  const url = where === "gateway" ? stack.gatewayUrl : `${stack.subgraphs.get(where)!.url}/graphql`;
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (options.accept) headers.accept = options.accept;
  if (options.user) {
    if (!tokens.has(options.user)) tokens.set(options.user, await stack.token(options.user));
    headers.authorization = `Bearer ${tokens.get(options.user)}`;
  }
  // A subgraph is called with the test harness's caller proof (docs/adr/0003).
  const response = await provedFetch(stack, url, {
    method: "POST",
    headers,
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Answer["body"] };
}

/** The one refusal of an answer: code, field and message. */
function refusalOf(answer: Answer) {
  const [error, ...more] = answer.body.errors ?? [];
  expect(more, JSON.stringify(answer.body.errors)).toEqual([]);
  return { code: error?.extensions?.code, field: error?.extensions?.field, message: error?.message };
}

const REGISTER = `mutation ($input: RegisterApplicationInput!) {
  registerApplication(input: $input) { application { id } userErrors { code } } }`;
const REQUEST = `mutation ($justification: String!) {
  requestAccess(input: { roleId: "pecos-ai-viewer", justification: $justification }) { userErrors { code } } }`;
const SEARCH = `query ($search: String) { applications(search: $search) { totalCount } }`;

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.stop();
});

describe("text inputs at the subgraphs", () => {
  it("refuses a NUL in a one-line field before any resolver or SQL runs, and writes nothing", async () => {
    const answer = await call(
      "catalog",
      REGISTER,
      { input: { id: "nul-app", name: "Bad\u0000Name" } },
      { user: "carol" },
    );
    expect(answer.status).toBe(200);
    expect(refusalOf(answer)).toEqual({
      code: "BAD_USER_INPUT",
      field: "input.name",
      message: "input.name: must not contain control characters (found U+0000 at index 3)",
    });
    expect(answer.body.data ?? null).toBeNull();
    expect(answer.headers.get("x-sql-statements")).toBe("0");
    const after = await call("catalog", `{ application(id: "nul-app") { id } }`);
    expect(after.body.data).toEqual({ application: null });
  });

  it("refuses a line break in a one-line field", async () => {
    const answer = await call("catalog", REGISTER, { input: { id: "two-lines", name: "One\nTwo" } }, { user: "carol" });
    expect(refusalOf(answer)).toMatchObject({ field: "input.name", message: expect.stringContaining("U+000A") });
  });

  it("takes tab and line breaks in a multi-line field (input.justification)", async () => {
    const answer = await call(
      "access-roles",
      REQUEST,
      { justification: "I review enrollments.\r\n\tFor my MAC." },
      {
        user: "alice",
      },
    );
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data).toEqual({ requestAccess: { userErrors: [] } });
  });

  it("refuses other control characters in a multi-line field, naming it", async () => {
    const answer = await call(
      "access-roles",
      REQUEST,
      { justification: "Ring the bell\u0007 please" },
      { user: "alice" },
    );
    expect(refusalOf(answer)).toEqual({
      code: "BAD_USER_INPUT",
      field: "input.justification",
      message:
        "input.justification: must not contain control characters other than tab and line breaks (found U+0007 at index 13)",
    });
  });

  it("refuses a string over 10,000 characters where no rule says otherwise", async () => {
    const answer = await call("catalog", SEARCH, { search: "a".repeat(10_001) });
    expect(refusalOf(answer)).toEqual({
      code: "BAD_USER_INPUT",
      field: "search",
      message: "search: must be at most 10000 characters (got 10001)",
    });
    // Below the kit's limit the resolver's own, stricter rule still answers.
    const shorter = await call("catalog", SEARCH, { search: "a".repeat(300) });
    expect(refusalOf(shorter).message).toBe("search: must be at most 200 characters");
  });

  it("takes a policy body up to its own limit of 20,000 characters and refuses one more", async () => {
    const publish = `mutation ($body: String!) { publishPolicyVersion(input: { policyId: "hhs-rules-of-behavior", body: $body }) {
      policyVersion { id } userErrors { code } } }`;
    const long = `${"Rules of behavior.\n".repeat(789)}End.`.padEnd(15_000, ".");
    const accepted = await call("acknowledgements", publish, { body: long }, { user: "erin" });
    expect(accepted.body.errors).toBeUndefined();
    const refused = await call("acknowledgements", publish, { body: "x".repeat(20_001) }, { user: "erin" });
    expect(refusalOf(refused)).toMatchObject({
      field: "input.body",
      message: "input.body: must be at most 20000 characters (got 20001)",
    });
  });

  it("refuses an escaped control character in a literal of the document", async () => {
    const answer = await call("catalog", `{ applications(search: "pecos\\u0000") { totalCount } }`);
    expect(refusalOf(answer)).toMatchObject({ code: "BAD_USER_INPUT", field: "search" });
  });

  it("names the list item at fault (input.notes.1)", async () => {
    const create = `mutation ($input: CreateHelpDeskInput!) { createHelpDesk(input: $input) { helpDesk { id } } }`;
    const answer = await call(
      "help-desks",
      create,
      { input: { name: "Escape Desk", notes: ["Fine.", "Not \u001b[31mfine"] } },
      { user: "dana" },
    );
    expect(refusalOf(answer)).toMatchObject({ field: "input.notes.1", message: expect.stringContaining("U+001B") });
  });

  it("refuses half of a UTF-16 pair, which is not text", async () => {
    const answer = await call("catalog", SEARCH, { search: "broken \ud800 pair" });
    expect(refusalOf(answer)).toMatchObject({ field: "search", message: expect.stringContaining("U+D800") });
  });

  it("answers 400 when the client accepts application/graphql-response+json, as GraphQL over HTTP asks", async () => {
    const answer = await call("catalog", SEARCH, { search: "\u0000" }, { accept: "application/graphql-response+json" });
    expect(answer.status).toBe(400);
    expect(answer.headers.get("content-type")).toMatch(/^application\/graphql-response\+json/);
    expect(refusalOf(answer)).toMatchObject({ code: "BAD_USER_INPUT", field: "search" });
  });

  it("reaches the client through the gateway with its code, field and message", async () => {
    const answer = await call("gateway", REQUEST, { justification: "Null\u0000here" }, { user: "alice" });
    expect(answer.body.errors?.[0]).toMatchObject({
      message:
        "input.justification: must not contain control characters other than tab and line breaks (found U+0000 at index 4)",
      extensions: { code: "BAD_USER_INPUT" },
    });
  });
});

const foreign = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

describe("cursors at every connection", () => {
  type Paged = Record<string, { pageInfo: { endCursor: string } }>;
  let catalogCursor: string;
  let helpDeskCursor: string;
  beforeAll(async () => {
    const page = await call("catalog", `{ applications(first: 1) { pageInfo { endCursor } } }`);
    catalogCursor = (page.body.data as Paged).applications!.pageInfo.endCursor;
    const desks = await call("help-desks", `{ helpDesks(first: 1) { pageInfo { endCursor } } }`);
    helpDeskCursor = (desks.body.data as Paged).helpDesks!.pageInfo.endCursor;
  });

  const connections: [string, string, string, string | undefined][] = [
    ["applications", "catalog", `query ($after: String) { applications(after: $after) { nodes { id } } }`, undefined],
    ["helpDesks", "help-desks", `query ($after: String) { helpDesks(after: $after) { nodes { id } } }`, undefined],
    [
      "approvalQueue",
      "access-roles",
      `query ($after: String) { approvalQueue(after: $after) { nodes { id } } }`,
      "bob",
    ],
    [
      "certificationQueue",
      "access-roles",
      `query ($after: String) { certificationQueue(after: $after) { nodes { id } } }`,
      "bob",
    ],
    ["auditEvents", "access-roles", `query ($after: String) { auditEvents(after: $after) { nodes { id } } }`, "frank"],
    [
      "acknowledgementReport",
      "acknowledgements",
      `query ($after: String) { acknowledgementReport(policyId: "hhs-rules-of-behavior", after: $after) { nodes { user { id } } } }`,
      "frank",
    ],
    [
      "acknowledgements",
      "acknowledgements",
      `query ($after: String) { _entities(representations: [{ __typename: "User", id: "alice" }]) {
        ... on User { acknowledgements(after: $after) { nodes { id } } } } }`,
      "alice",
    ],
  ];

  it.each(connections)(
    "%s refuses another connection's cursor, garbage, and forged positions with BAD_USER_INPUT naming after",
    async (connection, subgraph, query, user) => {
      // A real cursor of another connection (of the same shape where there is one), then garbage, then forgeries.
      const other = connection === "applications" ? helpDeskCursor : catalogCursor;
      const cursors = [other, "not-a-cursor", foreign([connection, 1, 2]), foreign([connection, {}])];
      for (const after of cursors) {
        const answer = await call(subgraph, query, { after }, { user });
        expect(refusalOf(answer), `${connection} after ${after}`).toEqual({
          code: "BAD_USER_INPUT",
          field: "after",
          message: `after: is not a cursor from ${connection}`,
        });
      }
    },
  );

  it("auditEvents refuses a cursor whose id is not a number (it used to reach SQL as NaN)", async () => {
    const answer = await call(
      "access-roles",
      `query ($after: String) { auditEvents(after: $after) { nodes { id } } }`,
      { after: foreign(["auditEvents", "abc"]) },
      { user: "frank" },
    );
    expect(refusalOf(answer)).toMatchObject({
      code: "BAD_USER_INPUT",
      message: "after: is not a cursor from auditEvents",
    });
  });

  it("takes each connection's own cursors", async () => {
    const next = await call(
      "catalog",
      `query ($after: String) { applications(first: 1, after: $after) { nodes { id } } }`,
      {
        after: catalogCursor,
      },
    );
    expect(next.body.errors).toBeUndefined();
    const page = await call(
      "access-roles",
      `{ auditEvents(first: 1) { pageInfo { endCursor } } }`,
      {},
      { user: "frank" },
    );
    const endCursor = (page.body.data as Paged).auditEvents!.pageInfo.endCursor;
    const older = await call(
      "access-roles",
      `query ($after: String) { auditEvents(first: 1, after: $after) { nodes { id } } }`,
      { after: endCursor },
      { user: "frank" },
    );
    expect(older.body.errors).toBeUndefined();
  });
});
