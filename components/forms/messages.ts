// Turning validation messages into sentences people read next to a field: the schemas say "is
// required" or "must be 0 or more" about a key; the form says "SKU is required" under the SKU box.
import { ApiError } from "../api";

/** The labels of a form's fields, by field name (the API's body key). */
export type Labels = Readonly<Record<string, string>>;

/**
 * A message about a field as a sentence with the field's label: "is required" → "SKU is required".
 * Messages that are already sentences ("Enter a number", "Metal Table is counted in pcs: …") stay.
 */
export function labelled(label: string | undefined, message: string): string {
  const text = message.trim().replace(/\.$/, "");
  if (!label || !/^[a-z]/.test(text)) return text;
  return `${label} ${text}`;
}

/** A field error from the API: which field (the body's key, e.g. "quantity" or "components.0.qtyPerUnit") and what. */
export interface DetailIssue {
  path: string;
  message: string;
}

/** The `details` of a 400 (`[{ path, message, code }]`), or [] for any other failure. */
export function detailIssues(err: unknown): DetailIssue[] {
  if (!(err instanceof ApiError) || !Array.isArray(err.details)) return [];
  const out: DetailIssue[] = [];
  for (const d of err.details as unknown[]) {
    if (typeof d !== "object" || d === null) continue;
    const { path, message } = d as { path?: unknown; message?: unknown };
    const key = Array.isArray(path) ? path.join(".") : typeof path === "string" ? path : null;
    if (key !== null && typeof message === "string") out.push({ path: key, message });
  }
  return out;
}

/** "the marked field: Quantity" / "the marked fields: SKU, Name" for the summary above a form. */
export function checkFieldsMessage(labels: string[]): string {
  const unique = [...new Set(labels)];
  return unique.length === 1 ? `Check the marked field: ${unique[0]}.` : `Check the marked fields: ${unique.join(", ")}.`;
}
