// How every screen writes numbers, quantities, money, dates and durations: one place, through Intl,
// in the person's language. pages/_app.tsx sets the active language and the factory's time zone for
// each render (`setFormatLocale`), so screens call these functions without a locale argument; a
// locale argument still wins (tests, the explicit cases).

let active: { locale: string | undefined; timeZone: string | undefined } = { locale: undefined, timeZone: undefined };

/** Sets the language and time zone every function here uses by default (pages/_app.tsx, on each render). */
export function setFormatLocale(locale: string, timeZone?: string): void {
  active = { locale, timeZone };
}

/** The active language: the provider's, else the page's (<html lang>), else the runtime's default. */
export function pageLocale(): string | undefined {
  if (active.locale) return active.locale;
  if (typeof document === "undefined") return undefined;
  return document.documentElement.lang || undefined;
}

/** The language family of a locale ("nl-BE" → "nl"), for the few words and rules kept here. */
function lang(locale: string | undefined): string {
  return (locale ?? "en").toLowerCase().split("-")[0] ?? "en";
}

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function numberFormat(locale: string | undefined, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n|${locale ?? ""}|${JSON.stringify(options)}`;
  let f = cache.get(key) as Intl.NumberFormat | undefined;
  if (!f) cache.set(key, (f = new Intl.NumberFormat(locale, options)));
  return f;
}

function dateFormat(locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${locale ?? ""}|${JSON.stringify(options)}`;
  let f = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!f) cache.set(key, (f = new Intl.DateTimeFormat(locale, options)));
  return f;
}

/** A plain number, grouped for reading ("1,234.5"), with up to 4 decimals. */
export function formatNumber(n: number, locale = pageLocale()): string {
  return numberFormat(locale, { maximumFractionDigits: 4 }).format(n);
}

/** A quantity with up to 4 decimals (the database's scale), with its unit when given; "—" for none. */
export function formatQty(n: number | null | undefined, uom?: string, locale = pageLocale()): string {
  if (n === null || n === undefined) return "—";
  const text = formatNumber(n, locale);
  return uom ? `${text} ${uom}` : text;
}

/** A signed change: "+10", "−2.5" (a real minus sign, easier to spot than a hyphen). */
export function formatChange(n: number, locale = pageLocale()): string {
  return n > 0 ? `+${formatNumber(n, locale)}` : `−${formatNumber(Math.abs(n), locale)}`;
}

/** A share of 0..1 as a percentage ("87.5%"). */
export function formatPercent(share: number, locale = pageLocale()): string {
  return numberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(share);
}

/**
 * An amount of money. The app stores amounts without a currency, so without `currency` the amount is
 * written with 2 decimals; with one (e.g. from a future setting) it is a real currency format.
 */
export function formatMoney(n: number | null | undefined, currency?: string, locale = pageLocale()): string {
  if (n === null || n === undefined) return "—";
  if (currency) return numberFormat(locale, { style: "currency", currency }).format(n);
  return numberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n);
}

// English keeps the medium style it always had ("Nov 29, 2026"); Dutch writes dates the way Dutch
// paperwork does ("29-11-2026", 24-hour times).
function dateOptions(locale: string | undefined, withTime: boolean): Intl.DateTimeFormatOptions {
  const zone = active.timeZone ? { timeZone: active.timeZone } : {};
  if (lang(locale) === "nl") {
    return { day: "2-digit", month: "2-digit", year: "numeric", ...(withTime ? { hour: "2-digit", minute: "2-digit", hourCycle: "h23" } : {}), ...zone };
  }
  return { dateStyle: "medium", ...(withTime ? { timeStyle: "short" } : {}), ...zone };
}

/** A calendar date ("Nov 29, 2026"; nl "29-11-2026"), in the factory's zone; "—" for none. */
export function formatDate(iso: string | Date | null | undefined, locale = pageLocale()): string {
  return iso ? dateFormat(locale, dateOptions(locale, false)).format(new Date(iso)) : "—";
}

/** A date and time ("Nov 29, 2026, 10:05 AM"; nl "29-11-2026 10:05"); "—" for none. */
export function formatDateTime(iso: string | Date | null | undefined, locale = pageLocale()): string {
  return iso ? dateFormat(locale, dateOptions(locale, true)).format(new Date(iso)) : "—";
}

/**
 * Minutes as "2 h 30 min", "45 min". Exactly 0 is "0 min" (nothing recorded or planned); more than
 * 0 but less than a minute is "under a minute" (work was done, it just rounds to nothing).
 */
export function formatMinutes(min: number | null | undefined, locale = pageLocale()): string {
  if (min === null || min === undefined) return "—";
  // Unit symbols, not sentences: Intl's unit style would change the English "h" to "hr".
  const words = DURATION_WORDS[lang(locale)] ?? DURATION_WORDS.en!;
  if (min <= 0) return `0 ${words.min}`;
  if (min < 1) return words.under;
  const total = Math.round(min);
  const h = Math.floor(total / 60);
  const m = total % 60;
  const n = (v: number) => formatNumber(v, locale);
  if (h === 0) return `${n(m)} ${words.min}`;
  return m === 0 ? `${n(h)} ${words.h}` : `${n(h)} ${words.h} ${n(m)} ${words.min}`;
}

const DURATION_WORDS: Record<string, { h: string; min: string; under: string }> = {
  en: { h: "h", min: "min", under: "under a minute" },
  nl: { h: "u", min: "min", under: "minder dan een minuut" },
};

/** "0:07:05", "12:30:00": a running clock; hours are not capped, so a long job reads correctly. */
export function formatClock(ms: number): string {
  const total = Math.floor(Math.max(0, ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${h}:${String(m).padStart(2, "0")}:${String(s).padStart(2, "0")}`;
}

/** The wall-clock parts of an instant in `timeZone` (undefined: the runtime's zone). */
function wallParts(at: Date, timeZone: string | undefined): { y: number; mo: number; d: number; h: number; mi: number; s: number } {
  const parts = dateFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" }).formatToParts(at);
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { y: n("year"), mo: n("month"), d: n("day"), h: n("hour") % 24, mi: n("minute"), s: n("second") };
}

/** The UTC instant at which the clocks of `timeZone` show this wall time (the earlier one in a DST fold). */
function instantOfWallTime(y: number, mo: number, d: number, h: number, mi: number, s: number, timeZone: string | undefined): Date {
  const wanted = Date.UTC(y, mo - 1, d, h, mi, s);
  let guess = wanted;
  // Two corrections reach the zone's offset at the answer even across a DST change.
  for (let i = 0; i < 2; i++) {
    const w = wallParts(new Date(guess), timeZone);
    guess += wanted - Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi, w.s);
  }
  return new Date(guess);
}

/**
 * A calendar day picked in a date input means "by the end of that day" in the factory: it is sent as
 * 23:59:59 in the factory's time zone (FACTORY_TIME_ZONE, set by pages/_app.tsx), whatever zone the
 * browser is in (a bare date would be midnight UTC and count as late all that day).
 */
export function endOfLocalDayIso(day: string, timeZone = active.timeZone): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return null;
  return instantOfWallTime(Number(m[1]), Number(m[2]), Number(m[3]), 23, 59, 59, timeZone).toISOString();
}

/** The factory's calendar day of an instant, as a date input's value (YYYY-MM-DD). */
export function localDayOf(iso: string | Date | null | undefined, timeZone = active.timeZone): string {
  if (!iso) return "";
  const w = wallParts(new Date(iso), timeZone);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${w.y}-${pad(w.mo)}-${pad(w.d)}`;
}

/**
 * A number typed by a person in the active language ("12", "2.5", "2,5", "1,234.5"; nl "1.234,5"),
 * or null when the text is empty, or NaN when it is not a number (so a form can say "Enter a number"
 * rather than a range message). See `parseDecimal`.
 */
export function parseNumber(text: string, locale = pageLocale()): number | null {
  return parseDecimal(text, locale);
}

/**
 * A decimal typed in `locale`: its decimal separator is the decimal point ("1,5" in nl is 1.5) and
 * its grouping separator is dropped when both appear ("1.234,5" → 1234.5). With one kind of separator
 * only, the grouping one counts as grouping when it splits whole groups of three ("1.234" in nl, "1,234"
 * in en → 1234), else as the decimal point, since people type either on a keypad ("2,5" in en → 2.5).
 * Empty → null, anything else → NaN; the API always receives a JSON number.
 */
export function parseDecimal(text: string, locale = pageLocale()): number | null {
  const t = text.trim().replace(/[\s\u00a0\u202f]/g, "");
  if (!t) return null;
  const [decimal, group] = lang(locale) === "nl" ? [",", "."] : [".", ","];
  let normal: string;
  if (t.includes(decimal) && t.includes(group)) {
    // Both kinds: grouping must come before the decimal separator ("1.234,5", "1,234.5").
    if (t.lastIndexOf(group) > t.indexOf(decimal)) return Number.NaN;
    normal = t.split(group).join("").replace(decimal, ".");
  } else if (t.includes(group)) {
    const wholeGroups = new RegExp(`^[-+]?\\d{1,3}(\\${group}\\d{3})+$`);
    normal = wholeGroups.test(t) ? t.split(group).join("") : t.replace(group, ".");
  } else {
    normal = t.replace(decimal, ".");
  }
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(normal)) return Number.NaN;
  return Number(normal);
}
