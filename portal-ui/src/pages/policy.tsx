import { useState } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import { useMutation, useQuery } from "urql";
import { useSession } from "../auth/session";
import { ErrorNotice, Loading } from "../components/status";
import { AcknowledgePolicyDocument, PolicyTextDocument } from "../graphql/generated/graphql";

/** A policy's current text, to read and acknowledge (the Rules of Behavior, an application's own rules...). */
export function PolicyPage() {
  const { id = "" } = useParams();
  const [search] = useSearchParams();
  const applicationId = search.get("application");
  const { session, signIn } = useSession();
  const [{ data, fetching, error }] = useQuery({ query: PolicyTextDocument, variables: { id } });
  const [acknowledged, acknowledge] = useMutation(AcknowledgePolicyDocument);
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string } | null>(null);
  if (fetching && !data) return <Loading what="the policy" />;
  if (error && !data?.policy) return <ErrorNotice error={error} title="The policy could not be shown" />;
  const policy = data?.policy;
  const version = policy?.currentVersion;
  if (!policy || !version)
    return (
      <>
        <h1>Policy not found</h1>
        <p>
          There is no policy with this id in effect. <Link to="/">Back to the applications</Link>
        </p>
      </>
    );
  const submit = async () => {
    const result = await acknowledge({
      input: { policyVersionId: version.id, method: "ELECTRONIC", ...(applicationId ? { applicationId } : {}) },
    });
    const userError = result.data?.acknowledgePolicy.userErrors[0];
    if (result.error || userError)
      return setOutcome({ ok: false, message: userError?.message ?? result.error!.message });
    setOutcome({ ok: true, message: `You acknowledged ${policy.title} (version ${version.version}).` });
  };
  return (
    <article aria-labelledby="policy-title">
      <h1 id="policy-title">{policy.title}</h1>
      <p className="meta">
        Version {version.version}, in effect since {version.effectiveOn}
      </p>
      <div className="policy-body">{version.body}</div>
      <div role="status">
        {outcome && <p className={outcome.ok ? "notice notice-success" : "notice notice-error"}>{outcome.message}</p>}
      </div>
      {acknowledged.error && <ErrorNotice error={acknowledged.error} />}
      {session ? (
        !outcome?.ok && (
          <button type="button" className="button" onClick={() => void submit()} disabled={acknowledged.fetching}>
            I have read and acknowledge {policy.title}
          </button>
        )
      ) : (
        <p>
          <button type="button" className="button" onClick={() => signIn()}>
            Sign in to acknowledge
          </button>
        </p>
      )}
      <p>
        <Link to={applicationId ? `/applications/${applicationId}` : "/"}>
          {applicationId ? "Back to the application" : "Back to the applications"}
        </Link>
      </p>
    </article>
  );
}
