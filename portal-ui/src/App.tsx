import { useEffect, useMemo, useRef } from "react";
import { BrowserRouter, Route, Routes } from "react-router";
import { Provider, useMutation } from "urql";
import { SessionProvider, useSession } from "./auth/session";
import { Layout } from "./components/layout";
import type { PortalConfig } from "./config";
import { createPortalClient } from "./graphql/client";
import { RecordSignInDocument } from "./graphql/generated/graphql";
import { ApplicationPage } from "./pages/application";
import { ApprovalsPage } from "./pages/approvals";
import { CallbackPage } from "./pages/callback";
import { CatalogPage } from "./pages/catalog";
import { NotFoundPage } from "./pages/not-found";
import { PolicyPage } from "./pages/policy";
import { WarningBannerPage } from "./pages/warning-banner";

/** After a sign-in: record it once, then the warning banner before anything else. */
function SignedInGate({ children }: { children: React.ReactNode }) {
  const { session, update } = useSession();
  const [, recordSignIn] = useMutation(RecordSignInDocument);
  const asked = useRef<string | null>(null);
  useEffect(() => {
    if (!session || session.recorded || asked.current === session.accessToken) return;
    asked.current = session.accessToken;
    void recordSignIn({}).then((result) => {
      if (!result.error) update({ recorded: true });
    });
  }, [session, recordSignIn, update]);
  if (session && !session.bannerAccepted) return <WarningBannerPage />;
  return <>{children}</>;
}

function Portal() {
  const { config, session } = useSession();
  const token = session?.accessToken ?? null;
  const client = useMemo(() => createPortalClient(config, token), [config, token]);
  return (
    <Provider value={client}>
      <Layout>
        <Routes>
          <Route path="/callback" element={<CallbackPage />} />
          <Route
            path="*"
            element={
              <SignedInGate>
                <Routes>
                  <Route path="/" element={<CatalogPage />} />
                  <Route path="/applications/:id" element={<ApplicationPage />} />
                  <Route path="/policies/:id" element={<PolicyPage />} />
                  <Route path="/approvals" element={<ApprovalsPage />} />
                  <Route path="*" element={<NotFoundPage />} />
                </Routes>
              </SignedInGate>
            }
          />
        </Routes>
      </Layout>
    </Provider>
  );
}

export function App({ config }: { config: PortalConfig }) {
  return (
    <BrowserRouter>
      <SessionProvider config={config}>
        <Portal />
      </SessionProvider>
    </BrowserRouter>
  );
}
