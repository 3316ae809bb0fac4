import { useTranslations } from "next-intl";
import Link from "next/link";
import { EmptyState } from "../../ui/States";
import { focusRing } from "../../ui/styles";
import { LateBadge, MoStateBadge, PriorityBadge } from "../badges";
import { MaterialStatusBadge } from "../MaterialStatusBadge";
import { ProgressBar } from "../ProgressBar";
import type { MoListItem } from "../types";
import { formatDate, formatQty } from "../../format";

const th = "px-4 py-3 text-left text-xs font-semibold uppercase tracking-wide text-neutral-500";

/** The MOs of one page: a late one has a red deadline with the word "Late", not only a color. */
export function MoTable({ mos, filtered }: { mos: MoListItem[]; filtered: boolean }) {
  const t = useTranslations("mos");
  if (mos.length === 0) {
    return (
      <EmptyState title={filtered ? t("list.noMatchTitle") : t("list.emptyTitle")}>
        {filtered ? t("list.noMatchText") : t("list.emptyText")}
      </EmptyState>
    );
  }
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full divide-y divide-neutral-200">
        <caption className="sr-only">{t("list.title")}</caption>
        <thead className="bg-neutral-50">
          <tr>
            <th scope="col" className={th}>
              {t("list.columns.order")}
            </th>
            <th scope="col" className={`${th} hidden lg:table-cell`}>
              {t("fields.quantity")}
            </th>
            <th scope="col" className={th}>
              {t("fields.deadline")}
            </th>
            <th scope="col" className={th}>
              {t("fields.priority")}
            </th>
            <th scope="col" className={th}>
              {t("list.columns.state")}
            </th>
            <th scope="col" className={th}>
              {t("list.columns.materials")}
            </th>
            <th scope="col" className={th}>
              {t("list.columns.progress")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-neutral-200 bg-white">
          {mos.map((mo) => (
            <tr key={mo.id} data-testid="mo-row" data-order-no={mo.orderNo} className={mo.late ? "bg-red-50/40" : ""}>
              <td className="px-4 py-2">
                <Link href={`/mos/${mo.id}`} className={`-mx-1 flex min-h-11 flex-col justify-center rounded px-1 ${focusRing}`}>
                  <span className="font-semibold text-neutral-900 underline-offset-2 hover:underline">{mo.orderNo}</span>
                  <span className="text-sm text-neutral-700">{mo.name}</span>
                </Link>
                <span className="block text-xs text-neutral-500">
                  {mo.product.sku} · {mo.product.name}
                  <span className="lg:hidden"> · {formatQty(mo.quantity, mo.product.uom)}</span>
                </span>
              </td>
              <td className="hidden whitespace-nowrap px-4 py-2 text-sm tabular-nums text-neutral-800 lg:table-cell">{formatQty(mo.quantity, mo.product.uom)}</td>
              <td className="whitespace-nowrap px-4 py-2 text-sm">
                <span className={mo.late ? "font-semibold text-red-700" : "text-neutral-800"}>{formatDate(mo.deadline)}</span>
                {mo.late && (
                  <span className="ml-2 align-middle">
                    <LateBadge />
                  </span>
                )}
              </td>
              <td className="px-4 py-2">
                <PriorityBadge priority={mo.priority} />
              </td>
              <td className="px-4 py-2">
                <MoStateBadge state={mo.state} />
              </td>
              <td className="px-4 py-2">
                <MaterialStatusBadge status={mo.materialStatus} />
              </td>
              <td className="px-4 py-2">
                <ProgressBar progress={mo.progress} label={t("progress.of", { orderNo: mo.orderNo })} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
