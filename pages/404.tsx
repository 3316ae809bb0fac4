import { NextIntlClientProvider, useTranslations } from "next-intl";
import type { GetStaticProps } from "next";
import Head from "next/head";
import Link from "next/link";
import { useEffect } from "react";
import { LogoMark } from "@/components/AppShell";
import { buttonClass } from "@/components/ui/Button";
import { useHydrated } from "@/components/useHydrated";
import { DEFAULT_LOCALE, LOCALES, negotiateLocale, type Locale } from "@/lib/i18n/config";
import type { Messages } from "@/lib/i18n/messages";

interface Props {
  locale: Locale;
  messages: Messages;
  /** The page's words in every language: a static page cannot know the person, the browser can. */
  alternates: Record<Locale, Messages>;
}

/** Only this page's words of each catalog (the page is built once, for every visitor). */
export const getStaticProps: GetStaticProps<Props> = async () => {
  const { messagesFor } = await import("@/lib/i18n/messages");
  const pick = (l: Locale): Messages => ({ common: { notFound: messagesFor(l).common?.notFound } });
  const alternates = Object.fromEntries(LOCALES.map((l) => [l, pick(l)])) as Record<Locale, Messages>;
  return { props: { locale: DEFAULT_LOCALE, messages: alternates[DEFAULT_LOCALE], alternates } };
};

/** Shown for any address that is not a page of the app (static: it works signed in or out). */
export default function NotFoundPage({ alternates }: Props) {
  // English in the built HTML; after hydration the browser's language (navigator.languages).
  const hydrated = useHydrated();
  const locale = hydrated ? negotiateLocale(navigator.languages?.length ? navigator.languages.join(",") : navigator.language) : DEFAULT_LOCALE;
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  if (!alternates) return null;
  return (
    <NextIntlClientProvider locale={locale} messages={alternates[locale]}>
      <NotFound />
    </NextIntlClientProvider>
  );
}

function NotFound() {
  const t = useTranslations("common");
  return (
    <div className="flex min-h-screen flex-col items-center justify-center bg-neutral-100 px-4 py-12">
      <Head>
        <title>{t("notFound.documentTitle")}</title>
      </Head>
      <main data-testid="not-found" className="w-full max-w-md rounded-xl border border-neutral-200 bg-white px-6 py-10 text-center shadow-sm">
        <LogoMark className="mx-auto h-10 w-10" />
        <p className="mt-6 text-sm font-semibold text-neutral-500">{t("notFound.code")}</p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight text-neutral-900">{t("notFound.title")}</h1>
        <p className="mt-2 text-base text-neutral-600">{t("notFound.message")}</p>
        <Link href="/" className={`mt-6 ${buttonClass("primary", "lg")}`}>
          {t("notFound.home")}
        </Link>
      </main>
    </div>
  );
}
