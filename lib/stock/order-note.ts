// MO postings carry a note the server writes ("MO-000001: materials consumed" / "…: produced").
// The words are English data in the ledger, so screens and exports show them in the reader's
// language from the order number and the entry's source type instead. Browser-safe.

const ORDER_NOTE = /^(MO-\d+): (?:materials consumed|produced)$/;

/** The order number of a note the server wrote for an MO posting, or null for any other note. */
export function orderOfNote(sourceType: string, note: string | null | undefined): string | null {
  if (sourceType !== "MO_CONSUMPTION" && sourceType !== "MO_OUTPUT") return null;
  return ORDER_NOTE.exec(note ?? "")?.[1] ?? null;
}
