import { IntlErrorCode, NextIntlClientProvider, useLocale, useTranslations, type IntlError } from "next-intl";
import type { AppProps } from "next/app";
import Head from "next/head";
import { useEffect } from "react";
import { SWRConfig } from "swr";
import { AppShell } from "@/components/AppShell";
import { setErrorTranslator } from "@/components/api";
import { Forbidden } from "@/components/Forbidden";
import { errorTextIn } from "@/components/forms/messages";
import { setFormatLocale } from "@/components/format";
import { swrConfig } from "@/components/swr";
import { ErrorState } from "@/components/ui/States";
import type { GuardProps } from "@/lib/auth/page-guard";
import { DEFAULT_LOCALE, isLocale } from "@/lib/i18n/config";
import "@/styles/globals.css";

// A missing or broken message is a bug: in development and tests it fails the render loudly; in
// production the person sees the key's path (never a blank) and the console says why.
const STRICT = process.env.NODE_ENV !== "production";
function onIntlError(error: IntlError) {
  if (STRICT && (error.code === IntlErrorCode.MISSING_MESSAGE || error.code === IntlErrorCode.INVALID_KEY)) throw error;
  console.error(error);
}
function messageFallback({ namespace, key }: { namespace?: string; key: string }) {
  return namespace ? `${namespace}.${key}` : key;
}

export default function App({ Component, pageProps }: AppProps<Partial<GuardProps>>) {
  // Every server-rendered page gets the language, its catalogs and the factory's zone from the page
  // guard (lib/i18n/page-props.ts); a page without them (none today) renders in English.
  const locale = isLocale(pageProps.locale) ? pageProps.locale : DEFAULT_LOCALE;
  const timeZone = pageProps.timeZone ?? "UTC";
  // The format module's default for this render (numbers and dates outside hooks follow the language).
  setFormatLocale(locale, timeZone);
  return (
    <NextIntlClientProvider
      locale={locale}
      messages={pageProps.messages ?? {}}
      timeZone={timeZone}
      now={pageProps.now === undefined ? undefined : new Date(pageProps.now)}
      onError={onIntlError}
      getMessageFallback={messageFallback}
    >
      <AppBody Component={Component} pageProps={pageProps} />
    </NextIntlClientProvider>
  );
}

/** The page itself, or the shell's Forbidden / unavailable pages the guard asked for. */
function AppBody({ Component, pageProps }: Pick<AppProps<Partial<GuardProps>>, "Component" | "pageProps">) {
  const tc = useTranslations("common");
  const te = useTranslations("errors");
  const locale = useLocale();
  // Every errorMessage() of the screens speaks the person's language (failures are shown in the browser only).
  setErrorTranslator((err) => errorTextIn(err, te, locale));
  // _document sets <html lang> for the first page only; a language switched in the header (a client-side
  // re-render) must reach it too, or screen readers and axe keep reading the page as the old language.
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  // The page guard (lib/auth/page-guard.ts) refused this role: the server renders the Forbidden page
  // inside the shell, with the user it already read, instead of the page.
  const forbidden = pageProps.forbidden;
  // The guard read the user already: the shell renders with it at once (SWR still asks /api/me in the
  // background), so a page's own reads start without waiting for that round trip.
  const me = forbidden ?? pageProps.me;
  return (
    <SWRConfig value={me ? { ...swrConfig, fallback: { "/api/me": me } } : swrConfig}>
      <Head>
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {/* The brand, never translated (and pages without catalogs, such as Next's error page, have it too). */}
        <title>MES</title>
      </Head>
      {pageProps.unavailable ? (
        <main className="mx-auto max-w-xl px-4 py-12">
          <ErrorState title={tc("app.unavailable.title")} message={tc("app.unavailable.message")} onRetry={() => window.location.reload()} />
        </main>
      ) : forbidden ? (
        <AppShell title={tc("app.forbiddenTitle")}>
          <Forbidden role={forbidden.user.role} />
        </AppShell>
      ) : (
        <Component {...pageProps} />
      )}
    </SWRConfig>
  );
}
