// Server-only: text the server writes for a person (export headers, PDF titles, notifications when
// read) in that person's language, from the same ICU catalogs the screens use.
import { createTranslator } from "use-intl/core";
import type { Locale } from "./config";
import { messagesFor } from "./messages";

/** A translate function for one namespace of one language: `t("key", { n: 3 })`. */
export function translator(locale: Locale, namespace: string) {
  return createTranslator({ locale, messages: messagesFor(locale), namespace: namespace as never }) as unknown as (key: string, values?: Record<string, string | number | Date>) => string;
}
