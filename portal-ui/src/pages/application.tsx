import { useState, type FormEvent } from "react";
import { Link, useParams } from "react-router";
import { useMutation, useQuery } from "urql";
import { useSession } from "../auth/session";
import { ComplianceNotice } from "../components/compliance-notice";
import { HelpDesks } from "../components/help-desks";
import { Readiness } from "../components/readiness";
import {
  ErrorNotice,
  isPartial,
  Loading,
  PartialNotice,
  Unavailable,
  unavailableSubgraphs,
} from "../components/status";
import { ApplicationPageDocument, RequestAccessDocument } from "../graphql/generated/graphql";

/** An application: what it is, its links and former names, its help desks, readiness, and asking for a role. */
export function ApplicationPage() {
  const { id = "" } = useParams();
  const { session } = useSession();
  const [{ data, fetching, error }, refetch] = useQuery({ query: ApplicationPageDocument, variables: { id } });
  if (fetching && !data) return <Loading what="the application" />;
  const application = data?.application;
  if (error && !isPartial(error)) return <ErrorNotice error={error} title="The application could not be loaded" />;
  if (!application)
    return (
      <>
        <h1>Application not found</h1>
        <p>
          No application has the id “{id}”. <Link to="/">Back to the applications</Link>
        </p>
      </>
    );
  const down = unavailableSubgraphs(error);
  const requestable = (application.roles ?? []).filter((role) => role.requestable);
  return (
    <article aria-labelledby="application-title">
      <p>
        <Link to="/">← All applications</Link>
      </p>
      <h1 id="application-title">
        {application.name}
        {application.acronym && application.acronym !== application.name ? ` (${application.acronym})` : ""}
      </h1>
      <ComplianceNotice />
      <PartialNotice subgraphs={down} />
      {application.lifecycle !== "ACTIVE" && (
        <p className={`lifecycle lifecycle-${application.lifecycle.toLowerCase()}`}>
          {application.lifecycle.toLowerCase()}
          {application.sunsetOn && `, sunset on ${application.sunsetOn}`}
          {application.replacedBy && (
            <>
              ; replaced by <Link to={`/applications/${application.replacedBy.id}`}>{application.replacedBy.name}</Link>
            </>
          )}
        </p>
      )}
      {application.description && <p className="description">{application.description}</p>}
      <dl className="facts">
        {application.formerNames.length > 0 && (
          <>
            <dt>Formerly</dt>
            <dd>{application.formerNames.join(", ")}</dd>
          </>
        )}
        {application.category && (
          <>
            <dt>Category</dt>
            <dd>{application.category}</dd>
          </>
        )}
      </dl>

      <section aria-labelledby="readiness-title" className="section">
        <h2 id="readiness-title">Can you use it now?</h2>
        <Readiness
          readiness={application.viewerReadiness}
          applicationId={application.id}
          applicationName={application.acronym ?? application.name}
          launchUrl={application.launchUrl}
          helpUnavailable={down.includes("help-desks") ? "help-desks" : undefined}
        />
      </section>

      {application.links.length > 0 && (
        <section aria-labelledby="links-title" className="section">
          <h2 id="links-title">Links</h2>
          <ul>
            {application.links.map((link) => (
              <li key={link.url}>
                <a href={link.url} rel="noreferrer">
                  {link.title}
                </a>{" "}
                <span className="meta">({link.kind.replace(/_/g, " ").toLowerCase()})</span>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="help-title" className="section">
        <h2 id="help-title">Help desks</h2>
        {application.helpDesks ? (
          <HelpDesks assignments={application.helpDesks} />
        ) : (
          <Unavailable what="Help desks" subgraph={down.includes("help-desks") ? "help-desks" : undefined} />
        )}
      </section>

      <section aria-labelledby="request-title" className="section" id="request-access">
        <h2 id="request-title">Request access</h2>
        {!application.roles ? (
          <Unavailable what="Roles" subgraph={down.includes("access-roles") ? "access-roles" : undefined} />
        ) : !session ? (
          <p>Sign in to request a role in this application.</p>
        ) : requestable.length === 0 ? (
          <p>No role in this application can be requested here.</p>
        ) : (
          <RequestAccessForm roles={requestable} onRequested={() => refetch({ requestPolicy: "network-only" })} />
        )}
      </section>
    </article>
  );
}

function RequestAccessForm({
  roles,
  onRequested,
}: {
  roles: { id: string; name: string; description?: string | null; privileged: boolean }[];
  onRequested: () => void;
}) {
  const [state, requestAccess] = useMutation(RequestAccessDocument);
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string } | null>(null);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const roleId = String(form.get("role") ?? "");
    const justification = String(form.get("justification") ?? "").trim();
    if (!justification) return setOutcome({ ok: false, message: "Enter a business justification." });
    const result = await requestAccess({ input: { roleId, justification } });
    const userError = result.data?.requestAccess.userErrors[0];
    if (result.error || userError)
      return setOutcome({ ok: false, message: userError?.message ?? result.error!.message });
    const role = roles.find((candidate) => candidate.id === roleId);
    setOutcome({ ok: true, message: `Your request for ${role?.name ?? roleId} was sent; an approver will decide.` });
    onRequested();
  };
  return (
    <form className="form" onSubmit={(event) => void submit(event)}>
      <div className="field">
        <label htmlFor="request-role">Role</label>
        <select id="request-role" name="role">
          {roles.map((role) => (
            <option key={role.id} value={role.id}>
              {role.name}
              {role.privileged ? " (privileged)" : ""}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="request-justification">Business justification (required)</label>
        <textarea id="request-justification" name="justification" rows={3} required aria-required="true" />
      </div>
      <div role="status">
        {outcome && <p className={outcome.ok ? "notice notice-success" : "notice notice-error"}>{outcome.message}</p>}
      </div>
      {state.error && <ErrorNotice error={state.error} />}
      <button type="submit" className="button" disabled={state.fetching}>
        Request access
      </button>
    </form>
  );
}
