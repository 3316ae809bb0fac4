// What a keyboard-wedge scanner or a person types into the scan box, turned into a WO code.

/**
 * "WO-000002", "wo-2", "wo 000002", "2", or a URL / label text that contains a WO code → "WO-000002"
 * (codes are WO- and at least 6 digits, see the WorkOrder.code default). null when it is not a code.
 */
export function parseWoCode(raw: string): string | null {
  const text = raw.trim();
  const m = /wo[-\s_]?(\d{1,12})(?!\d)/i.exec(text) ?? /^(\d{1,12})$/.exec(text);
  if (!m) return null;
  return `WO-${m[1]!.padStart(6, "0")}`;
}
