import { useTranslations } from "next-intl";
import useSWR from "swr";
import type { ApiError } from "../api";
import { useRealtime } from "../realtime/useRealtime";
import { EmptyState, ErrorState, LoadingState } from "../ui/States";
import type { NotificationItem } from "./types";
import { formatDateTime } from "../format";

// The notifications API has no type filter (see the report): read the latest ones and keep the shortages.
const URL = "/api/notifications?pageSize=100";
const SHOWN = 5;

/**
 * Stock postings the system refused for lack of stock (mostly orders that could not complete), from
 * the "stock.shortage" notifications inventory users receive. Live on new notifications.
 */
export function RecentShortages() {
  const t = useTranslations("stock");
  const { data, error, mutate } = useSWR<{ items: NotificationItem[] }, ApiError>(URL);
  useRealtime("notification:new", () => void mutate());
  const items = data?.items.filter((n) => n.type === "stock.shortage").slice(0, SHOWN);

  return (
    <section aria-labelledby="shortages-title" className="rounded-lg border border-neutral-200 bg-white shadow-sm" data-testid="recent-shortages">
      <div className="border-b border-neutral-200 px-4 py-3 sm:px-5">
        <h2 id="shortages-title" className="text-base font-semibold text-neutral-900">
          {t("shortages.title")}
        </h2>
        <p className="text-sm text-neutral-600">{t("shortages.intro")}</p>
      </div>
      {items ? (
        items.length ? (
          <ul className="divide-y divide-neutral-100">
            {items.map((n) => (
              <li key={n.id} className="px-4 py-3 sm:px-5">
                <p className="flex flex-wrap items-baseline justify-between gap-x-3 text-sm">
                  <span className="font-medium text-neutral-900">{n.title}</span>
                  <time dateTime={n.createdAt} className="text-neutral-600">
                    {formatDateTime(n.createdAt)}
                  </time>
                </p>
                <ul className="mt-1 space-y-0.5 text-sm text-red-800">
                  {/* The body lists one product per "; " (lib/inventory/alerts.ts). */}
                  {n.body.split("; ").map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        ) : (
          <EmptyState title={t("shortages.emptyTitle")}>{t("shortages.emptyBody")}</EmptyState>
        )
      ) : error ? (
        <div className="p-4">
          <ErrorState title={t("shortages.loadError")} message={error.message} onRetry={() => void mutate()} />
        </div>
      ) : (
        <LoadingState label={t("shortages.loading")} />
      )}
    </section>
  );
}
