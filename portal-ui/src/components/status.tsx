import type { CombinedError } from "urql";

/** A polite live region while something loads. */
export function Loading({ what }: { what: string }) {
  return (
    <p className="status" role="status">
      Loading {what}…
    </p>
  );
}

/** The request id of a failed request: the gateway's x-request-id header, else an error's extensions.requestId. */
export function requestIdOf(error: CombinedError): string | undefined {
  const header = (error.response as Response | undefined)?.headers?.get("x-request-id");
  if (header) return header;
  for (const graphQLError of error.graphQLErrors) {
    const id = graphQLError.extensions?.requestId;
    if (typeof id === "string") return id;
  }
  return undefined;
}

/** Subgraphs that did not answer (SUBGRAPH_UNAVAILABLE errors name them in extensions.subgraph). */
export function unavailableSubgraphs(error: CombinedError | undefined): string[] {
  if (!error) return [];
  const names = error.graphQLErrors
    .filter((graphQLError) => graphQLError.extensions?.code === "SUBGRAPH_UNAVAILABLE")
    .map((graphQLError) =>
      String(graphQLError.extensions?.subgraph ?? graphQLError.extensions?.serviceName ?? "a service"),
    );
  return [...new Set(names)];
}

/** Errors other than a subgraph being down: those break the page rather than a part of it. */
export function isPartial(error: CombinedError | undefined): boolean {
  return (
    !!error &&
    !error.networkError &&
    error.graphQLErrors.length > 0 &&
    error.graphQLErrors.every((graphQLError) => graphQLError.extensions?.code === "SUBGRAPH_UNAVAILABLE")
  );
}

/** An error the page cannot work around, with what to quote to the help desk. */
export function ErrorNotice({ error, title = "Something went wrong" }: { error: CombinedError; title?: string }) {
  const requestId = requestIdOf(error);
  const message = error.networkError
    ? "The portal could not reach the graph. Check your connection and try again."
    : error.graphQLErrors.map((graphQLError) => graphQLError.message).join(" ");
  return (
    <div className="notice notice-error" role="alert">
      <h2>{title}</h2>
      <p>{message}</p>
      {requestId && (
        <p>
          Request id: <code className="request-id">{requestId}</code> (quote it to the help desk)
        </p>
      )}
    </div>
  );
}

/** A part of the page whose owner did not answer: greyed, with a message; the rest of the page works. */
export function Unavailable({ what, subgraph }: { what: string; subgraph?: string }) {
  return (
    <div className="unavailable" role="note">
      <p>
        <strong>{what} unavailable right now.</strong> {subgraph ? `The ${subgraph} service did not answer. ` : ""}The
        rest of this page is current; try again in a few minutes.
      </p>
    </div>
  );
}

/** A page-wide note listing the services that did not answer. */
export function PartialNotice({ subgraphs }: { subgraphs: string[] }) {
  if (subgraphs.length === 0) return null;
  return (
    <div className="notice notice-warning" role="status">
      <p>
        Some information is unavailable: {subgraphs.join(", ")} did not answer. Everything else on this page is current.
      </p>
    </div>
  );
}
