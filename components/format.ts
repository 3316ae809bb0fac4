// How every screen writes numbers, quantities, money, dates and durations: one place, through Intl,
// with a locale argument that defaults to the page's (<html lang>), so a language switch is one change.

/** The page's language (<html lang>), or undefined (the runtime's default) on the server. */
export function pageLocale(): string | undefined {
  if (typeof document === "undefined") return undefined;
  return document.documentElement.lang || undefined;
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

/** A calendar date ("Nov 29, 2026"); "—" for none. */
export function formatDate(iso: string | Date | null | undefined, locale = pageLocale()): string {
  return iso ? dateFormat(locale, { dateStyle: "medium" }).format(new Date(iso)) : "—";
}

/** A date and time ("Nov 29, 2026, 10:05 AM"); "—" for none. */
export function formatDateTime(iso: string | Date | null | undefined, locale = pageLocale()): string {
  return iso ? dateFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso)) : "—";
}

/**
 * Minutes as "2 h 30 min", "45 min". Exactly 0 is "0 min" (nothing recorded or planned); more than
 * 0 but less than a minute is "under a minute" (work was done, it just rounds to nothing).
 */
export function formatMinutes(min: number | null | undefined, locale = pageLocale()): string {
  if (min === null || min === undefined) return "—";
  if (min <= 0) return "0 min";
  if (min < 1) return "under a minute";
  const total = Math.round(min);
  const h = Math.floor(total / 60);
  const m = total % 60;
  const n = (v: number) => formatNumber(v, locale);
  if (h === 0) return `${n(m)} min`;
  return m === 0 ? `${n(h)} h` : `${n(h)} h ${n(m)} min`;
}

/** "0:07:05", "12:30:00": a running clock; hours are not capped, so a long job reads correctly. */
export function formatClock(ms: number): string {
  const total = Math.floor(Math.max(0, ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${h}:${String(m).padStart(2, "0")}:${String(s).padStart(2, "0")}`;
}

/**
 * A calendar day picked in a date input means "by the end of that day" where the person is, so it is
 * sent as 23:59:59 local time (a bare date would be midnight UTC and count as late all that day).
 */
export function endOfLocalDayIso(day: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return null;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 23, 59, 59).toISOString();
}

/** The local calendar day of an ISO instant, as a date input's value (YYYY-MM-DD). */
export function localDayOf(iso: string | Date | null | undefined): string {
  if (!iso) return "";
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * A number typed by a person ("12", "2.5", "2,5", "1,234.5"), or null when the text is empty, or NaN
 * when it is not a number (so a form can say "Enter a number" rather than a range message).
 */
export function parseNumber(text: string): number | null {
  const t = text.trim().replace(/\s/g, "");
  if (!t) return null;
  // A lone comma is a decimal comma (2,5); with a dot present commas are thousands separators.
  const normal = t.includes(".") ? t.replace(/,/g, "") : t.replace(",", ".");
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(normal)) return Number.NaN;
  return Number(normal);
}
