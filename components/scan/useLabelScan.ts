import { useState } from "react";
import { ApiError, apiFetch, errorMessage } from "../api";
import type { ScannedLabel } from "./labels";
import { offerLot } from "./lotTarget";

/** What a scanned lot or location label came to on the shop floor's scan boxes. */
export type LabelShown =
  /** The lot's or location's card. */
  | { kind: "card"; label: ScannedLabel }
  /** The lot was named in an open Complete panel (for that component). */
  | { kind: "named"; lotCode: string; forWhat: string };

/** The outcome the scan box turns into its own words: shown (card or named), not known, or failed. */
export type LabelOutcome = { kind: "shown"; shown: LabelShown } | { kind: "notKnown" } | { kind: "failed"; error: string };

/**
 * Looks up a scanned lot or location label (GET /api/scan/label: the narrow read an operator may make)
 * and keeps what to show under the scan box. A lot of a component of an open Complete panel is named
 * there instead of shown (components/scan/lotTarget.ts). Unknown or inactive: "notKnown".
 */
export function useLabelScan() {
  const [shown, setShown] = useState<LabelShown | null>(null);
  const [busy, setBusy] = useState(false);

  async function lookUp(code: string): Promise<LabelOutcome> {
    setShown(null);
    setBusy(true);
    try {
      const label = await apiFetch<ScannedLabel>(`/api/scan/label?${new URLSearchParams({ code })}`);
      const forWhat = label.kind === "lot" ? offerLot({ id: label.lot.id, code: label.lot.code, productId: label.lot.product.id }) : null;
      const next: LabelShown = label.kind === "lot" && forWhat ? { kind: "named", lotCode: label.lot.code, forWhat } : { kind: "card", label };
      setShown(next);
      return { kind: "shown", shown: next };
    } catch (err) {
      // 400: the label's value is no lot or location id after all; 404: unknown, or switched off.
      if (err instanceof ApiError && (err.status === 404 || err.status === 400)) return { kind: "notKnown" };
      return { kind: "failed", error: errorMessage(err) };
    } finally {
      setBusy(false);
    }
  }

  return { shown, busy, lookUp, clear: () => setShown(null) };
}
