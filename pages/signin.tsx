import type { GetServerSideProps } from "next";
import { useTranslations } from "next-intl";
import Head from "next/head";
import { useRouter } from "next/router";
import { useEffect } from "react";
import { LogoMark } from "@/components/AppShell";
import { safeCallbackPath } from "@/components/auth";
import { signInErrorCode } from "@/components/forms/messages";
import { SignInForm } from "@/components/SignInForm";
import { Alert } from "@/components/ui/Alert";
import { useHydrated } from "@/components/useHydrated";
import { i18nProps, type I18nProps } from "@/lib/i18n/page-props";

/** The sign-in page speaks the browser's language (no one to read a preference from yet). */
export const getServerSideProps: GetServerSideProps<I18nProps> = async ({ req }) => ({ props: i18nProps(req, null) });

/** The sign-in page (next-auth's `pages.signIn` and `pages.error` point here). */
export default function SignInPage() {
  const t = useTranslations("common");
  const te = useTranslations("errors");
  const router = useRouter();
  // The form appears once JavaScript runs: submitted before that, a browser would put the password in the URL.
  const ready = useHydrated() && router.isReady;
  const callbackUrl = router.query.callbackUrl;
  const errorCode = typeof router.query.error === "string" ? router.query.error : undefined;
  // Sent here from a page whose session ended (or whose account was deactivated): say so.
  const reasonCode = errorCode ? null : router.query.reason;
  const reason = reasonCode === "expired" || reasonCode === "deactivated" ? t(`signin.reason.${reasonCode}`) : null;
  const target = () => safeCallbackPath(callbackUrl, window.location.origin);

  // Someone who is already signed in has nothing to do here.
  useEffect(() => {
    if (!router.isReady) return;
    let cancelled = false;
    fetch("/api/me", { credentials: "same-origin", cache: "no-store" })
      .then((res) => {
        if (res.ok && !cancelled) void router.replace(safeCallbackPath(callbackUrl, window.location.origin));
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [router, callbackUrl]);

  return (
    <div className="flex min-h-screen flex-col items-center justify-center bg-neutral-100 px-4 py-12">
      <Head>
        <title>{t("signin.documentTitle")}</title>
      </Head>
      <main className="w-full max-w-md">
        <div className="mb-8 flex flex-col items-center text-center">
          <LogoMark className="h-12 w-12" />
          <h1 className="mt-4 text-2xl font-semibold tracking-tight text-neutral-900">{t("signin.title")}</h1>
          <p className="mt-1 text-base text-neutral-600">{t("signin.tagline")}</p>
        </div>
        <div className="rounded-xl border border-neutral-200 bg-white p-6 shadow-sm sm:p-8">
          {ready && reason && (
            <div className="mb-5" data-testid="signin-reason">
              <Alert tone="info">{reason}</Alert>
            </div>
          )}
          {ready ? (
            // A full page load after signing in, so no answer cached while signed out survives.
            <SignInForm key={errorCode ?? ""} initialError={errorCode ? te(`code.${signInErrorCode(errorCode)}`) : null} onSignedIn={() => window.location.assign(target())} />
          ) : (
            <div className="h-64" aria-hidden="true" />
          )}
        </div>
        <p className="mt-6 text-center text-sm text-neutral-700">{t("signin.help")}</p>
      </main>
    </div>
  );
}
