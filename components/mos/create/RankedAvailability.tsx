// The creation preview's ranked availability: the draft's components as if the order were created now
// with its priority and deadline (GET /api/mos/availability, docs/domain.md "Material availability").
import { useTranslations } from "next-intl";
import useSWR from "swr";
import type { ApiError } from "../../api";
import type { previewAvailability } from "@/lib/manufacturing/availability";
import type { JsonResult } from "@/types/json";
import { useRealtime } from "../../realtime/useRealtime";
import { formatQty } from "../../format";
import { ShortBy } from "../badges";
import { MaterialStatusBadge } from "../MaterialStatusBadge";
import type { Priority } from "../types";

type Preview = JsonResult<typeof previewAvailability>;

const th = "px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-neutral-500";
const num = "px-3 py-2 text-sm whitespace-nowrap text-right tabular-nums";

export function availabilityUrl(productId: string, quantity: number, priority: Priority, deadline: string | null): string {
  const p = new URLSearchParams({ productId, quantity: String(quantity), priority });
  if (deadline) p.set("deadline", deadline);
  return `/api/mos/availability?${p.toString()}`;
}

/** Shown to planners (mo:write): the open orders ranked ahead of the draft take the stock first. */
export function RankedAvailability({ productId, quantity, priority, deadline }: { productId: string; quantity: number; priority: Priority; deadline: string | null }) {
  const t = useTranslations("mos");
  const { data, mutate } = useSWR<Preview, ApiError>(availabilityUrl(productId, quantity, priority, deadline), { keepPreviousData: true });
  // Stock moved or another order was ranked: the draft's share changes.
  useRealtime(["stock:changed", "mo:created", "mo:updated"], () => void mutate());
  if (!data || data.components.length === 0) return null;
  return (
    <div data-testid="ranked-availability">
      <h3 className="flex flex-wrap items-center gap-2 text-sm font-semibold text-neutral-900">
        {t("requirements.rankedTitle")} <MaterialStatusBadge status={data.materialStatus} />
      </h3>
      <p className="text-sm text-neutral-600">{t("requirements.rankedText")}</p>
      <div className="mt-2 overflow-x-auto rounded-md border border-neutral-200">
        <table className="min-w-full divide-y divide-neutral-200">
          <thead className="bg-neutral-50">
            <tr>
              <th scope="col" className={th}>{t("requirements.columns.component")}</th>
              <th scope="col" className={`${th} text-right`}>{t("materials.columns.needed")}</th>
              <th scope="col" className={`${th} text-right`}>{t("materials.columns.onHand")}</th>
              <th scope="col" className={`${th} text-right`}>{t("materials.columns.allocatedAhead")}</th>
              <th scope="col" className={`${th} text-right`}>{t("materials.columns.available")}</th>
              <th scope="col" className={`${th} text-right`}>{t("materials.columns.shortBy")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-neutral-100">
            {data.components.map((c) => (
              <tr key={c.productId} data-sku={c.sku} className={c.shortBy > 0 ? "bg-red-50" : ""}>
                <td className="px-3 py-2 text-sm">
                  <span className="font-semibold">{c.sku}</span> <span className="text-neutral-700">{c.name}</span>
                </td>
                <td className={num}>{formatQty(c.required, c.uom)}</td>
                <td className={num}>{formatQty(c.onHand, c.uom)}</td>
                <td className={num}>{formatQty(c.allocatedAhead, c.uom)}</td>
                <td className={num}>{formatQty(c.available, c.uom)}</td>
                <td className={num}>
                  <ShortBy short={c.shortBy > 0} shortBy={c.shortBy} uom={c.uom} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
