// How an export reads in its reader's language: coded values in words, numbers and times as people of
// that language write them (the files' structure and the figures themselves do not change).
import type { Locale } from "../../i18n/config";
import { messagesFor } from "../../i18n/messages";
import { translator } from "../../i18n/translator";
import type { Cell, ValueKind } from "./model";
import { dateTimeIn, dayIn } from "./time";

/** The Intl tag whose number conventions each language's readers expect. */
const NUMBER_LOCALE: Record<Locale, string> = { en: "en-US", nl: "nl-NL" };

const numberFormats = new Map<string, Intl.NumberFormat>();

/** `1,234.50` (en) or `1.234,50` (nl), with `min`..`max` decimals. */
export function numberText(n: number, locale: Locale, min: number, max: number): string {
  const key = `${locale} ${min} ${max}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(NUMBER_LOCALE[locale], { minimumFractionDigits: min, maximumFractionDigits: max });
    numberFormats.set(key, f);
  }
  return f.format(n);
}

/** `2026-11-21 14:05` (en, as before) or `21-11-2026 14:05` (nl), in `tz`. */
export function dateTimeText(d: Date, tz: string, locale: Locale): string {
  const iso = dateTimeIn(d, tz);
  return locale === "nl" ? `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}${iso.slice(10)}` : iso;
}

/** `2026-11-21` (en) or `21-11-2026` (nl), in `tz`. */
export function dayText(d: Date, tz: string, locale: Locale): string {
  const iso = dayIn(d, tz);
  return locale === "nl" ? `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}` : iso;
}

/** A calendar day "YYYY-MM-DD" as its reader writes it. */
export function calendarDayText(day: string, locale: Locale): string {
  return locale === "nl" && /^\d{4}-\d{2}-\d{2}$/.test(day) ? `${day.slice(8, 10)}-${day.slice(5, 7)}-${day.slice(0, 4)}` : day;
}

/** A coded value (DONE, URGENT, RECEIPT) in the reader's words; anything unknown as it is. */
export function valueText(v: string, kind: ValueKind, locale: Locale): string {
  // Cached: a ledger export asks for its source column's words on every one of its rows.
  const key = `${locale} ${kind} ${v}`;
  let text = valueCache.get(key);
  if (text === undefined) {
    text = lookUp(v, kind, locale);
    if (valueCache.size > 1000) valueCache.clear();
    valueCache.set(key, text);
  }
  return text;
}

const valueCache = new Map<string, string>();

function lookUp(v: string, kind: ValueKind, locale: Locale): string {
  const known = (messagesFor(locale).exports?.value as Record<string, Record<string, unknown>> | undefined)?.[kind]?.[v];
  if (typeof known !== "string") return v;
  const t = translator(locale, "exports");
  return t(`value.${kind}.${v}`);
}

/** A cell of a coded column in words (other cells unchanged). */
export function cellInWords(v: Cell, kind: ValueKind | undefined, locale: Locale): Cell {
  return kind && typeof v === "string" ? valueText(v, kind, locale) : v;
}

/** "yes" / "ja". */
export function boolText(b: boolean, locale: Locale): string {
  const t = translator(locale, "exports");
  return b ? t("doc.yes") : t("doc.no");
}
