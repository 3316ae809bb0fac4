// A notification's text in its reader's language. Rows are stored as a message key and parameters
// (messages/<locale>/notifications.json, `message.<key>.title` / `.body`, or one `.item` per entry of
// an `items` list joined by "; "), and rendered when read: the same row reads in Dutch for a Dutch
// reader and in English for an English one. Numbers and times are formatted here, in the reader's
// conventions and the factory's time zone, so the catalogs hold plain words.
import type { Locale } from "../i18n/config";
import { messagesFor } from "../i18n/messages";
import { translator } from "../i18n/translator";

/** A stored instant: JSON has no dates, so `{ "$date": ISO }` marks one. */
export interface DateParam {
  $date: string;
}
export type ParamValue = string | number | DateParam;
/** A message's parameters; `items` lists one entry per line (a shortage's products). */
export type NotificationParams = { [name: string]: ParamValue | Record<string, string | number>[] | undefined; items?: Record<string, string | number>[] };

/** What the product sends: the message and its values (title and body are rendered from them). */
export interface NotificationMessage {
  key: string;
  params: NotificationParams;
}

/** An instant as a notification parameter. */
export const dateParam = (d: Date): DateParam => ({ $date: d.toISOString() });

const NUMBER_LOCALE: Record<Locale, string> = { en: "en-US", nl: "nl-NL" };

const isDate = (v: unknown): v is DateParam => typeof v === "object" && v !== null && typeof (v as DateParam).$date === "string";

/** `2026-11-29 14:05 UTC` (en) / `29-11-2026 14:05 Europe/Amsterdam` (nl): the wall clock in `tz`, and the zone. */
function timeText(d: Date, locale: Locale, tz: string): string {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", { timeZone: tz, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" })
      .formatToParts(d)
      .map((x) => [x.type, x.value]),
  );
  const day = locale === "nl" ? `${p.day}-${p.month}-${p.year}` : `${p.year}-${p.month}-${p.day}`;
  return `${day} ${p.hour}:${p.minute} ${tz}`;
}

/** The values as text for the catalog: numbers grouped and with the reader's decimal mark, instants in `tz`. */
function values(params: Record<string, unknown>, locale: Locale, tz: string): Record<string, string> {
  const nf = new Intl.NumberFormat(NUMBER_LOCALE[locale], { maximumFractionDigits: 4 });
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) {
    if (k === "items") continue;
    if (typeof v === "number") out[k] = nf.format(v);
    else if (isDate(v)) out[k] = timeText(new Date(v.$date), locale, tz);
    else out[k] = String(v ?? "");
  }
  return out;
}

/** The catalog entry of a key (`{ title, body }` or `{ title, item }`), or undefined for a key it lacks. */
function entry(key: string, locale: Locale): Record<string, unknown> | undefined {
  let node: unknown = (messagesFor(locale).notifications as Record<string, unknown> | undefined)?.message;
  for (const part of key.split(".")) node = typeof node === "object" && node !== null ? (node as Record<string, unknown>)[part] : undefined;
  return typeof node === "object" && node !== null && typeof (node as Record<string, unknown>).title === "string" ? (node as Record<string, unknown>) : undefined;
}

/**
 * The title and body of a message in `locale`, times in `tz`; null when the catalog does not know the
 * key (the caller then shows the stored text).
 */
export function renderMessage(key: string, params: unknown, locale: Locale, tz: string): { title: string; body: string } | null {
  const e = entry(key, locale);
  if (!e || typeof params !== "object" || params === null || Array.isArray(params)) return null;
  const t = translator(locale, "notifications");
  const p = params as Record<string, unknown>;
  const title = t(`message.${key}.title`, values(p, locale, tz));
  if (typeof e.item === "string") {
    const items = Array.isArray(p.items) ? (p.items as Record<string, unknown>[]) : [];
    // components/stock/RecentShortages splits the body on "; ", one product each.
    return { title, body: items.map((i) => t(`message.${key}.item`, values(i, locale, tz))).join("; ") };
  }
  return { title, body: t(`message.${key}.body`, values(p, locale, tz)) };
}

/** A stored row as its reader sees it: rendered from its key when there is one, else as stored. */
export function renderRow<R extends { title: string; body: string; key: string | null; params: unknown }>(
  row: R,
  locale: Locale,
  tz: string,
): Omit<R, "key" | "params"> {
  const { key, params, ...rest } = row;
  const text = key ? renderMessage(key, params, locale, tz) : null;
  return text ? { ...rest, ...text } : rest;
}
