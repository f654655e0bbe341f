import { useEffect, useRef, useState } from "react";
import { Link, useLocation, useNavigate } from "react-router";
import { completeSignIn } from "../auth/oidc";
import { useSession } from "../auth/session";

/** Where the identity provider sends the browser back: finishes the sign-in, then returns to where it began. */
export function CallbackPage() {
  const { config, adopt } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const started = useRef(false);
  useEffect(() => {
    // The code is single-use: exchange it once, even when React runs effects twice in development.
    if (started.current) return;
    started.current = true;
    completeSignIn(config, location.search).then(
      ({ session, returnTo }) => {
        adopt(session);
        navigate(returnTo.startsWith("/") && !returnTo.startsWith("/callback") ? returnTo : "/", { replace: true });
      },
      (failure: Error) => setError(failure.message),
    );
  }, [config, location.search, adopt, navigate]);
  if (error)
    return (
      <>
        <h1>Sign-in did not complete</h1>
        <p role="alert">{error}</p>
        <p>
          <Link to="/">Back to the applications</Link>
        </p>
      </>
    );
  return (
    <>
      <h1>Signing you in</h1>
      <p role="status">Finishing the sign-in…</p>
    </>
  );
}
