// Shared by the write tests; kept out of the build (tsconfig.build.json excludes *.test-support.ts).
import type { GraphQLFormattedError } from "graphql";
import { devViewer } from "@portal-graph/auth/dev-issuer";
import type { Viewer } from "@portal-graph/subgraph-kit";
import type { TestSubgraph } from "@portal-graph/subgraph-kit/testing";
import { ApplicationChange } from "./application-change.entity.js";
import { Application, ApplicationLinkRow, ApplicationTagRow } from "./application.entity.js";

/** A portal admin, a plain user, a member of the seeded owner group pecos-team, a member of another group. */
export const ADMIN = devViewer("carol");
export const PLAIN = devViewer("alice");
export const PECOS_MEMBER = devViewer("pat", ["pecos-team"]);
export const OTHER_TEAM = devViewer("otto", ["other-team"]);

const FIELDS = `application {
  id name acronym formerNames description category launchUrl ownerGroup lifecycle sunsetOn
  replacedBy { id lifecycle } tags links { kind title url } updatedAt
}
userErrors { field message code }`;

/** One document per write, each selecting the whole payload. */
export const DOCUMENTS = {
  registerApplication: `mutation ($input: RegisterApplicationInput!) { registerApplication(input: $input) { ${FIELDS} } }`,
  updateApplication: `mutation ($input: UpdateApplicationInput!) { updateApplication(input: $input) { ${FIELDS} } }`,
  deprecateApplication: `mutation ($input: DeprecateApplicationInput!) { deprecateApplication(input: $input) { ${FIELDS} } }`,
  retireApplication: `mutation ($input: RetireApplicationInput!) { retireApplication(input: $input) { ${FIELDS} } }`,
} as const;

export type WriteName = keyof typeof DOCUMENTS;

/** An application as the payload selects it. */
export interface AppView {
  id: string;
  name: string;
  acronym: string | null;
  formerNames: string[];
  description: string | null;
  category: string | null;
  launchUrl: string | null;
  ownerGroup: string | null;
  lifecycle: string;
  sunsetOn: string | null;
  replacedBy: { id: string; lifecycle: string } | null;
  tags: string[];
  links: { kind: string; title: string; url: string }[];
  /** The DateTime scalar as executed in-process: a Date. */
  updatedAt: Date;
}

export interface UserErrorView {
  field: string[];
  message: string;
  code: string;
}

export interface PayloadView {
  application: AppView | null;
  userErrors: UserErrorView[];
}

/** Runs one write as the viewer (anonymous for null); payload is null when the field errored. */
export async function write(
  catalog: TestSubgraph,
  name: WriteName,
  input: Record<string, unknown>,
  viewer: Viewer | null,
): Promise<{ payload: PayloadView | null; errors?: readonly GraphQLFormattedError[] }> {
  const result = await catalog.execute<Record<WriteName, PayloadView>>(DOCUMENTS[name], { input }, { viewer });
  return { payload: result.data?.[name] ?? null, errors: result.errors };
}

/** Runs a write that must succeed, and returns the application it wrote. */
export async function written(
  catalog: TestSubgraph,
  name: WriteName,
  input: Record<string, unknown>,
  viewer: Viewer = ADMIN,
): Promise<AppView> {
  const { payload, errors } = await write(catalog, name, input, viewer);
  if (errors?.length || !payload?.application || payload.userErrors.length) {
    throw new Error(`${name} failed: ${JSON.stringify({ errors, payload })}`);
  }
  return payload.application;
}

/** Registers a test application (as an admin), owned by pecos-team unless told otherwise. */
export function registerFixture(catalog: TestSubgraph, id: string, extra: Record<string, unknown> = {}) {
  return written(catalog, "registerApplication", {
    id,
    name: `Fixture ${id}`,
    acronym: id.toUpperCase(),
    description: "A test application.",
    ownerGroup: "pecos-team",
    tags: ["fixture"],
    links: [{ kind: "HOME", title: "Home", url: `https://example.org/${id}` }],
    ...extra,
  });
}

/** Everything a write could touch for one application, and the sizes of the tables, straight from the database. */
export async function stored(catalog: TestSubgraph, id: string) {
  const db = catalog.dataSource;
  return {
    application: await db.getRepository(Application).findOneBy({ id }),
    links: await db
      .getRepository(ApplicationLinkRow)
      .find({ where: { applicationId: id }, order: { position: "ASC" } }),
    tags: await db.getRepository(ApplicationTagRow).find({ where: { applicationId: id }, order: { tag: "ASC" } }),
    applications: await db.getRepository(Application).count(),
    changes: await db.getRepository(ApplicationChange).count(),
  };
}

/** The change-log rows of an application, oldest first. */
export function changesOf(catalog: TestSubgraph, id: string): Promise<ApplicationChange[]> {
  return catalog.dataSource
    .getRepository(ApplicationChange)
    .find({ where: { applicationId: id }, order: { id: "ASC" } });
}

/** The codes of a payload's userErrors with their fields, for compact expectations. */
export function refusals(payload: PayloadView | null): string[] {
  return (payload?.userErrors ?? []).map((error) => `${error.field.join(".")}:${error.code}`);
}
