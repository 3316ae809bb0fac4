// What a scan (keyboard-wedge scanner, camera, or a person typing) came to: a kind and a normalised
// code. Pure and browser-safe: the scan box imports it, and so can the server (e.g. a badge lookup).
//
// Adding a kind: add its name to `ScanKind` and a
// row to `SCAN_KINDS` (its printed prefix, the pattern of what follows it, how to normalise it), then
// give it a route in the scan boxes (components/operator/ScanBox.tsx and
// components/station/StationScanBox.tsx: each `route()` is an exhaustive switch, so the type checker
// points at them). docs/scanning.md describes the codes.

/** The kinds of code the factory prints: work order sheets, operators' badges, lot and location labels. */
export type ScanKind = "wo" | "badge" | "lot" | "location";

export interface ScanKindDef {
  /** The printed prefix, matched case-insensitively and followed by "-", "_", ":", a space or nothing. */
  prefix: string;
  /** What follows the prefix (no anchors, no flags: the resolver adds them). */
  value: RegExp;
  /** The code as the database stores it, from what followed the prefix. */
  normalize: (value: string) => string;
  /** Also found inside longer text (a URL, a label read by a wedge scanner). */
  embedded?: boolean;
  /** Also taken bare, without its prefix (only one kind may). */
  bare?: boolean;
}

/** A uuid, its dashes optional (a label prints it without them). */
const UUID = /[0-9A-Fa-f]{8}-?[0-9A-Fa-f]{4}-?[0-9A-Fa-f]{4}-?[0-9A-Fa-f]{4}-?[0-9A-Fa-f]{12}/;
/** The uuid as the database stores it: lower case, with dashes. */
function uuidOf(value: string): string {
  const h = value.replace(/-/g, "").toLowerCase();
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** One row per kind of code. The first row whose prefix matches wins, so prefixes must not overlap. */
export const SCAN_KINDS: Readonly<Record<ScanKind, ScanKindDef>> = {
  // WO-000123 (the WorkOrder.code default: WO- and at least 6 digits); "wo 123", "WO_123", "123" too.
  wo: { prefix: "WO", value: /\d{1,12}/, normalize: (digits) => `WO-${digits.padStart(6, "0")}`, embedded: true, bare: true },
  // MESB-0123456789ABCDEFGHJKMNPQRS (lib/stations/badge.ts: 26 characters of Crockford base 32, 128
  // random bits; any letter is let through, as the identify route's schema does, so a misread badge
  // is "not known" rather than "not a code"). Only exact: never inside longer text, never bare.
  badge: { prefix: "MESB", value: /[0-9A-Z]{26}/, normalize: (value) => `MESB-${value.toUpperCase()}` },
  // LOT-0F8FAD5BD9CB469FA16570867728950E: a lot label (lotLabelCode). Lot codes are unique per product
  // only, so the label carries the lot's id (32 hex digits, dashes optional); the code is that id.
  lot: { prefix: "LOT", value: UUID, normalize: uuidOf, embedded: true },
  // LOC-00000000000040008000000000000101: a location label (locationLabelCode), by id: it survives a
  // renamed location code.
  location: { prefix: "LOC", value: UUID, normalize: uuidOf, embedded: true },
};

/** The printed code of a lot's label: "LOT-" and its id as 32 upper-case hex digits. */
export function lotLabelCode(lotId: string): string {
  return `LOT-${lotId.replace(/-/g, "").toUpperCase()}`;
}

/** The printed code of a location's label: "LOC-" and its id as 32 upper-case hex digits. */
export function locationLabelCode(locationId: string): string {
  return `LOC-${locationId.replace(/-/g, "").toUpperCase()}`;
}

/** A resolved scan: what it is and its code as stored. */
export interface ScannedCode {
  kind: ScanKind;
  code: string;
}

const SEPARATOR = "[-_:\\s]?";
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const kinds = () => Object.entries(SCAN_KINDS) as [ScanKind, ScanKindDef][];

/**
 * Turns what was scanned or typed into a kind and a code, or null when it is no code we know:
 * first an exact "<PREFIX><sep><value>", then a code inside longer text (kinds marked `embedded`),
 * then a bare value (the kind marked `bare`).
 */
export function resolveScan(raw: string): ScannedCode | null {
  // Scanners may add control characters (a GS separator, CR/LF): they are never part of a code.
  const text = raw.replace(/[\u0000-\u001f\u007f]/g, "").trim();
  if (!text) return null;
  for (const [kind, def] of kinds()) {
    const m = new RegExp(`^${escape(def.prefix)}${SEPARATOR}(${def.value.source})$`, "i").exec(text);
    if (m) return { kind, code: def.normalize(m[1]!) };
  }
  for (const [kind, def] of kinds()) {
    if (!def.embedded) continue;
    // Not inside a longer word or number ("TWO5" is no WO code; "WO-0000021" is not WO-000002).
    const m = new RegExp(`(?<![A-Za-z0-9])${escape(def.prefix)}${SEPARATOR}(${def.value.source})(?![A-Za-z0-9])`, "i").exec(text);
    if (m) return { kind, code: def.normalize(m[1]!) };
  }
  for (const [kind, def] of kinds()) {
    if (!def.bare) continue;
    const m = new RegExp(`^(${def.value.source})$`).exec(text);
    if (m) return { kind, code: def.normalize(m[1]!) };
  }
  return null;
}

/** A WO code ("WO-000002") from what was scanned, or null when it is not one. */
export function parseWoCode(raw: string): string | null {
  const scanned = resolveScan(raw);
  return scanned?.kind === "wo" ? scanned.code : null;
}

/** A badge code ("MESB-…", upper case) from what was scanned, or null when it is not one. */
export function parseBadgeCode(raw: string): string | null {
  const scanned = resolveScan(raw);
  return scanned?.kind === "badge" ? scanned.code : null;
}

/**
 * A camera sees the same code in frame after frame: this lets each through once. A text is new when
 * it was not seen in the last `quietMs`; every sighting restarts that wait, so a sheet held in front
 * of the camera counts once, and the same sheet shown again after `quietMs` away counts again.
 */
export function createRepeatFilter(quietMs: number): (text: string, now: number) => boolean {
  const lastSeen = new Map<string, number>();
  return (text, now) => {
    const last = lastSeen.get(text);
    lastSeen.set(text, now);
    for (const [t, at] of lastSeen) if (now - at > quietMs * 10) lastSeen.delete(t);
    return last === undefined || now - last > quietMs;
  };
}
