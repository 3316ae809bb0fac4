import { useTranslations } from "next-intl";
import { ShortBy } from "../mos/badges";
import type { RawMaterialTotal } from "./types";
import { formatQty } from "../format";

const th = "px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-neutral-500";
const td = "px-3 py-2 text-sm";
const num = `${td} whitespace-nowrap text-right tabular-nums`;

/** Summed raw materials of an explosion; with stock columns when the API included them (stock readers). */
export function RawMaterialsTable({ materials }: { materials: RawMaterialTotal[] }) {
  const t = useTranslations("products");
  const withStock = materials.some((m) => m.onHand !== undefined);
  return (
    <div className="overflow-x-auto rounded-md border border-neutral-200">
      <table className="min-w-full divide-y divide-neutral-200" data-testid="raw-materials">
        <thead className="bg-neutral-50">
          <tr>
            <th scope="col" className={th}>
              {t("raw.material")}
            </th>
            <th scope="col" className={`${th} text-right`}>
              {t("raw.needed")}
            </th>
            {withStock && (
              <th scope="col" className={`${th} text-right`}>
                {t("raw.onHand")}
              </th>
            )}
            {withStock && (
              <th scope="col" className={`${th} text-right`}>
                {t("raw.shortBy")}
              </th>
            )}
          </tr>
        </thead>
        <tbody className="divide-y divide-neutral-100">
          {materials.map((m) => (
            <tr key={m.productId} data-testid="raw-material" data-sku={m.sku} className={m.short ? "bg-red-50" : ""}>
              <td className={td}>
                <span className="font-semibold">{m.sku}</span> <span className="text-neutral-700">{m.name}</span>
              </td>
              <td className={`${num} font-medium`}>{formatQty(m.quantity, m.uom)}</td>
              {withStock && <td className={num}>{formatQty(m.onHand, m.uom)}</td>}
              {withStock && (
                <td className={num}>
                  <ShortBy short={m.short === true} shortBy={m.shortBy ?? 0} uom={m.uom} />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
