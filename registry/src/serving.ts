/**
 * Safe rollout: a gateway plans against a published schema at once, so a field must be served before it is published.
 * Before a publish goes out the registry asks the subgraph at the routing URL for its SDL (`_service`, with the
 * registry's own caller proof) and refuses when the proposal holds a field or argument the subgraph does not serve
 * yet. Serving more than is published is fine: that is how a removal rolls out (publish first, deploy after).
 */
import { randomUUID } from "node:crypto";
import {
  CALLER_ASSERTION_HEADER,
  readSigningKey,
  signCallerAssertion,
  type CallerSigningKey,
} from "@portal-graph/auth";
import { parse, visit } from "graphql";

/** The schema coordinates an SDL defines: types, `Type.field`, `Type.field.argument`, enum values. */
export function definedCoordinates(sdl: string): Set<string> {
  const defined = new Set<string>();
  let type: string | null = null;
  let field: string | null = null;
  visit(parse(sdl), {
    enter(node) {
      if ("name" in node && node.name && /TypeDefinition$|TypeExtension$/.test(node.kind)) {
        type = node.name.value;
        defined.add(type);
      } else if (node.kind === "FieldDefinition" && type) {
        field = node.name.value;
        defined.add(`${type}.${field}`);
      } else if (node.kind === "InputValueDefinition" && type) {
        // An argument of the field being read, or a field of an input type.
        defined.add(field ? `${type}.${field}.${node.name.value}` : `${type}.${node.name.value}`);
      } else if (node.kind === "EnumValueDefinition" && type) {
        defined.add(`${type}.${node.name.value}`);
      }
    },
    leave(node) {
      if (node.kind === "FieldDefinition") field = null;
      if (/TypeDefinition$|TypeExtension$/.test(node.kind)) type = null;
    },
  });
  return defined;
}

/** What the proposal defines that the served SDL does not. */
export function notServedYet(proposedSdl: string, servedSdl: string): string[] {
  const served = definedCoordinates(servedSdl);
  return [...definedCoordinates(proposedSdl)].filter((coordinate) => !served.has(coordinate)).sort();
}

export interface ServingCheck {
  /** The subgraph's SDL as it serves it now, or why it could not be read. */
  servedSdl(subgraph: string, routingUrl: string): Promise<string>;
}

/** Reads `_service { sdl }` from the subgraph, proving itself with the registry's key (REGISTRY_PROOF_KEY_FILE). */
export function createServingCheck(key: CallerSigningKey | null): ServingCheck {
  return {
    async servedSdl(subgraph, routingUrl) {
      const url = new URL(routingUrl);
      const body = JSON.stringify({ query: "{ _service { sdl } }" });
      const requestId = `registry-${randomUUID()}`;
      const headers: Record<string, string> = { "content-type": "application/json", "x-request-id": requestId };
      if (key) {
        headers[CALLER_ASSERTION_HEADER] = await signCallerAssertion(key, {
          audience: subgraph,
          method: "POST",
          target: `${url.pathname}${url.search}`,
          body,
          requestId,
        });
      }
      let response: Response;
      try {
        response = await fetch(url, { method: "POST", headers, body, signal: AbortSignal.timeout(10_000) });
      } catch (error) {
        throw new Error(`cannot reach ${routingUrl} (${(error as Error).message})`, { cause: error });
      }
      const answer = (await response.json().catch(() => null)) as {
        data?: { _service?: { sdl?: string } };
        errors?: { message: string }[];
      } | null;
      const sdl = answer?.data?._service?.sdl;
      if (!sdl) {
        const reason = answer?.errors?.[0]?.message ?? `status ${response.status}`;
        throw new Error(`${routingUrl} did not give its schema (${reason})`);
      }
      return sdl;
    },
  };
}

/** The registry's caller key, when REGISTRY_PROOF_KEY_FILE names one. */
export function loadRegistrySigningKey(env: NodeJS.ProcessEnv = process.env): CallerSigningKey | null {
  const file = env.REGISTRY_PROOF_KEY_FILE?.trim();
  return file ? readSigningKey(file, "registry", "REGISTRY_PROOF_KEY_FILE") : null;
}
