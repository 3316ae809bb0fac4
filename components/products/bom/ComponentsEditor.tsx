import { useTranslations } from "next-intl";
import { useState } from "react";
import { Pill } from "../../mos/badges";
import { Button } from "../../ui/Button";
import { inputClass } from "../../ui/styles";
import { ProductPicker, type PickedProduct } from "../ProductPicker";
import type { ComponentRow, RowErrors } from "./draft";

interface Props {
  productId: string;
  rows: ComponentRow[];
  errors: RowErrors;
  onAdd: (p: PickedProduct) => void;
  onQty: (i: number, qty: string) => void;
  onRemove: (i: number) => void;
}

/** The component lines of the BOM being edited: material, quantity per unit, remove; a picker to add one. */
export function ComponentsEditor({ productId, rows, errors, onAdd, onQty, onRemove }: Props) {
  const t = useTranslations("products");
  const [picking, setPicking] = useState(false);
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="text-base font-semibold text-neutral-900">{t("bom.components")}</h3>
        {!picking && (
          <Button variant="secondary" onClick={() => setPicking(true)}>
            {t("bom.addComponent")}
          </Button>
        )}
      </div>
      {picking && (
        <div className="rounded-md border border-blue-200 bg-blue-50/40 p-3" data-testid="material-picker">
          <ProductPicker
            label={t("bom.findMaterial")}
            source="products"
            first="raw"
            browse
            autoFocus
            exclude={[productId, ...rows.map((r) => r.materialId)]}
            onChange={(p) => {
              if (!p) return;
              onAdd(p);
              setPicking(false);
            }}
          />
          <Button variant="ghost" className="mt-2" onClick={() => setPicking(false)}>
            {t("bom.doneAdding")}
          </Button>
        </div>
      )}
      {rows.length === 0 ? (
        <p className="rounded-md border border-dashed border-neutral-300 px-4 py-6 text-center text-sm text-neutral-600">{t("bom.noComponents")}</p>
      ) : (
        <ul className="divide-y divide-neutral-200 rounded-md border border-neutral-200" aria-label={t("bom.components")}>
          {rows.map((r, i) => {
            const err = errors[`components.${i}`];
            const id = `bom-qty-${r.materialId}`;
            return (
              <li key={r.materialId} data-testid="bom-component" data-sku={r.sku} className={`px-3 py-2 ${err ? "bg-red-50" : ""}`}>
                <div className="flex flex-wrap items-center gap-3">
                  <div className="min-w-40 flex-1">
                    <span className="font-semibold text-neutral-900">{r.sku}</span> <span className="text-neutral-700">{r.name}</span>
                    {r.archived && (
                      <span className="ml-2">
                        <Pill tone="amber">{t("kind.archived")}</Pill>
                      </span>
                    )}
                  </div>
                  <div className="flex items-center gap-2">
                    <label htmlFor={id} className="whitespace-nowrap text-sm text-neutral-600">
                      {t("bom.perUnit")}<span className="sr-only"> {t("bom.perUnitOf", { sku: r.sku })}</span>
                    </label>
                    <div className="w-28">
                      <input
                        id={id}
                        inputMode="decimal"
                        value={r.qty}
                        onChange={(e) => onQty(i, e.target.value)}
                        aria-invalid={err ? true : undefined}
                        aria-describedby={err ? `${id}-error` : undefined}
                        className={`${inputClass} text-right`}
                      />
                    </div>
                    <span className="w-12 text-sm text-neutral-600">{r.uom}</span>
                  </div>
                  <Button variant="ghost" onClick={() => onRemove(i)} aria-label={t("bom.removeLabel", { sku: r.sku })}>
                    {t("bom.remove")}
                  </Button>
                </div>
                {err && (
                  <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
                    {err}
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
