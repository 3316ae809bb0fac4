import { useTranslations } from "next-intl";
import { Alert } from "../../ui/Alert";
import { EmptyState } from "../../ui/States";
import { ShortBy } from "../badges";
import { MaterialStatusBadge } from "../MaterialStatusBadge";
import { isOpen } from "@/lib/manufacturing/states";
import { Section } from "../PageHeader";
import type { MoDetail } from "../types";
import { formatQty } from "../../format";

const th = "px-4 py-2.5 text-left text-xs font-semibold uppercase tracking-wide text-neutral-500";
const td = "px-4 py-2.5 text-sm";

/**
 * What the order consumes (its BOM snapshot × quantity) against what is on hand now, ranked: the
 * open orders ahead of it (priority, deadline, creation) take the stock first.
 */
export function MaterialsSection({ mo }: { mo: MoDetail }) {
  const t = useTranslations("mos");
  const open = isOpen(mo.state);
  return (
    <Section title={t("materials.title")} testId="materials">
      {mo.materials.length === 0 ? (
        <EmptyState title={t("materials.none")}>{t("materials.noneText")}</EmptyState>
      ) : (
        <>
          {open && (
            <div className="space-y-3 px-4 pt-4 sm:px-5">
              <p className="flex flex-wrap items-center gap-2 text-sm text-neutral-700">
                <MaterialStatusBadge status={mo.materialStatus} />
                <span>{t("materials.rankNote")}</span>
              </p>
              {mo.shortages > 0 ? (
                <Alert tone="error" title={t("materials.shortTitle", { count: mo.shortages })}>
                  {t("materials.shortText")}
                </Alert>
              ) : (
                <Alert tone="success">{t("materials.allOnHand")}</Alert>
              )}
            </div>
          )}
          <div className="overflow-x-auto p-4 sm:p-5">
            <table className="min-w-full divide-y divide-neutral-200 rounded-md border border-neutral-200">
              <caption className="sr-only">{t("materials.caption", { orderNo: mo.orderNo })}</caption>
              <thead className="bg-neutral-50">
                <tr>
                  <th scope="col" className={th}>
                    {t("materials.columns.material")}
                  </th>
                  <th scope="col" className={`${th} text-right`}>
                    {t("materials.columns.perUnit")}
                  </th>
                  <th scope="col" className={`${th} text-right`}>
                    {mo.state === "DONE" ? t("materials.columns.consumed") : t("materials.columns.needed")}
                  </th>
                  <th scope="col" className={`${th} text-right`}>
                    {t("materials.columns.onHand")}
                  </th>
                  {open && (
                    <>
                      <th scope="col" className={`${th} text-right`}>
                        {t("materials.columns.allocatedAhead")}
                      </th>
                      <th scope="col" className={`${th} text-right`}>
                        {t("materials.columns.available")}
                      </th>
                      <th scope="col" className={`${th} text-right`}>
                        {t("materials.columns.shortBy")}
                      </th>
                    </>
                  )}
                </tr>
              </thead>
              <tbody className="divide-y divide-neutral-100">
                {mo.materials.map((m) => (
                  <tr key={m.materialId} data-testid="material-row" data-sku={m.sku} className={m.short ? "bg-red-50" : ""}>
                    <td className={td}>
                      <span className="font-semibold">{m.sku}</span> <span className="text-neutral-700">{m.name}</span>
                    </td>
                    <td className={`${td} text-right tabular-nums`}>{formatQty(m.qtyPerUnit, m.uom)}</td>
                    <td className={`${td} text-right font-medium tabular-nums`}>{formatQty(m.required, m.uom)}</td>
                    <td className={`${td} text-right tabular-nums`}>{formatQty(m.onHand, m.uom)}</td>
                    {open && (
                      <td className={`${td} text-right tabular-nums`} data-testid="allocated-ahead">
                        {formatQty(m.allocatedAhead, m.uom)}
                      </td>
                    )}
                    {open && (
                      <td className={`${td} text-right tabular-nums`} data-testid="available">
                        {formatQty(m.available, m.uom)}
                      </td>
                    )}
                    {open && (
                      <td className={`${td} text-right tabular-nums`}>
                        <ShortBy short={m.short} shortBy={m.shortBy} uom={m.uom} />
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </Section>
  );
}
