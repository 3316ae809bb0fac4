import { useTranslations } from "next-intl";
import { Button } from "../ui/Button";
import { EmptyState } from "../ui/States";
import type { PostingMode } from "./PostingForm";
import type { StockLevel } from "./types";
import { formatMoney, formatQty } from "../format";

const th = "px-4 py-3 text-left text-xs font-semibold uppercase tracking-wide text-neutral-600";

interface Props {
  levels: StockLevel[];
  filtered: boolean;
  /** Present for people who may post stock (stock:adjust): per-row receive / adjust buttons. */
  onPost?: (mode: PostingMode | "scrap", level: StockLevel) => void;
}

/**
 * Stock per product; rows at or below their reorder point are highlighted and labelled "Low".
 * Allocated is what the open orders still need, available what is left (negative in red: over-allocated).
 */
export function LevelsTable({ levels, filtered, onPost }: Props) {
  const t = useTranslations("stock");
  if (!levels.length) {
    return <EmptyState title={filtered ? t("levels.empty.noMatchTitle") : t("levels.empty.noneTitle")}>{filtered ? t("levels.empty.noMatchBody") : t("levels.empty.noneBody")}</EmptyState>;
  }
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full divide-y divide-neutral-200" data-testid="levels-table">
        <caption className="sr-only">{t("levels.table.caption")}</caption>
        <thead className="bg-neutral-50">
          <tr>
            <th scope="col" className={th}>
              {t("levels.table.product")}
            </th>
            <th scope="col" className={`${th} text-right`}>
              {t("levels.table.onHand")}
            </th>
            <th scope="col" className={`${th} text-right`}>
              {t("levels.table.allocated")}
            </th>
            <th scope="col" className={`${th} text-right`}>
              {t("levels.table.available")}
            </th>
            <th scope="col" className={`${th} text-right`}>
              {t("levels.table.reorderAt")}
            </th>
            <th scope="col" className={`${th} hidden text-right md:table-cell`}>
              {t("levels.table.value")}
            </th>
            <th scope="col" className={th}>
              {t("levels.table.status")}
            </th>
            {onPost && (
              <th scope="col" className={th}>
                <span className="sr-only">{t("levels.table.actions")}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody className="divide-y divide-neutral-200 bg-white">
          {levels.map((l) => (
            <tr key={l.productId} data-testid="level-row" data-sku={l.sku} data-low={l.low || undefined} className={l.low ? "bg-amber-50" : ""}>
              <td className={`px-4 py-3 ${l.low ? "border-l-4 border-l-amber-500" : "border-l-4 border-l-transparent"}`}>
                <span className="block font-semibold text-neutral-900">{l.sku}</span>
                <span className="block text-sm text-neutral-700">{l.name}</span>
              </td>
              <td className="px-4 py-3 text-right text-lg font-semibold tabular-nums text-neutral-900" data-testid="on-hand">
                {formatQty(l.onHand)} <span className="text-sm font-normal text-neutral-600">{l.uom}</span>
              </td>
              <td className="px-4 py-3 text-right tabular-nums text-neutral-700" data-testid="allocated">
                {formatQty(l.allocated)}
              </td>
              <td className={`px-4 py-3 text-right tabular-nums ${l.available < 0 ? "font-semibold text-red-700" : "text-neutral-700"}`} data-testid="available">
                {formatQty(l.available)}
              </td>
              <td className="px-4 py-3 text-right tabular-nums text-neutral-700">{l.reorderPoint !== null ? formatQty(l.reorderPoint) : "—"}</td>
              {/* The stock's value at moving average cost (docs/domain.md "Valuation"); "—" when never valued. */}
              <td className="hidden px-4 py-3 text-right tabular-nums text-neutral-700 md:table-cell" data-testid="stock-value">
                {formatMoney(l.value)}
              </td>
              <td className="px-4 py-3">
                {l.low ? (
                  <span className="inline-flex items-center gap-1.5 rounded-full bg-amber-100 px-2.5 py-0.5 text-sm font-semibold text-amber-900 ring-1 ring-inset ring-amber-700/30">
                    <svg viewBox="0 0 20 20" className="h-4 w-4" fill="currentColor" aria-hidden="true">
                      <path d="M10 2.5 1.5 17.5h17L10 2.5Zm-.9 5h1.8v5H9.1v-5Zm0 6.5h1.8v1.8H9.1V14Z" />
                    </svg>
                    {t("levels.table.low")}
                  </span>
                ) : l.reorderPoint !== null ? (
                  <span className="text-sm text-neutral-700">{t("levels.table.ok")}</span>
                ) : (
                  <span className="text-sm text-neutral-500">
                    <span aria-hidden="true">—</span>
                    <span className="sr-only">{t("levels.table.noReorderPoint")}</span>
                  </span>
                )}
              </td>
              {onPost && (
                <td className="px-4 py-3">
                  <div className="flex justify-end gap-2">
                    <Button variant="secondary" onClick={() => onPost("receipt", l)}>
                      {t("levels.table.receive")}
                      <span className="sr-only"> {l.sku}</span>
                    </Button>
                    <Button variant="secondary" onClick={() => onPost("adjust", l)}>
                      {t("levels.table.adjust")}
                      <span className="sr-only"> {l.sku}</span>
                    </Button>
                    <Button variant="secondary" onClick={() => onPost("scrap", l)}>
                      {t("levels.table.scrap")}
                      <span className="sr-only"> {l.sku}</span>
                    </Button>
                  </div>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
