// Unsent form input kept in sessionStorage (this tab only, gone when the tab closes): when a session
// ends mid-form the sign-in page sends the person back, and the form comes back filled.

const PREFIX = "mes:draft:";

/** The kept input of a form, or null. */
export function readDraft<V>(formId: string): V | null {
  if (typeof window === "undefined") return null;
  try {
    const raw = window.sessionStorage.getItem(PREFIX + formId);
    return raw ? (JSON.parse(raw) as V) : null;
  } catch {
    return null;
  }
}

/** Keeps the form's input (best effort: private modes may refuse storage). */
export function writeDraft(formId: string, values: unknown): void {
  if (typeof window === "undefined") return;
  try {
    window.sessionStorage.setItem(PREFIX + formId, JSON.stringify(values));
  } catch {
    // Storage full or refused: the draft is a convenience, the form works without it.
  }
}

/** Forgets a form's kept input (after it was sent, or when the person cancels). */
export function clearDraft(formId: string): void {
  if (typeof window === "undefined") return;
  try {
    window.sessionStorage.removeItem(PREFIX + formId);
  } catch {
    // see writeDraft
  }
}
