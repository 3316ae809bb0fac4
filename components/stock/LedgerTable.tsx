import { useTranslations } from "next-intl";
import Link from "next/link";
import { orderOfNote } from "@/lib/stock/order-note";
import { EmptyState } from "../ui/States";
import { focusRing } from "../ui/styles";
import type { LedgerEntry } from "./types";
import { formatChange, formatDateTime, formatQty } from "../format";

const th = "px-4 py-3 text-left text-xs font-semibold uppercase tracking-wide text-neutral-600";

/** Ledger entries, newest first: every change with its balance after, where it came from, and who made it. */
export function LedgerTable({ entries, filtered, orderLinks }: { entries: LedgerEntry[]; filtered: boolean; orderLinks: boolean }) {
  const t = useTranslations("stock");
  if (!entries.length) {
    return <EmptyState title={filtered ? t("ledger.empty.noMatchTitle") : t("ledger.empty.noneTitle")}>{filtered ? t("ledger.empty.noMatchBody") : t("ledger.empty.noneBody")}</EmptyState>;
  }
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full divide-y divide-neutral-200" data-testid="ledger-table">
        <caption className="sr-only">{t("ledger.table.caption")}</caption>
        <thead className="bg-neutral-50">
          <tr>
            <th scope="col" className={th}>
              {t("ledger.table.when")}
            </th>
            <th scope="col" className={th}>
              {t("ledger.table.product")}
            </th>
            <th scope="col" className={th}>
              {t("ledger.table.location")}
            </th>
            <th scope="col" className={th}>
              {t("ledger.table.lot")}
            </th>
            <th scope="col" className={`${th} text-right`}>
              {t("ledger.table.change")}
            </th>
            <th scope="col" className={`${th} text-right`}>
              {t("ledger.table.balance")}
            </th>
            <th scope="col" className={th}>
              {t("ledger.table.source")}
            </th>
            <th scope="col" className={`${th} hidden lg:table-cell`}>
              {t("ledger.table.by")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-neutral-200 bg-white">
          {entries.map((e) => {
            const mo = e.sourceType === "MO_CONSUMPTION" || e.sourceType === "MO_OUTPUT";
            const scrap = e.sourceType === "SCRAP";
            return (
              <tr key={String(e.id)} data-testid="ledger-row" data-sku={e.product.sku} data-source={e.sourceType} data-location={e.location.code} data-lot={e.lot?.code ?? ""}>
                <td className="whitespace-nowrap px-4 py-3 text-sm text-neutral-700">
                  <time dateTime={e.createdAt}>{formatDateTime(e.createdAt)}</time>
                </td>
                <td className="px-4 py-3">
                  <span className="block font-semibold text-neutral-900">{e.product.sku}</span>
                  <span className="block text-sm text-neutral-700">{e.product.name}</span>
                </td>
                <td className="whitespace-nowrap px-4 py-3 text-sm font-medium text-neutral-900" data-testid="ledger-location">
                  {e.location.code}
                </td>
                <td className="whitespace-nowrap px-4 py-3 text-sm" data-testid="ledger-lot">
                  {e.lot ? (
                    <Link href={`/stock/lots/${e.lot.id}`} className={`inline-flex min-h-11 items-center rounded font-medium text-blue-800 underline underline-offset-4 ${focusRing}`}>
                      {e.lot.code}
                    </Link>
                  ) : (
                    <span className="text-neutral-500">{t("ledger.table.noLot")}</span>
                  )}
                </td>
                <td className={`whitespace-nowrap px-4 py-3 text-right font-semibold tabular-nums ${e.change < 0 ? "text-red-800" : "text-green-800"}`}>
                  {formatChange(e.change)} <span className="text-sm font-normal text-neutral-600">{e.product.uom}</span>
                </td>
                <td className="whitespace-nowrap px-4 py-3 text-right tabular-nums text-neutral-900">{formatQty(e.balanceAfter)}</td>
                <td className="px-4 py-3 text-sm">
                  <span className="block font-medium text-neutral-900">{t(`source.${e.sourceType}`)}</span>
                  {scrap && e.scrapReason && (
                    <span className="block text-neutral-700" data-testid="scrap-reason">
                      {t("ledger.table.reason", { reason: t(`scrapReason.${e.scrapReason}`) })}
                    </span>
                  )}
                  {scrap && e.sourceId && orderLinks && (
                    // A scrap's source id is the order it happened on.
                    <Link href={`/mos/${e.sourceId}`} className={`inline-flex min-h-11 items-center rounded text-blue-800 underline underline-offset-4 ${focusRing}`}>
                      {t("ledger.table.viewOrder")}
                    </Link>
                  )}
                  {mo && e.sourceId && orderLinks ? (
                    // The note of an order posting names the order ("MO-000001: materials consumed"): it is the
                    // link, in the reader's words (the stored note is the server's English).
                    <Link href={`/mos/${e.sourceId}`} className={`inline-flex min-h-11 items-center rounded text-blue-800 underline underline-offset-4 ${focusRing}`}>
                      {orderOfNote(e.sourceType, e.note) ? t(`ledger.table.orderNote.${e.sourceType}`, { order: orderOfNote(e.sourceType, e.note)! }) : (e.note ?? t("ledger.table.viewOrder"))}
                    </Link>
                  ) : (
                    <>
                      {e.sourceId && !mo && !scrap && <span className="block text-neutral-700">{t("ledger.table.ref", { ref: e.sourceId })}</span>}
                      {e.note && <span className="block max-w-xs break-words text-neutral-600">{e.note}</span>}
                    </>
                  )}
                </td>
                <td className="hidden px-4 py-3 text-sm text-neutral-700 lg:table-cell">{e.createdBy?.name ?? t("ledger.table.system")}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
