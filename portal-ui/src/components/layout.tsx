import { useEffect, useRef, type ReactNode } from "react";
import { Link, NavLink, useLocation } from "react-router";
import { useSession } from "../auth/session";

/** The page frame: skip link, header with navigation, one main landmark, footer. */
export function Layout({ children }: { children: ReactNode }) {
  const { session, signIn, signOut } = useSession();
  const location = useLocation();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  // A new page moves focus to its content, as a full page load would, so keyboard and screen reader users start there.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus();
  }, [location.pathname]);
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <div className="site-notice">An example portal built on Portal Graph. Not a government website.</div>
      <header className="site-header">
        <div className="site-header-inner">
          <Link to="/" className="site-title">
            Enterprise Portal
          </Link>
          <nav aria-label="Main">
            <ul>
              <li>
                <NavLink to="/" end>
                  Applications
                </NavLink>
              </li>
              {session && (
                <li>
                  <NavLink to="/approvals">Approvals</NavLink>
                </li>
              )}
            </ul>
          </nav>
          <div className="account">
            {session ? (
              <>
                <span>
                  Signed in as <strong>{session.name}</strong>
                </span>
                <button type="button" className="button-secondary" onClick={signOut}>
                  Sign out
                </button>
              </>
            ) : (
              <button type="button" className="button-secondary" onClick={() => signIn()}>
                Sign in
              </button>
            )}
          </div>
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <p>Example portal UI. Help desks, policies and access are served by the teams that own them.</p>
      </footer>
    </>
  );
}
