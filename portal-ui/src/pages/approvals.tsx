import { useState, type FormEvent } from "react";
import { useMutation, useQuery } from "urql";
import { useSession } from "../auth/session";
import { ErrorNotice, isPartial, Loading, PartialNotice, unavailableSubgraphs } from "../components/status";
import {
  ApprovalQueueDocument,
  DecideAccessRequestDocument,
  type ApprovalQueueQuery,
} from "../graphql/generated/graphql";

type Request = NonNullable<ApprovalQueueQuery["approvalQueue"]>["nodes"][number];

/** The approver's inbox: pending requests the viewer may decide, oldest first, with approve and deny. */
export function ApprovalsPage() {
  const { session, signIn } = useSession();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: ApprovalQueueDocument,
    variables: { first: 20 },
    pause: !session,
  });
  const [announcement, setAnnouncement] = useState("");
  if (!session)
    return (
      <>
        <h1>Approvals</h1>
        <p>
          Sign in to see the access requests waiting for you.{" "}
          <button type="button" className="button-link" onClick={() => signIn()}>
            Sign in
          </button>
        </p>
      </>
    );
  const queue = data?.approvalQueue;
  return (
    <>
      <h1>Approvals</h1>
      <div role="status" className="announcement">
        {announcement && <p className="notice notice-success">{announcement}</p>}
      </div>
      {fetching && !data && <Loading what="requests" />}
      {error && !isPartial(error) && <ErrorNotice error={error} title="The requests could not be loaded" />}
      <PartialNotice subgraphs={unavailableSubgraphs(error)} />
      {queue &&
        (queue.nodes.length === 0 ? (
          <p>No requests are waiting for you.</p>
        ) : (
          <ul className="cards" aria-label="Requests waiting for a decision">
            {queue.nodes.map((request) => (
              <DecisionCard
                key={request.id}
                request={request}
                onDecided={(message) => {
                  setAnnouncement(message);
                  refetch({ requestPolicy: "network-only" });
                }}
              />
            ))}
          </ul>
        ))}
    </>
  );
}

function DecisionCard({ request, onDecided }: { request: Request; onDecided: (message: string) => void }) {
  const [state, decide] = useMutation(DecideAccessRequestDocument);
  const [problem, setProblem] = useState<string | null>(null);
  const who = request.requester.displayName ?? request.requester.id;
  const what = `${request.role.name}${request.role.application ? ` in ${request.role.application.name}` : ""}`;
  const commentId = `comment-${request.id}`;
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const decision = submitter?.value === "REJECTED" ? "REJECTED" : "APPROVED";
    const comment = String(new FormData(event.currentTarget).get("comment") ?? "").trim();
    if (decision === "REJECTED" && !comment) return setProblem("Enter a comment to deny a request.");
    const result = await decide({ input: { requestId: request.id, decision, ...(comment ? { comment } : {}) } });
    const userError = result.data?.decideAccessRequest.userErrors[0];
    if (result.error || userError) return setProblem(userError?.message ?? result.error!.message);
    onDecided(`${decision === "APPROVED" ? "Approved" : "Denied"}: ${who}'s request for ${what}.`);
  };
  return (
    <li className="card">
      <h2>
        {who} asks for {what}
      </h2>
      <dl className="facts">
        <dt>Justification</dt>
        <dd>{request.justification}</dd>
        <dt>Asked</dt>
        <dd>{new Date(request.createdAt).toLocaleString("en-US")}</dd>
        <dt>Lapses</dt>
        <dd>{new Date(request.expiresAt).toLocaleString("en-US")}</dd>
      </dl>
      {(request.blockers ?? []).length > 0 && (
        <ul className="blockers" aria-label="Before this access works">
          {request.blockers!.map((blocker, index) => (
            <li key={index} className="blocker">
              {blocker.message}
            </li>
          ))}
        </ul>
      )}
      <form className="form" onSubmit={(event) => void submit(event)} aria-label={`Decide ${who}'s request`}>
        <div className="field">
          <label htmlFor={commentId}>Comment (required to deny)</label>
          <textarea id={commentId} name="comment" rows={2} />
        </div>
        {problem && (
          <p role="alert" className="notice notice-error">
            {problem}
          </p>
        )}
        {state.error && <ErrorNotice error={state.error} />}
        <div className="actions">
          <button type="submit" name="decision" value="APPROVED" className="button" disabled={state.fetching}>
            Approve
          </button>
          <button type="submit" name="decision" value="REJECTED" className="button-danger" disabled={state.fetching}>
            Deny
          </button>
        </div>
      </form>
    </li>
  );
}
