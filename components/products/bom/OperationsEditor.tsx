import { useTranslations } from "next-intl";
import { Button } from "../../ui/Button";
import { inputClass } from "../../ui/styles";
import type { WorkCenter } from "../types";
import type { OperationRow, RowErrors } from "./draft";

interface Props {
  rows: OperationRow[];
  errors: RowErrors;
  centers: WorkCenter[];
  onChange: (i: number, patch: Partial<OperationRow>) => void;
  onMove: (i: number, delta: number) => void;
  onRemove: (i: number) => void;
  onAdd: () => void;
}

const label = "mb-1 block text-xs font-medium text-neutral-600 md:sr-only";

/** The routing: operations in order with title, work center and minutes per unit; reorder with up/down. */
export function OperationsEditor({ rows, errors, centers, onChange, onMove, onRemove, onAdd }: Props) {
  const t = useTranslations("products");
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="text-base font-semibold text-neutral-900">{t("bom.operations")}</h3>
        <Button variant="secondary" onClick={onAdd}>
          {t("bom.addOperation")}
        </Button>
      </div>
      {rows.length === 0 ? (
        <p className="rounded-md border border-dashed border-neutral-300 px-4 py-6 text-center text-sm text-neutral-600">{t("bom.noOperations")}</p>
      ) : (
        <div className="rounded-md border border-neutral-200">
          <div className="hidden grid-cols-[2rem_minmax(0,2fr)_minmax(0,1.4fr)_7rem_9.5rem] gap-3 border-b border-neutral-200 bg-neutral-50 px-3 py-2 text-xs font-semibold uppercase tracking-wide text-neutral-500 md:grid" aria-hidden="true">
            <span>#</span>
            <span>{t("bom.colTitle")}</span>
            <span>{t("bom.colWorkCenter")}</span>
            <span>{t("bom.colMinutes")}</span>
            <span />
          </div>
          <ol className="divide-y divide-neutral-200" aria-label={t("bom.operations")}>
            {rows.map((o, i) => {
              const n = i + 1;
              const err = errors[`operations.${i}`];
              // An inactive center already on the BOM stays selectable, so the row shows what is stored.
              const current = o.workCenterId && !centers.some((c) => c.id === o.workCenterId) ? o.workCenterId : null;
              return (
                <li key={o.key} data-testid="bom-operation" className={`px-3 py-2 ${err ? "bg-red-50" : ""}`}>
                  <div className="grid items-end gap-3 md:grid-cols-[2rem_minmax(0,2fr)_minmax(0,1.4fr)_7rem_9.5rem] md:items-center">
                    <span className="text-sm font-semibold tabular-nums text-neutral-500">{n}.</span>
                    <div>
                      <label htmlFor={`${o.key}-title`} className={label}>
                        {t("bom.opTitle", { n })}
                      </label>
                      <input id={`${o.key}-title`} value={o.title} maxLength={200} onChange={(e) => onChange(i, { title: e.target.value })} aria-invalid={err ? true : undefined} className={inputClass} />
                    </div>
                    <div>
                      <label htmlFor={`${o.key}-wc`} className={label}>
                        {t("bom.opWorkCenter", { n })}
                      </label>
                      <select id={`${o.key}-wc`} value={o.workCenterId} onChange={(e) => onChange(i, { workCenterId: e.target.value })} className={inputClass}>
                        <option value="">{t("bom.none")}</option>
                        {current && <option value={current}>{t("bom.inactiveCenter")}</option>}
                        {centers.map((c) => (
                          <option key={c.id} value={c.id}>
                            {c.name}
                          </option>
                        ))}
                      </select>
                    </div>
                    <div>
                      <label htmlFor={`${o.key}-min`} className={label}>
                        {t("bom.opMinutes", { n })}
                      </label>
                      <input id={`${o.key}-min`} inputMode="decimal" value={o.minutes} onChange={(e) => onChange(i, { minutes: e.target.value })} className={`${inputClass} text-right`} />
                    </div>
                    <div className="flex gap-1">
                      <Button variant="ghost" className="w-11 px-0" disabled={i === 0} onClick={() => onMove(i, -1)} aria-label={t("bom.moveUp", { n })}>
                        <span aria-hidden="true" className="text-xl leading-none">↑</span>
                      </Button>
                      <Button variant="ghost" className="w-11 px-0" disabled={i === rows.length - 1} onClick={() => onMove(i, 1)} aria-label={t("bom.moveDown", { n })}>
                        <span aria-hidden="true" className="text-xl leading-none">↓</span>
                      </Button>
                      <Button variant="ghost" className="w-11 px-0 text-red-700" onClick={() => onRemove(i)} aria-label={t("bom.removeOp", { n })}>
                        <span aria-hidden="true" className="text-lg leading-none">✕</span>
                      </Button>
                    </div>
                  </div>
                  <div className="mt-2 md:ml-11">
                    <label htmlFor={`${o.key}-instructions`} className="mb-1 block text-xs font-medium text-neutral-600">
                      {t("bom.opInstructions", { n })}
                    </label>
                    <textarea id={`${o.key}-instructions`} value={o.instructions} maxLength={10_000} rows={o.instructions ? 4 : 2} onChange={(e) => onChange(i, { instructions: e.target.value })} className="block min-h-16 w-full rounded-md border border-neutral-300 bg-white px-3 py-2 text-base text-neutral-900 shadow-sm focus:border-blue-600 focus:outline-none focus:ring-2 focus:ring-blue-600/30" data-testid="bom-operation-instructions" />
                  </div>
                  {err && <p className="mt-1 text-sm text-red-700">{err}</p>}
                </li>
              );
            })}
          </ol>
        </div>
      )}
    </div>
  );
}
