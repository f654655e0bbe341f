import { Link } from "react-router";
import { useQuery } from "urql";
import { useSession } from "../auth/session";
import { ViewerDocument } from "../graphql/generated/graphql";

const DUE = new Set(["NEVER_ACKNOWLEDGED", "EXPIRED", "NEW_VERSION"]);

/** Tells a signed-in user when the Rules of Behavior (or another portal-wide policy) are due, with a link to them. */
export function ComplianceNotice() {
  const { session } = useSession();
  const [{ data }] = useQuery({ query: ViewerDocument, pause: !session });
  const due = (data?.me?.compliance?.requirements ?? []).filter(
    (requirement) =>
      requirement.policy.kind !== "WARNING_BANNER" &&
      (DUE.has(requirement.status) || requirement.status === "DUE_SOON"),
  );
  if (!session || due.length === 0) return null;
  return (
    <div className="notice notice-warning" role="region" aria-label="Policies to acknowledge">
      <ul>
        {due.map((requirement) => (
          <li key={requirement.policy.id}>
            {DUE.has(requirement.status)
              ? `You must acknowledge ${requirement.policy.title} before you use the applications that require it.`
              : `Your acknowledgement of ${requirement.policy.title} is due by ${requirement.dueBy}.`}{" "}
            <Link to={`/policies/${requirement.policy.id}`}>Read and acknowledge {requirement.policy.title}</Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
