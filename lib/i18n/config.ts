// The languages the product speaks and how a request's language is chosen. Browser-safe: the
// language switcher, the page guard and the server-made text (exports, notifications) all use it.

/** Every language with a full message catalog in messages/<locale>/. */
export const LOCALES = ["en", "nl"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** The name of each language in itself, for the switcher (never translated). */
export const LOCALE_NAMES: Record<Locale, string> = { en: "English", nl: "Nederlands" };

/** True for a language we have a catalog for. */
export function isLocale(v: unknown): v is Locale {
  return typeof v === "string" && (LOCALES as readonly string[]).includes(v);
}

/**
 * The best of our languages for an Accept-Language header (RFC 9110 weights; "nl-BE" matches "nl"),
 * or the default when none fits.
 */
export function negotiateLocale(acceptLanguage: string | string[] | undefined | null): Locale {
  const header = Array.isArray(acceptLanguage) ? acceptLanguage.join(",") : (acceptLanguage ?? "");
  const ranked = header
    .split(",")
    .map((part, i) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const weight = q ? Number(q.slice(2)) : 1;
      return { lang: (tag ?? "").trim().toLowerCase().split("-")[0] ?? "", weight: Number.isFinite(weight) ? weight : 0, i };
    })
    .filter((r) => r.lang && r.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.i - b.i);
  return ranked.map((r) => r.lang).find(isLocale) ?? DEFAULT_LOCALE;
}

/** The language of a person: their saved preference, else their browser's, else English. */
export function resolveLocale(preference: string | null | undefined, acceptLanguage: string | string[] | undefined | null): Locale {
  return isLocale(preference) ? preference : negotiateLocale(acceptLanguage);
}
