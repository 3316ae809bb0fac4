import { useTranslations } from "next-intl";
import { Pill } from "../../mos/badges";
import type { BomView } from "../types";
import { formatQty } from "../../format";

const th = "px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-neutral-500";
const td = "px-3 py-2 text-sm";

/** The BOM for people who may read but not change it. */
export function BomReadOnly({ bom }: { bom: BomView }) {
  const t = useTranslations("products");
  return (
    <div className="grid gap-6 p-4 sm:p-5 lg:grid-cols-2">
      <div>
        <h3 className="text-base font-semibold text-neutral-900">{t("bom.readOnly.components")}</h3>
        {bom.components.length === 0 ? (
          <p className="mt-2 text-sm text-neutral-600">{t("bom.readOnly.noComponents")}</p>
        ) : (
          <table className="mt-2 min-w-full divide-y divide-neutral-200 rounded-md border border-neutral-200">
            <thead className="bg-neutral-50">
              <tr>
                <th scope="col" className={th}>
                  {t("bom.readOnly.material")}
                </th>
                <th scope="col" className={`${th} text-right`}>
                  {t("bom.readOnly.perUnit")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-neutral-100">
              {bom.components.map((c) => (
                <tr key={c.id} data-testid="bom-component" data-sku={c.material.sku}>
                  <td className={td}>
                    <span className="font-semibold">{c.material.sku}</span> {c.material.name} {c.material.archivedAt && <Pill tone="amber">{t("kind.archived")}</Pill>}
                  </td>
                  <td className={`${td} text-right tabular-nums`}>{formatQty(c.qtyPerUnit, c.material.uom)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      <div>
        <h3 className="text-base font-semibold text-neutral-900">{t("bom.readOnly.operations")}</h3>
        {bom.operations.length === 0 ? (
          <p className="mt-2 text-sm text-neutral-600">{t("bom.readOnly.noOperations")}</p>
        ) : (
          <ol className="mt-2 divide-y divide-neutral-200 rounded-md border border-neutral-200">
            {bom.operations.map((o) => (
              <li key={o.id} data-testid="bom-operation" className="flex flex-wrap items-baseline justify-between gap-2 px-3 py-2 text-sm">
                <span>
                  <span className="tabular-nums text-neutral-500">{o.sequence}.</span> <span className="font-medium text-neutral-900">{o.title}</span>
                </span>
                <span className="text-neutral-600">
                  {o.workCenter?.name ?? t("bom.readOnly.noWorkCenter")}
                  {o.minutesPerUnit !== null && ` · ${t("bom.readOnly.minutesPerUnit", { minutes: formatQty(o.minutesPerUnit) })}`}
                </span>
              </li>
            ))}
          </ol>
        )}
      </div>
    </div>
  );
}
