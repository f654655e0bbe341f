import { useState, type FormEvent } from "react";
import { Link, useSearchParams } from "react-router";
import { useQuery } from "urql";
import { ComplianceNotice } from "../components/compliance-notice";
import { Readiness } from "../components/readiness";
import { ErrorNotice, isPartial, Loading, PartialNotice, unavailableSubgraphs } from "../components/status";
import { CatalogDocument, type Lifecycle } from "../graphql/generated/graphql";

const PAGE_SIZE = 10;
const LIFECYCLES: { value: "" | Lifecycle; label: string }[] = [
  { value: "", label: "Any" },
  { value: "ACTIVE", label: "Active" },
  { value: "DEPRECATED", label: "Deprecated" },
  { value: "RETIRED", label: "Retired" },
];

/** The catalog: search, a lifecycle filter and cursor paging, with readiness next to each launch button. */
export function CatalogPage() {
  const [params, setParams] = useSearchParams();
  const search = params.get("q") ?? "";
  const lifecycle = (params.get("lifecycle") ?? "") as "" | Lifecycle;
  // Cursors of the pages before this one, for "Previous".
  const [cursors, setCursors] = useState<(string | null)[]>([]);
  const [after, setAfter] = useState<string | null>(null);
  const [{ data, fetching, error }] = useQuery({
    query: CatalogDocument,
    variables: { search: search || null, lifecycle: lifecycle ? [lifecycle] : null, first: PAGE_SIZE, after },
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    const q = String(form.get("q") ?? "").trim();
    const lc = String(form.get("lifecycle") ?? "");
    if (q) next.set("q", q);
    if (lc) next.set("lifecycle", lc);
    setCursors([]);
    setAfter(null);
    setParams(next);
  };

  const connection = data?.applications;
  const down = unavailableSubgraphs(error);
  const page = cursors.length + 1;
  return (
    <>
      <h1>Applications</h1>
      <ComplianceNotice />
      <form role="search" className="search" onSubmit={submit} key={`${search}|${lifecycle}`}>
        <div className="field">
          <label htmlFor="search-q">Search applications</label>
          <input
            id="search-q"
            name="q"
            type="search"
            defaultValue={search}
            placeholder="Name, acronym or former name"
          />
        </div>
        <div className="field">
          <label htmlFor="search-lifecycle">Lifecycle</label>
          <select id="search-lifecycle" name="lifecycle" defaultValue={lifecycle}>
            {LIFECYCLES.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          Search
        </button>
      </form>
      {fetching && !data && <Loading what="applications" />}
      {error && !isPartial(error) && <ErrorNotice error={error} title="The applications could not be loaded" />}
      <PartialNotice subgraphs={down} />
      {connection && (
        <>
          <p role="status" className="result-count">
            {connection.totalCount === 0
              ? search
                ? `No applications match “${search}”.`
                : "No applications to show."
              : `${connection.totalCount} application${connection.totalCount === 1 ? "" : "s"}${search ? ` match “${search}”` : ""}; page ${page}.`}
          </p>
          <ul className="cards" aria-label="Applications">
            {connection.nodes.map((application) => (
              <li key={application.id} className="card">
                <h2>
                  <Link to={`/applications/${application.id}`}>
                    {application.name}
                    {application.acronym && application.acronym !== application.name ? ` (${application.acronym})` : ""}
                  </Link>
                </h2>
                {application.lifecycle !== "ACTIVE" && (
                  <p className={`lifecycle lifecycle-${application.lifecycle.toLowerCase()}`}>
                    {application.lifecycle.toLowerCase()}
                  </p>
                )}
                {application.description && <p className="description">{application.description}</p>}
                <Readiness
                  readiness={application.viewerReadiness}
                  applicationId={application.id}
                  applicationName={application.acronym ?? application.name}
                  launchUrl={application.launchUrl}
                  helpUnavailable={down.includes("help-desks") ? "help-desks" : undefined}
                />
              </li>
            ))}
          </ul>
          <nav className="pager" aria-label="Pages of applications">
            <button
              type="button"
              className="button-secondary"
              disabled={cursors.length === 0}
              onClick={() => {
                setAfter(cursors.at(-1) ?? null);
                setCursors(cursors.slice(0, -1));
              }}
            >
              Previous page
            </button>
            <button
              type="button"
              className="button-secondary"
              disabled={!connection.pageInfo.hasNextPage}
              onClick={() => {
                setCursors([...cursors, after]);
                setAfter(connection.pageInfo.endCursor);
              }}
            >
              Next page
            </button>
          </nav>
        </>
      )}
    </>
  );
}
