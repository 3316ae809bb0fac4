// Instants shown as wall-clock time in the report's time zone (the database stores UTC).
const partsCache = new Map<string, Intl.DateTimeFormat>();

function formatter(tz: string): Intl.DateTimeFormat {
  let f = partsCache.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: tz,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    partsCache.set(tz, f);
  }
  return f;
}

/** The wall-clock fields of an instant in `tz`. */
function fields(d: Date, tz: string): { y: number; mo: number; d: number; h: number; mi: number; s: number } {
  const p = Object.fromEntries(formatter(tz).formatToParts(d).map((x) => [x.type, x.value]));
  return { y: Number(p.year), mo: Number(p.month), d: Number(p.day), h: Number(p.hour) % 24, mi: Number(p.minute), s: Number(p.second) };
}

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

const QUARTER_HOUR = 15 * 60 * 1000;
const offsets = new Map<string, number>();

/** The zone's UTC offset at an instant. Offsets change only on quarter hours, so they are cached per
 * quarter hour: Intl is slow, and a ledger export asks for hundreds of thousands of them. */
function offsetAt(ms: number, tz: string): number {
  const bucket = Math.floor(ms / QUARTER_HOUR) * QUARTER_HOUR;
  const key = `${tz} ${bucket}`;
  let off = offsets.get(key);
  if (off === undefined) {
    const f = fields(new Date(bucket), tz);
    off = Date.UTC(f.y, f.mo - 1, f.d, f.h, f.mi, f.s) - bucket;
    if (offsets.size > 50_000) offsets.clear();
    offsets.set(key, off);
  }
  return off;
}

/**
 * The instant shifted so that its UTC fields read as the wall-clock time in `tz`: what xlsx needs,
 * since spreadsheet dates have no time zone (exceljs writes a Date's UTC fields).
 */
export function wallClock(d: Date, tz: string): Date {
  if (tz === "UTC") return d;
  return new Date(d.getTime() + offsetAt(d.getTime(), tz));
}

/** `2026-11-21` in `tz`. */
export function dayIn(d: Date, tz: string): string {
  const f = fields(d, tz);
  return `${pad(f.y, 4)}-${pad(f.mo)}-${pad(f.d)}`;
}

/** `2026-11-21 14:05` in `tz`. */
export function dateTimeIn(d: Date, tz: string): string {
  const f = fields(d, tz);
  return `${pad(f.y, 4)}-${pad(f.mo)}-${pad(f.d)} ${pad(f.h)}:${pad(f.mi)}`;
}

/** A calendar day "YYYY-MM-DD" as the Date whose UTC midnight is that day (for xlsx date cells). */
export function dayAsDate(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}
