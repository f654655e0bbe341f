import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";
import type { PortalConfig } from "../config";
import { beginSignIn, clearSession, loadSession, saveSession, type Session } from "./oidc";

interface SessionContextValue {
  config: PortalConfig;
  session: Session | null;
  signIn: (returnTo?: string) => void;
  signOut: () => void;
  /** Changes the session (after the banner, after recordSignIn) and keeps it. */
  update: (patch: Partial<Session>) => void;
  /** Takes a session that a completed sign-in made. */
  adopt: (session: Session) => void;
}

const SessionContext = createContext<SessionContextValue | null>(null);

export function SessionProvider({ config, children }: { config: PortalConfig; children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(() => loadSession());
  const signIn = useCallback(
    (returnTo = window.location.pathname + window.location.search) => void beginSignIn(config, returnTo),
    [config],
  );
  const signOut = useCallback(() => {
    clearSession();
    setSession(null);
  }, []);
  const update = useCallback((patch: Partial<Session>) => {
    setSession((current) => {
      if (!current) return current;
      const next = { ...current, ...patch };
      saveSession(next);
      return next;
    });
  }, []);
  const value = useMemo(
    () => ({ config, session, signIn, signOut, update, adopt: setSession }),
    [config, session, signIn, signOut, update],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error("useSession outside SessionProvider");
  return value;
}
