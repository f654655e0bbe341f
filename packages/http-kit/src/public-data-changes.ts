/**
 * How a subgraph tells the gateway that a write changed data the gateway may have cached: the answer to the mutation
 * carries this header, listing tags such as `Application:pecos-ai` (type, colon, id) or a bare type name. The gateway
 * reads it from the subgraph's answer and never passes it on to its client.
 */
export const PUBLIC_DATA_CHANGES_HEADER = "x-public-data-changes";

// A tag is a type name, optionally with an id: nothing that could break a header or smuggle a second one.
const TAG = /^[A-Za-z_][A-Za-z0-9_]*(:[A-Za-z0-9._-]{1,200})?$/;

/** True when the tag is a type name, optionally followed by `:` and an id. */
export function isChangeTag(tag: string): boolean {
  return TAG.test(tag);
}

/** The tags of a header value (comma-separated); malformed ones are dropped. */
export function parseChangeTags(value: string | null | undefined): string[] {
  if (!value) return [];
  return value
    .split(",")
    .map((tag) => tag.trim())
    .filter(isChangeTag);
}
