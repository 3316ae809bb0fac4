import type { AppProps } from "next/app";
import Head from "next/head";
import { SWRConfig } from "swr";
import { AppShell } from "@/components/AppShell";
import { Forbidden } from "@/components/Forbidden";
import { swrConfig } from "@/components/swr";
import { ErrorState } from "@/components/ui/States";
import type { GuardProps } from "@/lib/auth/page-guard";
import "@/styles/globals.css";

export default function App({ Component, pageProps }: AppProps<GuardProps>) {
  // The page guard (lib/auth/page-guard.ts) refused this role: the server renders the Forbidden page
  // inside the shell, with the user it already read, instead of the page.
  const forbidden = pageProps.forbidden;
  return (
    <SWRConfig value={forbidden ? { ...swrConfig, fallback: { "/api/me": forbidden } } : swrConfig}>
      <Head>
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>MES</title>
      </Head>
      {pageProps.unavailable ? (
        <main className="mx-auto max-w-xl px-4 py-12">
          <ErrorState title="MES is not available right now" message="The database cannot be reached. Please try again in a few seconds." onRetry={() => window.location.reload()} />
        </main>
      ) : forbidden ? (
        <AppShell title="Not allowed">
          <Forbidden role={forbidden.user.role} />
        </AppShell>
      ) : (
        <Component {...pageProps} />
      )}
    </SWRConfig>
  );
}
