import { useTranslations } from "next-intl";
import Link from "next/link";
import useSWR from "swr";
import type { ApiError } from "../api";
import { LateBadge, MoStateBadge } from "../mos/badges";
import type { MoListItem } from "../mos/types";
import { useRealtime } from "../realtime/useRealtime";
import { EmptyState, ErrorState, LoadingState } from "../ui/States";
import { focusRing } from "../ui/styles";
import { formatDate, formatQty } from "../format";

/** Sales: open orders with their customers and promised dates, late ones first. */
export function SalesDashboard() {
  const t = useTranslations("dashboard");
  const { data, error, mutate } = useSWR<{ items: MoListItem[]; total: number }, ApiError>("/api/mos?state=PLANNED,IN_PROGRESS&pageSize=100");
  useRealtime(["mo:created", "mo:updated"], () => void mutate());
  if (error) return <ErrorState message={error.message} onRetry={() => void mutate()} />;
  if (!data) return <LoadingState label={t("sales.loading")} />;
  if (!data.items.length) return <EmptyState title={t("sales.empty")} />;
  const rows = [...data.items].sort((a, b) => Number(b.late) - Number(a.late) || (a.promisedDate ?? "9999").localeCompare(b.promisedDate ?? "9999"));
  return (
    <div className="overflow-x-auto rounded-lg border border-neutral-200 bg-white" data-testid="sales-orders">
      <table className="w-full text-left text-sm">
        <thead className="border-b border-neutral-200 text-neutral-600">
          <tr>
            <th className="px-4 py-3 font-medium">{t("sales.colOrder")}</th>
            <th className="px-4 py-3 font-medium">{t("sales.colCustomer")}</th>
            <th className="px-4 py-3 font-medium">{t("sales.colPromised")}</th>
            <th className="px-4 py-3 font-medium">{t("sales.colDeadline")}</th>
            <th className="px-4 py-3 font-medium">{t("sales.colState")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-neutral-100">
          {rows.map((m) => (
            <tr key={m.id} className={m.late ? "bg-red-50" : undefined}>
              <td className="px-4 py-3">
                <Link href={`/mos/${m.id}`} className={`rounded font-medium text-neutral-900 hover:underline ${focusRing}`}>
                  {m.orderNo}
                </Link>
                <span className="block text-neutral-600">
                  {m.name} · {formatQty(m.quantity, m.product.uom)}
                </span>
              </td>
              <td className="px-4 py-3">
                {m.customerName ?? "—"}
                {m.customerRef && <span className="block text-neutral-600">{t("sales.customerRef", { ref: m.customerRef })}</span>}
              </td>
              <td className="px-4 py-3">{formatDate(m.promisedDate)}</td>
              <td className="px-4 py-3">
                {formatDate(m.deadline)} {m.late && <LateBadge />}
              </td>
              <td className="px-4 py-3">
                <MoStateBadge state={m.state} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
