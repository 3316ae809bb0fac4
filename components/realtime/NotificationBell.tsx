import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";
import useSWR from "swr";
import { sendJson } from "../api";
import { formatDateTime, formatNumber } from "../format";
import { focusRing } from "../ui/styles";
import { useRealtime } from "./useRealtime";
import type { NotificationPage } from "../stock/types";

/** The bell in the header: unread count pushed live, a panel with the latest notifications. */
export function NotificationBell() {
  const t = useTranslations("shell");
  const { data, mutate } = useSWR<NotificationPage>("/api/notifications?pageSize=10");
  const [open, setOpen] = useState(false);
  useRealtime("notification:new", () => void mutate());
  const unread = data?.unread ?? 0;

  async function markAll() {
    await sendJson("/api/notifications/read-all", "POST", {});
    await mutate();
  }
  async function markOne(id: string) {
    await sendJson(`/api/notifications/${id}/read`, "POST", {});
    await mutate();
  }

  return (
    <div className="relative">
      <button
        type="button"
        onClick={() => setOpen((o) => !o)}
        aria-expanded={open}
        aria-label={unread ? t("notifications.labelUnread", { count: unread }) : t("notifications.label")}
        data-testid="notification-bell"
        className={`relative inline-flex h-12 w-12 items-center justify-center rounded-md text-neutral-700 hover:bg-neutral-100 ${focusRing}`}
      >
        <svg aria-hidden viewBox="0 0 24 24" className="h-6 w-6" fill="none" stroke="currentColor" strokeWidth={1.8}>
          <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" strokeLinecap="round" strokeLinejoin="round" />
          <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" strokeLinecap="round" />
        </svg>
        {unread > 0 && (
          <span data-testid="notification-count" className="absolute right-1 top-1 min-w-5 rounded-full bg-red-600 px-1 text-center text-xs font-semibold leading-5 text-white">
            {unread > 99 ? t("notifications.countMany") : formatNumber(unread)}
          </span>
        )}
      </button>
      {open && (
        <div role="dialog" aria-label={t("notifications.label")} className="absolute right-0 z-20 mt-2 w-80 rounded-lg border border-neutral-200 bg-white shadow-lg">
          <div className="flex items-center justify-between border-b border-neutral-100 px-4 py-2">
            <p className="text-sm font-semibold text-neutral-900">{t("notifications.title")}</p>
            {unread > 0 && (
              <button type="button" onClick={() => void markAll()} className={`rounded text-sm text-blue-700 hover:underline ${focusRing}`}>
                {t("notifications.markAll")}
              </button>
            )}
          </div>
          <ul className="max-h-96 overflow-y-auto">
            {!data?.items.length && <li className="px-4 py-6 text-center text-sm text-neutral-500">{t("notifications.empty")}</li>}
            {data?.items.map((n) => (
              <li key={n.id} className={`border-b border-neutral-100 px-4 py-3 last:border-0 ${n.readAt ? "" : "bg-blue-50"}`}>
                <p className="text-sm font-medium text-neutral-900">{n.title}</p>
                <p className="mt-0.5 text-sm text-neutral-600">{n.body}</p>
                <div className="mt-1 flex gap-3 text-xs">
                  <time className="text-neutral-500" dateTime={n.createdAt}>
                    {formatDateTime(n.createdAt)}
                  </time>
                  {n.link && (
                    <Link href={n.link} onClick={() => void markOne(n.id)} className={`rounded text-blue-700 hover:underline ${focusRing}`}>
                      {t("notifications.open")}
                    </Link>
                  )}
                  {!n.readAt && (
                    <button type="button" onClick={() => void markOne(n.id)} className={`rounded text-neutral-600 hover:underline ${focusRing}`}>
                      {t("notifications.markRead")}
                    </button>
                  )}
                </div>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
