import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import type { countStock } from "@/lib/inventory/count";
import { isCountedUnit } from "@/lib/products/units";
import { countInput } from "@/lib/stock/schemas";
import type { JsonOutcome } from "@/types/json";
import { ApiError } from "../../api";
import { formatQty, parseNumber } from "../../format";
import { FormError } from "../../forms/FormError";
import { sendWithKey } from "../../forms/send";
import { useApiForm } from "../../forms/useApiForm";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { FieldError, TextAreaField } from "../../ui/Field";
import { inputClass } from "../../ui/styles";
import { expiryText, type LocationStock } from "../transfers/places";
import { AddLine, type NewLine } from "./AddLine";

export type CountResult = JsonOutcome<typeof countStock>;

/** One line of the sheet: a product (and lot) at the location, what the sheet said was there, and what was counted. */
export interface SheetLine {
  productId: string;
  sku: string;
  name: string;
  uom: string;
  lotId: string | null;
  lotCode: string | null;
  expiresAt: string | null;
  /** The on-hand when the sheet was read (sent as expectedOnHand). */
  expected: number;
  /** What the person typed ("" = not counted, left out of the count). */
  counted: string;
  /** Added by hand: found on the shelf, not on the sheet. */
  added: boolean;
  /** Set when the API refused the count because this line's stock moved since the sheet was read. */
  movedFrom: number | null;
}

/** The sheet's lines from what is on hand at the location. */
export function linesFrom(stock: LocationStock): SheetLine[] {
  return stock.stock.map((s) => ({
    productId: s.product.id,
    sku: s.product.sku,
    name: s.product.name,
    uom: s.product.uom,
    lotId: s.lot?.id ?? null,
    lotCode: s.lot?.code ?? null,
    expiresAt: s.lot?.expiresAt ?? null,
    expected: s.onHand,
    counted: "",
    added: false,
    movedFrom: null,
  }));
}

interface Moved {
  productId: string;
  lotId: string | null;
  expectedOnHand: number;
  onHand: number;
}

/** The lines of a 409 CONFLICT that names moved stock (`details.moved`), or null for any other failure. */
function movedOf(err: unknown): Moved[] | null {
  if (!(err instanceof ApiError) || err.code !== "CONFLICT") return null;
  const list = (err.details as { moved?: unknown } | undefined)?.moved;
  if (!Array.isArray(list)) return null;
  return list.filter((m): m is Moved => typeof m === "object" && m !== null && typeof (m as Moved).productId === "string" && typeof (m as Moved).onHand === "number");
}

/** An issue of the API about the j-th line sent, moved to the row of the sheet that line came from. */
function toRow(detail: unknown, rows: number[]): unknown {
  if (typeof detail !== "object" || detail === null) return detail;
  const d = detail as { path?: unknown };
  const parts = Array.isArray(d.path) ? d.path.map(String) : typeof d.path === "string" ? d.path.split(".") : null;
  if (!parts || parts[0] !== "lines" || parts.length < 2) return detail;
  const row = rows[Number(parts[1])];
  return row === undefined ? detail : { ...d, path: ["lines", String(row), ...parts.slice(2)].join(".") };
}

const keyOf = (l: { productId: string; lotId: string | null }) => `${l.productId}|${l.lotId ?? ""}`;

interface Props {
  location: LocationStock;
  /** Whether the person may submit (stock:adjust); readers see the sheet only. */
  canCount: boolean;
  onCounted: (result: CountResult, lines: SheetLine[]) => void;
}

/**
 * The count sheet of one location on screen (POST /api/stock/counts): every product and lot on hand
 * there with the on-hand read with the sheet (sent as `expectedOnHand`), an input for what was
 * counted, and lines added for what was found but is not listed. When the API answers that stock moved
 * since the sheet was read (409 CONFLICT, `details.moved`), those lines are marked, their expected
 * on-hand is replaced by the new one and every count typed is kept: recount them and send again.
 */
export function CountSheet({ location, canCount, onCounted }: Props) {
  const t = useTranslations("moves");
  const id = useId();
  const [adding, setAdding] = useState(false);
  const [addError, setAddError] = useState<string | null>(null);
  const f = useApiForm({
    id: null,
    schema: countInput,
    defaultValues: { lines: linesFrom(location), note: "" },
    labels: { lines: t("count.col.counted"), note: t("count.note") },
    check: (v) => {
      const out: Record<string, string> = {};
      v.lines.forEach((l, i) => {
        if (!l.counted.trim()) return;
        const n = parseNumber(l.counted);
        if (n === null || Number.isNaN(n)) out[`lines.${i}.counted`] = t("count.errors.number", { sku: l.sku });
        else if (n < 0) out[`lines.${i}.counted`] = t("count.errors.negative", { sku: l.sku });
        else if (isCountedUnit(l.uom) && !Number.isInteger(n)) out[`lines.${i}.counted`] = t("count.errors.whole", { sku: l.sku, uom: l.uom.trim() });
      });
      if (!v.lines.some((l) => l.counted.trim())) out.lines = t("count.errors.none");
      return out as Partial<Record<"lines" | "note", string>>;
    },
    toBody: (v) => ({
      locationId: location.id,
      lines: v.lines.filter((l) => l.counted.trim()).map((l) => ({ productId: l.productId, lotId: l.lotId, counted: parseNumber(l.counted) ?? 0, expectedOnHand: l.expected })),
      ...(v.note.trim() ? { note: v.note.trim() } : {}),
    }),
    send: async (body, key) => {
      try {
        return await sendWithKey<CountResult>("/api/stock/counts", "POST", body, key);
      } catch (e) {
        // Stock moved since the sheet was read: mark those lines with what the sheet said and what is
        // there now, and keep every count typed (the refusal wrote nothing); the next send uses the new on-hand.
        const moved = movedOf(e);
        // Lines left empty are not sent: the API's `lines.<j>` is the j-th line sent, here `lines.<row>`.
        if (e instanceof ApiError && Array.isArray(e.details)) {
          const rows = f.form.getValues("lines").flatMap((l, i) => (l.counted.trim() ? [i] : []));
          throw new ApiError(e.status, e.code, e.message, e.details.map((d: unknown) => toRow(d, rows)), e.retryAfter);
        }
        if (moved) {
          const byKey = new Map(moved.map((m) => [keyOf(m), m]));
          f.form.setValue(
            "lines",
            f.form.getValues("lines").map((l) => {
              const m = byKey.get(keyOf(l));
              return m ? { ...l, expected: m.onHand, movedFrom: m.expectedOnHand } : l;
            }),
          );
        }
        throw e;
      }
    },
    onSuccess: (result, v) => onCounted(result, v.lines),
  });
  const { form, register, fieldError: err } = f;
  const lines = form.watch("lines");
  const moved = movedOf(f.failure);
  const movedCount = lines.filter((l) => l.movedFrom !== null).length;

  function add(line: NewLine): boolean {
    const current = form.getValues("lines");
    if (current.some((l) => keyOf(l) === keyOf(line))) {
      setAddError(t("count.add.already", { sku: line.sku, lot: line.lotCode ?? "", hasLot: line.lotCode ? "yes" : "no" }));
      return false;
    }
    // Not on the sheet: nothing is on hand here (the sheet lists every balance that is not zero).
    form.setValue("lines", [...current, { ...line, expected: 0, counted: "", added: true, movedFrom: null }], { shouldDirty: true });
    setAddError(null);
    setAdding(false);
    return true;
  }

  return (
    <form onSubmit={f.onSubmit} noValidate aria-labelledby={`${id}-title`} data-testid="count-sheet" className="space-y-4">
      <h2 id={`${id}-title`} className="text-lg font-semibold text-neutral-900">
        {t("count.sheetTitle", { code: location.code, name: location.name, same: location.name.toLocaleLowerCase() === location.code.toLocaleLowerCase() ? "yes" : "no" })}
      </h2>
      <FormError form={f} title={moved ? t("count.movedTitle") : t("count.failed")}>
        {moved && <p className="mt-1">{t("count.movedHelp", { count: moved.length })}</p>}
      </FormError>
      {!moved && movedCount > 0 && (
        <Alert tone="info" title={t("count.movedTitle")}>
          {t("count.movedHelp", { count: movedCount })}
        </Alert>
      )}
      {lines.length === 0 ? (
        <p className="text-neutral-700" data-testid="count-empty">
          {t("count.empty")}
        </p>
      ) : (
        <div className="overflow-x-auto rounded border border-neutral-200">
          <table className="min-w-full divide-y divide-neutral-200">
            <caption className="sr-only">{t("count.sheetTitle", { code: location.code, name: location.name, same: location.name.toLocaleLowerCase() === location.code.toLocaleLowerCase() ? "yes" : "no" })}</caption>
            <thead className="bg-neutral-50">
              <tr>
                <th scope="col" className="px-4 py-2 text-left text-sm font-semibold">{t("count.col.product")}</th>
                <th scope="col" className="px-4 py-2 text-left text-sm font-semibold">{t("count.col.lot")}</th>
                <th scope="col" className="px-4 py-2 text-right text-sm font-semibold">{t("count.col.expected")}</th>
                <th scope="col" className="px-4 py-2 text-left text-sm font-semibold">{t("count.col.counted")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-neutral-200 bg-white">
              {lines.map((l, i) => {
                const lineError = err(`lines.${i}.counted`) ?? err(`lines.${i}.lotId`) ?? err(`lines.${i}.productId`) ?? err(`lines.${i}`);
                const label = t("count.countedOf", { sku: l.sku, lot: l.lotCode ?? "", hasLot: l.lotCode ? "yes" : "no" });
                return (
                  <tr
                    key={keyOf(l)}
                    data-testid="count-line"
                    data-sku={l.sku}
                    data-lot={l.lotCode ?? ""}
                    data-moved={l.movedFrom !== null ? "true" : undefined}
                    className={l.movedFrom !== null ? "bg-amber-50" : undefined}
                  >
                    <td className="px-4 py-2">
                      <span className="font-semibold">{l.sku}</span> <span className="text-sm text-neutral-700">{l.name}</span>
                      {l.added && <span className="ml-2 rounded bg-neutral-100 px-1.5 py-0.5 text-xs text-neutral-700">{t("count.added")}</span>}
                    </td>
                    <td className="px-4 py-2 text-sm">
                      {l.lotCode ?? t("count.noLot")}
                      {l.expiresAt && <span className="block text-xs text-neutral-600">{t("count.expires", { date: expiryText(l.expiresAt) ?? "" })}</span>}
                    </td>
                    <td className="px-4 py-2 text-right tabular-nums" data-testid="count-expected">
                      <span data-testid="count-expected-qty">{formatQty(l.expected)}</span> <span className="text-sm text-neutral-600">{l.uom}</span>
                      {l.movedFrom !== null && (
                        <span className="block text-xs font-medium text-amber-800" data-testid="count-moved">
                          {t("count.moved", { was: formatQty(l.movedFrom), now: formatQty(l.expected) })}
                        </span>
                      )}
                    </td>
                    <td className="px-4 py-2">
                      <input
                        {...register(`lines.${i}.counted`)}
                        aria-label={label}
                        inputMode={isCountedUnit(l.uom) ? "numeric" : "decimal"}
                        autoComplete="off"
                        disabled={!canCount}
                        aria-invalid={lineError ? true : undefined}
                        className={`${inputClass} w-32`}
                        data-testid="count-input"
                      />
                      <FieldError error={lineError} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {canCount && (
        <>
          {adding ? (
            <AddLine onAdd={add} onCancel={() => { setAdding(false); setAddError(null); }} error={addError} />
          ) : (
            <Button variant="secondary" onClick={() => setAdding(true)} data-testid="count-add-line">
              {t("count.add.open")}
            </Button>
          )}
          <TextAreaField label={t("count.noteOptional")} rows={2} maxLength={500} {...register("note")} error={err("note")} className="min-h-0 py-2" />
          <FieldError error={err("lines")} />
          <Button type="submit" size="lg" busy={f.busy} data-testid="count-submit">
            {t("count.submit")}
          </Button>
        </>
      )}
    </form>
  );
}
