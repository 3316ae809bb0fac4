import { useTranslations } from "next-intl";
import Head from "next/head";
import Link from "next/link";
import type { Role } from "./types";
import { buttonClass } from "./ui/Button";
import { useRoleLabel } from "./users/useRoleLabel";

/** Shown instead of a page the signed-in user's role may not use. */
export function Forbidden({ role }: { role?: Role }) {
  const t = useTranslations("shell");
  const roleLabel = useRoleLabel();
  return (
    <section data-testid="forbidden" aria-labelledby="forbidden-title" className="mx-auto max-w-xl rounded-lg border border-neutral-200 bg-white px-6 py-12 text-center shadow-sm">
      <Head>
        <title>{t("forbidden.documentTitle")}</title>
      </Head>
      <div className="mx-auto flex h-12 w-12 items-center justify-center rounded-full bg-neutral-100 text-neutral-600">
        <svg viewBox="0 0 24 24" className="h-6 w-6" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
          <rect x="5" y="11" width="14" height="10" rx="2" />
          <path d="M8 11V7a4 4 0 0 1 8 0v4" strokeLinecap="round" />
        </svg>
      </div>
      <h1 id="forbidden-title" className="mt-4 text-2xl font-semibold tracking-tight text-neutral-900">
        {t("forbidden.title")}
      </h1>
      <p className="mt-2 text-base text-neutral-600">
        {role ? t("forbidden.messageWithRole", { role: roleLabel(role) }) : t("forbidden.message")}
      </p>
      <Link href="/" className={`mt-6 ${buttonClass("primary", "lg")}`}>
        {t("forbidden.back")}
      </Link>
    </section>
  );
}
