import { useTranslations } from "next-intl";
import { EmptyState } from "../../ui/States";
import type { WoPart } from "./types";
import { formatQty } from "../../format";

/** The materials the WO's order needs: per unit and in total (the MO's BOM snapshot × its quantity). */
export function PartsList({ parts, quantity, productUom }: { parts: WoPart[]; quantity: number; productUom: string }) {
  const t = useTranslations("workorders");
  if (!parts.length) return <EmptyState title={t("parts.none")}>{t("parts.noneText")}</EmptyState>;
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-left" data-testid="wo-parts">
        <caption className="sr-only">
          {t("parts.caption", { qty: formatQty(quantity), uom: productUom })}
        </caption>
        <thead className="border-b border-neutral-200 text-xs font-semibold uppercase tracking-wide text-neutral-600">
          <tr>
            <th scope="col" className="py-2 pr-4">
              {t("parts.columns.part")}
            </th>
            <th scope="col" className="py-2 pr-4 text-right">
              {t("parts.columns.perUnit")}
            </th>
            <th scope="col" className="py-2 text-right">
              {t("parts.columns.needed")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-neutral-100">
          {parts.map((p) => (
            <tr key={p.materialId}>
              <td className="py-3 pr-4">
                <span className="block font-semibold text-neutral-900">{p.sku}</span>
                <span className="block text-sm text-neutral-700">{p.name}</span>
              </td>
              <td className="py-3 pr-4 text-right tabular-nums text-neutral-700">
                {formatQty(p.qtyPerUnit)} {p.uom}
              </td>
              <td className="py-3 text-right text-lg font-semibold tabular-nums text-neutral-900">
                {formatQty(p.required)} {p.uom}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
