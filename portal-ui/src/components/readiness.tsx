import { Link } from "react-router";
import { useSession } from "../auth/session";
import type { ReadinessPartsFragment } from "../graphql/generated/graphql";
import { Unavailable } from "./status";

type Blocker = ReadinessPartsFragment["blockers"][number];

function formatDateTime(value: string): string {
  return new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short" }).format(new Date(value));
}

/** What to do about one blocker: the action next to its message. */
function BlockerAction({ blocker, applicationId }: { blocker: Blocker; applicationId: string }) {
  const { signIn } = useSession();
  switch (blocker.__typename) {
    case "SignInRequiredBlocker":
      return (
        <button type="button" className="button-link" onClick={() => signIn()}>
          Sign in
        </button>
      );
    case "AcknowledgementRequiredBlocker":
      return blocker.policyVersion ? (
        <Link to={`/policies/${blocker.policyVersion.policy.id}?application=${applicationId}`}>
          Read and acknowledge {blocker.policyVersion.policy.title}
        </Link>
      ) : null;
    case "RoleRequiredBlocker":
      return blocker.requestableRoles && blocker.requestableRoles.length > 0 ? (
        <Link to={`/applications/${applicationId}#request-access`}>Request a role</Link>
      ) : (
        <span>No role can be requested: contact the help desk.</span>
      );
    case "RequestPendingBlocker":
      return <span>Requested {formatDateTime(blocker.requestedAt)}; an approver will decide.</span>;
    case "GrantAwaitingPrerequisitesBlocker":
      return (
        <span>
          Missing:{" "}
          {(blocker.grant?.missingPrerequisites ?? []).map((kind) => kind.replace(/_/g, " ").toLowerCase()).join(", ")}
        </span>
      );
    case "MfaRequiredBlocker":
      return (
        <button type="button" className="button-link" onClick={() => signIn()}>
          Sign in again with {blocker.factors.join(" or ")}
        </button>
      );
    case "ApplicationRetiredBlocker":
      return blocker.replacement ? (
        <Link to={`/applications/${blocker.replacement.id}`}>Use {blocker.replacement.name} instead</Link>
      ) : null;
    default:
      return null;
  }
}

/** Readiness next to a launch button: launch, or what is missing in the order to resolve it, and who can help. */
export function Readiness({
  readiness,
  applicationId,
  applicationName,
  launchUrl,
  helpUnavailable,
}: {
  readiness: ReadinessPartsFragment | null | undefined;
  applicationId: string;
  applicationName: string;
  launchUrl: string | null | undefined;
  helpUnavailable?: string;
}) {
  if (!readiness) return <Unavailable what="Readiness" subgraph="catalog" />;
  return (
    <div className="readiness">
      {readiness.canLaunch && launchUrl ? (
        <a className="button" href={launchUrl} rel="noreferrer">
          Launch {applicationName}
        </a>
      ) : (
        <button type="button" className="button" disabled aria-describedby={`blockers-${applicationId}`}>
          Launch {applicationName}
        </button>
      )}
      {readiness.blockers.length > 0 && (
        <ul
          className="blockers"
          id={`blockers-${applicationId}`}
          aria-label={`Before you can launch ${applicationName}`}
        >
          {readiness.blockers.map((blocker, index) => (
            <li
              key={index}
              className={blocker.kind === "UNKNOWN" ? "blocker blocker-unknown" : "blocker"}
              data-kind={blocker.kind}
            >
              <span className="blocker-message">{blocker.message}</span>{" "}
              <BlockerAction blocker={blocker} applicationId={applicationId} />
            </li>
          ))}
        </ul>
      )}
      {helpUnavailable ? (
        <Unavailable what="Help desk information" subgraph={helpUnavailable} />
      ) : readiness.help ? (
        <p className="help">
          Help: {readiness.help.helpDesk.name}
          {readiness.help.contactPoint && <>, {readiness.help.contactPoint.display}</>}{" "}
          <span className={readiness.help.openNow ? "open" : "closed"}>
            {readiness.help.openNow
              ? "(open now)"
              : readiness.help.opensAt
                ? `(closed; opens ${formatDateTime(readiness.help.opensAt)})`
                : "(closed)"}
          </span>
        </p>
      ) : null}
    </div>
  );
}
