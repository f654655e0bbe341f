import type { ApolloServerPlugin } from "@apollo/server";
import { prefersGraphQLResponseJson } from "@portal-graph/http-kit";
import {
  getNamedType,
  getNullableType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isObjectType,
  isScalarType,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ValueNode,
} from "graphql";
import type { SubgraphContext } from "./context.js";
import { PortalError } from "./errors.js";

/** The longest string any argument or input field takes unless its rule says otherwise, in characters. */
export const DEFAULT_MAX_TEXT_LENGTH = 10_000;

/** What one text input accepts beyond (or below) the defaults. */
export interface TextInputRule {
  /** Multi-line text: tab, line feed and carriage return are allowed (other control characters never are). */
  multiline?: boolean;
  /** Longest value in characters (default DEFAULT_MAX_TEXT_LENGTH). */
  maxLength?: number;
}

/**
 * Exceptions to the text rules by schema coordinate: `Type.field` for an input field (`RequestAccessInput.justification`),
 * `Type.field(arg:)` for an argument (`Query.applications(search:)`).
 */
export type TextInputRules = Record<string, TextInputRule>;

// C0 and C1 control characters and DEL, and UTF-16 halves without their pair (not text in any encoding; with the u
// flag a surrogate range matches only unpaired halves).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\ud800-\udfff]/u;
// The same less tab, line feed and carriage return.
// eslint-disable-next-line no-control-regex
const CONTROL_BUT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ud800-\udfff]/u;

/**
 * An Apollo plugin that refuses, before any resolver runs, a string anywhere in the operation's arguments (literal or
 * from variables, however deep in input objects and lists) that holds a control character (single-line text: any;
 * multi-line text: any but tab and line breaks) or is longer than its limit. The refusal is BAD_USER_INPUT naming
 * the argument path (`input.justification`, `input.notes.2`); its HTTP status follows GraphQL over HTTP: 400 for
 * application/graphql-response+json, 200 for application/json (so the gateway passes its code and message on).
 * Unknown coordinates in `rules` throw at once, so a renamed field cannot silently lose its rule.
 */
export function inputHygienePlugin(
  schema: GraphQLSchema,
  rules: TextInputRules = {},
): ApolloServerPlugin<SubgraphContext> {
  checkCoordinates(schema, rules);
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request }) {
          if (!operation) return;
          const refusal = findRefusal(schema, document, operation, request.variables ?? {}, rules);
          if (!refusal) return;
          const status = prefersGraphQLResponseJson(request.http?.headers.get("accept")) ? 400 : 200;
          throw new PortalError("BAD_USER_INPUT", `${refusal.path}: ${refusal.rule}`, {
            field: refusal.path,
            http: { status },
          });
        },
      };
    },
  };
}

interface Refusal {
  path: string;
  rule: string;
}

type Checker = (text: string, path: string, coordinate: string | null) => Refusal | null;

/** One argument as written in the document: what it takes, its value node, its path and its schema coordinate. */
interface ArgumentSite {
  type: GraphQLInputType;
  node: ValueNode;
  path: string;
  coordinate: string | null;
}

// A document's argument sites depend on the document alone, and Apollo keeps each parsed document, so the walk with
// type information runs once per document; each request then reads only its literals and variable values.
const sitesBySchema = new WeakMap<GraphQLSchema, WeakMap<OperationDefinitionNode, ArgumentSite[]>>();

/** Every argument in the operation and the document's fragments, with its input type, in document order. */
function argumentSites(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode) {
  let byOperation = sitesBySchema.get(schema);
  if (!byOperation) sitesBySchema.set(schema, (byOperation = new WeakMap()));
  const known = byOperation.get(operation);
  if (known) return known;
  const sites: ArgumentSite[] = [];
  const typeInfo = new TypeInfo(schema);
  const fragments = document.definitions.filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION);
  for (const root of [operation, ...fragments]) {
    visit(
      root,
      visitWithTypeInfo(typeInfo, {
        Argument(node) {
          const argument = typeInfo.getArgument();
          if (!argument) return false;
          const parent = typeInfo.getParentType();
          const field = typeInfo.getFieldDef();
          const coordinate = parent && field ? `${parent.name}.${field.name}(${argument.name}:)` : null;
          sites.push({ type: argument.type, node: node.value, path: argument.name, coordinate });
          return false;
        },
      }),
    );
  }
  byOperation.set(operation, sites);
  return sites;
}

/** The first string in the operation's arguments that breaks its rule, or null. */
function findRefusal(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  rules: TextInputRules,
): Refusal | null {
  const defaults = new Map<string, ValueNode | undefined>();
  for (const definition of operation.variableDefinitions ?? []) {
    defaults.set(definition.variable.name.value, definition.defaultValue);
  }
  const checkText: Checker = (text, path, coordinate) =>
    textRefusal(text, path, (coordinate ? rules[coordinate] : undefined) ?? {});
  const scope = { variables, defaults, checkText };
  for (const site of argumentSites(schema, document, operation)) {
    const refusal = literalRefusal(site.type, site.node, site.path, site.coordinate, scope);
    if (refusal) return refusal;
  }
  return null;
}

interface LiteralScope {
  variables: Record<string, unknown>;
  defaults: Map<string, ValueNode | undefined>;
  checkText: Checker;
}

/** Walks a literal from the document; a variable in it continues with the variable's value (or its default). */
function literalRefusal(
  type: GraphQLInputType,
  node: ValueNode,
  path: string,
  coordinate: string | null,
  scope: LiteralScope,
): Refusal | null {
  if (node.kind === Kind.VARIABLE) {
    const name = node.name.value;
    if (name in scope.variables) return valueRefusal(type, scope.variables[name], path, coordinate, scope.checkText);
    const fallback = scope.defaults.get(name);
    return fallback ? literalRefusal(type, fallback, path, coordinate, scope) : null;
  }
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    const items = node.kind === Kind.LIST ? node.values : [node];
    for (const [index, item] of items.entries()) {
      const itemPath = node.kind === Kind.LIST ? `${path}.${index}` : path;
      const found = literalRefusal(nullable.ofType, item, itemPath, coordinate, scope);
      if (found) return found;
    }
    return null;
  }
  if (isInputObjectType(nullable)) {
    if (node.kind !== Kind.OBJECT) return null;
    const fields = nullable.getFields();
    for (const entry of node.fields) {
      const field = fields[entry.name.value];
      if (!field) continue;
      const found = literalRefusal(
        field.type,
        entry.value,
        `${path}.${field.name}`,
        `${nullable.name}.${field.name}`,
        scope,
      );
      if (found) return found;
    }
    return null;
  }
  return isScalarType(nullable) && node.kind === Kind.STRING ? scope.checkText(node.value, path, coordinate) : null;
}

/** Walks a variable's JSON value; list coercion of a single value is followed as GraphQL does. */
function valueRefusal(
  type: GraphQLInputType,
  value: unknown,
  path: string,
  coordinate: string | null,
  checkText: Checker,
): Refusal | null {
  if (value === null || value === undefined) return null;
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    if (!Array.isArray(value)) return valueRefusal(nullable.ofType, value, path, coordinate, checkText);
    for (const [index, item] of value.entries()) {
      const found = valueRefusal(nullable.ofType, item, `${path}.${index}`, coordinate, checkText);
      if (found) return found;
    }
    return null;
  }
  if (isInputObjectType(nullable)) {
    if (typeof value !== "object" || Array.isArray(value)) return null;
    const fields = nullable.getFields();
    for (const [name, fieldValue] of Object.entries(value)) {
      const field = fields[name];
      if (!field) continue;
      const found = valueRefusal(field.type, fieldValue, `${path}.${name}`, `${nullable.name}.${name}`, checkText);
      if (found) return found;
    }
    return null;
  }
  return isScalarType(nullable) && typeof value === "string" ? checkText(value, path, coordinate) : null;
}

function textRefusal(text: string, path: string, rule: TextInputRule): Refusal | null {
  const max = rule.maxLength ?? DEFAULT_MAX_TEXT_LENGTH;
  // UTF-16 length is never less than the code point count, so only long strings need counting.
  if (text.length > max) {
    const characters = [...text].length;
    if (characters > max) return { path, rule: `must be at most ${max} characters (got ${characters})` };
  }
  const found = (rule.multiline ? CONTROL_BUT_LINES : CONTROL).exec(text);
  if (found) {
    const code = found[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0");
    const allowed = rule.multiline ? "other than tab and line breaks " : "";
    return { path, rule: `must not contain control characters ${allowed}(found U+${code} at index ${found.index})` };
  }
  return null;
}

const COORDINATE = /^(\w+)\.(\w+)(?:\((\w+):\))?$/;

/** The type a rule's coordinate names, or undefined when the schema has no such input field or argument. */
function ruleTarget(schema: GraphQLSchema, coordinate: string): GraphQLInputType | undefined {
  const match = COORDINATE.exec(coordinate);
  if (!match) return undefined;
  const [, typeName, fieldName, argumentName] = match;
  const type = schema.getType(typeName!);
  if (argumentName) {
    if (!isObjectType(type) && !isInterfaceType(type)) return undefined;
    return type.getFields()[fieldName!]?.args.find((argument) => argument.name === argumentName)?.type;
  }
  return isInputObjectType(type) ? type.getFields()[fieldName!]?.type : undefined;
}

function checkCoordinates(schema: GraphQLSchema, rules: TextInputRules): void {
  for (const coordinate of Object.keys(rules)) {
    const type = ruleTarget(schema, coordinate);
    const named = type && getNamedType(type);
    // Text is String, ID or a custom scalar written as a string; numbers and booleans hold none.
    if (!named || !isScalarType(named) || ["Int", "Float", "Boolean"].includes(named.name)) {
      throw new Error(`text input rule "${coordinate}" names no String input field or argument of this schema`);
    }
  }
}
