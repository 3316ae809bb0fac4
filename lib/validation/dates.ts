// Dates as the API accepts them: an ISO date (2026-12-01) or date-time with an offset
// (2026-12-01T08:00:00Z), between 1970-01-01 and 9999-12-31. Outside that range JavaScript and
// Postgres disagree (year 0, 275760, ±100000 as "+275760-…"), so such input is a 400, never a query.
// Browser-safe.
import { z } from "zod";

/** The earliest instant accepted (inclusive). */
export const MIN_DATE = new Date("1970-01-01T00:00:00.000Z");
/** The latest instant accepted (inclusive): the last millisecond of 9999-12-31 UTC. */
export const MAX_DATE = new Date("9999-12-31T23:59:59.999Z");

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const RANGE_MESSAGE = "must be between 1970-01-01 and 9999-12-31";

/** Whether an instant lies within MIN_DATE..MAX_DATE. */
export function inDateRange(d: Date): boolean {
  const t = d.getTime();
  return Number.isFinite(t) && t >= MIN_DATE.getTime() && t <= MAX_DATE.getTime();
}

/** Whether an ISO string (date or date-time) is a date of a bounded calendar. */
export function isDateOnly(s: string): boolean {
  return DATE_ONLY.test(s);
}

/** An ISO date or date-time with offset, in range, kept as the string sent (filters parse it later). */
export const isoInstantString = () =>
  z
    .union([z.iso.date(), z.iso.datetime({ offset: true })], { error: "must be an ISO date (2026-12-01) or date-time with offset (2026-12-01T08:00:00Z)" })
    .refine((s) => inDateRange(new Date(s)), RANGE_MESSAGE);

/** An ISO date or date-time with offset, in range, as a Date (date-only means UTC midnight). */
export const isoInstant = () => isoInstantString().transform((s) => new Date(s));

/** A Date already parsed (e.g. by the caller), in range. */
export const boundedDate = () => z.date({ error: "must be a date" }).refine(inDateRange, RANGE_MESSAGE);

/**
 * `?from=&to=` on a timestamp, both inclusive. A date-only `to` means the whole of that day (UTC), so
 * `from=2026-11-21&to=2026-11-21` is that day; an end before the start is a 400 (`endNotBeforeStart`).
 */
export const dateRangeQuery = z.object({ from: isoInstantString().optional(), to: isoInstantString().optional() });

export interface InstantRange {
  gte?: Date;
  lt?: Date;
  lte?: Date;
}

/** The Prisma filter of a validated `from`/`to` pair (undefined when neither is set). */
export function instantRange(from: string | undefined, to: string | undefined): InstantRange | undefined {
  if (!from && !to) return undefined;
  const range: InstantRange = {};
  if (from) range.gte = new Date(from);
  if (to) {
    if (DATE_ONLY.test(to)) range.lt = new Date(new Date(to).getTime() + 24 * 3600 * 1000);
    else range.lte = new Date(to);
  }
  return range;
}

/** Refinement for queries with a date range: the end may not come before the start. */
export function endNotBeforeStart(v: { from?: string; to?: string }, ctx: z.RefinementCtx): void {
  if (!v.from || !v.to) return;
  const r = instantRange(v.from, v.to)!;
  const end = r.lt ? r.lt.getTime() - 1 : r.lte!.getTime();
  if (end < r.gte!.getTime()) ctx.addIssue({ code: "custom", path: ["to"], message: "must not be before from" });
}

/** Whether `tz` is an IANA time zone this runtime knows. */
export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** The zone of this runtime (the server's `TZ`, or the browser's), UTC when it cannot tell. */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}

/** `?tz=`: an IANA time zone name; defaults to this runtime's zone. */
export const timeZone = () =>
  z
    .string({ error: "must be an IANA time zone, e.g. Europe/Amsterdam" })
    .max(64, "must be an IANA time zone, e.g. Europe/Amsterdam")
    .refine(isTimeZone, "must be an IANA time zone, e.g. Europe/Amsterdam")
    .default(() => localTimeZone());
