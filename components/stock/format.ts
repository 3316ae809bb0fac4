// Number and date formatting shared by the stock and work order screens.

const qtyFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 4 });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });

/** A quantity with up to 4 decimals (the ledger's scale), grouped for reading. */
export function formatQty(n: number): string {
  return qtyFormat.format(n);
}

/** A signed change: "+10", "−2.5" (a real minus sign, easier to spot than a hyphen). */
export function formatChange(n: number): string {
  return n > 0 ? `+${formatQty(n)}` : `−${formatQty(Math.abs(n))}`;
}

export function formatDateTime(iso: string): string {
  return dateTimeFormat.format(new Date(iso));
}

export function formatDate(iso: string): string {
  return dateFormat.format(new Date(iso));
}
