import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/router";
import { useState } from "react";
import { useSWRConfig } from "swr";
import { LOCALES, LOCALE_NAMES, isLocale, type Locale } from "@/lib/i18n/config";
import { sendJson } from "./api";
import type { Me } from "./types";
import { focusRing } from "./ui/styles";

/**
 * The language of the signed-in person, in the header: saved on the user (PATCH /api/me), then the
 * page is rendered again by the server in the new language, without signing out. "Browser language"
 * (null) follows Accept-Language. Other open tabs change on their next page load.
 */
export function LanguageSwitcher({ me }: { me: Me }) {
  const tc = useTranslations("common");
  const active = useLocale();
  const router = useRouter();
  const { mutate } = useSWRConfig();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const saved = me.user.locale ?? null;

  async function choose(value: string) {
    const locale: Locale | null = isLocale(value) ? value : null;
    setBusy(true);
    setFailed(false);
    try {
      const next = await sendJson<Me>("/api/me", "PATCH", { locale });
      await mutate("/api/me", next, { revalidate: false });
      // The server picks the language of a page: ask it for this one again (same URL, no history entry).
      await router.replace(router.asPath, undefined, { scroll: false });
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="flex items-center gap-2">
      {failed && (
        <p role="alert" className="max-w-40 text-xs text-red-700">
          {tc("language.failed")}
        </p>
      )}
      <label className="sr-only" htmlFor="language-switcher">
        {tc("language.label")}
      </label>
      <select
        id="language-switcher"
        data-testid="language-switcher"
        value={saved ?? ""}
        disabled={busy}
        aria-busy={busy}
        onChange={(e) => void choose(e.target.value)}
        title={tc("language.label")}
        lang={active}
        className={`h-10 rounded-md border border-neutral-300 bg-white px-2 text-sm text-neutral-900 disabled:opacity-60 ${focusRing}`}
      >
        <option value="">{tc("language.followBrowser")}</option>
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LOCALE_NAMES[l]}
          </option>
        ))}
      </select>
    </div>
  );
}
