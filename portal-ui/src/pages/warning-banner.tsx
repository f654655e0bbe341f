import { useState } from "react";
import { useMutation, useQuery } from "urql";
import { useSession } from "../auth/session";
import { ErrorNotice, Loading } from "../components/status";
import { AcknowledgePolicyDocument, PolicyTextDocument } from "../graphql/generated/graphql";

/** The HHS warning banner, accepted at every sign-in before anything else; declining signs out. */
export function WarningBannerPage() {
  const { update, signOut } = useSession();
  const [{ data, fetching, error }] = useQuery({ query: PolicyTextDocument, variables: { id: "hhs-warning-banner" } });
  const [acknowledged, acknowledge] = useMutation(AcknowledgePolicyDocument);
  const [problem, setProblem] = useState<string | null>(null);
  if (fetching && !data) return <Loading what="the warning banner" />;
  const version = data?.policy?.currentVersion;
  if (!data?.policy || !version) {
    return error ? (
      <ErrorNotice error={error} title="The warning banner could not be shown" />
    ) : (
      <p role="alert">The warning banner could not be shown.</p>
    );
  }
  const accept = async () => {
    const result = await acknowledge({ input: { policyVersionId: version.id, method: "ELECTRONIC" } });
    const userError = result.data?.acknowledgePolicy.userErrors[0];
    if (result.error || userError) return setProblem(userError?.message ?? result.error!.message);
    update({ bannerAccepted: true });
  };
  return (
    <section aria-labelledby="banner-title" className="banner-page">
      <h1 id="banner-title">{data.policy.title}</h1>
      <div className="policy-body">{version.body}</div>
      {problem && (
        <p role="alert" className="notice notice-error">
          {problem}
        </p>
      )}
      {acknowledged.error && <ErrorNotice error={acknowledged.error} />}
      <div className="actions">
        <button type="button" className="button" onClick={() => void accept()} disabled={acknowledged.fetching}>
          Accept
        </button>
        <button type="button" className="button-secondary" onClick={signOut}>
          Decline and sign out
        </button>
      </div>
    </section>
  );
}
