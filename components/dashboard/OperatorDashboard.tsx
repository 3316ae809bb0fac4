import { useTranslations } from "next-intl";
import Link from "next/link";
import useSWR from "swr";
import type { ApiError } from "../api";
import { WoStatusBadge } from "../mos/badges";
import type { WoItem } from "../mos/types";
import { useRealtime } from "../realtime/useRealtime";
import { buttonClass } from "../ui/Button";
import { EmptyState, ErrorState, LoadingState } from "../ui/States";

const OPEN = "PENDING,STARTED,PAUSED";

/** An operator's home: their open work orders and one big way into the tablet view. */
export function OperatorDashboard() {
  const t = useTranslations("dashboard");
  const { data, error, mutate } = useSWR<{ items: WoItem[]; total: number }, ApiError>(`/api/workorders?mine=1&status=${OPEN}&pageSize=50`);
  useRealtime(["wo:created", "wo:updated"], () => void mutate());
  return (
    <div className="space-y-6">
      <Link href="/operator" className={`${buttonClass("primary", "lg")} h-16 w-full text-lg sm:w-auto`}>
        {t("operator.openMyWork")}
      </Link>
      {error ? (
        <ErrorState message={error.message} onRetry={() => void mutate()} />
      ) : !data ? (
        <LoadingState label={t("operator.loading")} />
      ) : data.items.length === 0 ? (
        <EmptyState title={t("operator.emptyTitle")}>{t("operator.emptyHint")}</EmptyState>
      ) : (
        <ul className="divide-y divide-neutral-100 rounded-lg border border-neutral-200 bg-white" data-testid="my-work-orders">
          {data.items.map((wo) => (
            <li key={wo.id}>
              <Link href={`/workorders/${wo.id}`} className="flex min-h-16 items-center justify-between gap-4 px-4 py-3 hover:bg-neutral-50">
                <span>
                  <span className="block text-base font-semibold text-neutral-900">
                    {wo.code} · {wo.title}
                  </span>
                  <span className="block text-sm text-neutral-600">
                    {wo.mo.orderNo} · {wo.mo.name}
                  </span>
                </span>
                <WoStatusBadge status={wo.status} />
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
