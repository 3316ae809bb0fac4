import { ApiError } from "../api";
import { formatQty } from "../format";
import type { Shortage } from "./types";

/** The short products of a 409 INSUFFICIENT_STOCK, or null for any other error. */
export function shortagesOf(err: unknown): Shortage[] | null {
  if (!(err instanceof ApiError) || err.code !== "INSUFFICIENT_STOCK") return null;
  const d = err.details as { shortages?: unknown } | undefined;
  return Array.isArray(d?.shortages) ? (d.shortages as Shortage[]) : [];
}

/** Each short product of a stock refusal with what is needed and on hand (nothing for other errors). */
export function ShortageItems({ error }: { error: unknown }) {
  const shortages = shortagesOf(error);
  if (!shortages || shortages.length === 0) return null;
  return (
    <ul className="mt-2 space-y-1" data-testid="shortages">
      {shortages.map((s) => (
        <li key={s.sku} className="flex flex-wrap gap-x-2">
          <span className="font-semibold">{s.sku}</span>
          <span>{s.name}:</span>
          <span>
            needs {formatQty(s.required, s.uom)}, on hand {formatQty(s.onHand, s.uom)}, short by <strong>{formatQty(s.shortBy, s.uom)}</strong>
          </span>
        </li>
      ))}
    </ul>
  );
}
