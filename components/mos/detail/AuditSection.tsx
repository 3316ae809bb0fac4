import { useTranslations } from "next-intl";
import useSWR from "swr";
import type { ApiError } from "../../api";
import { useRealtime } from "../../realtime/useRealtime";
import type { Page } from "../../types";
import { EmptyState, ErrorState, LoadingState } from "../../ui/States";
import { Section } from "../PageHeader";
import type { AuditEntry } from "../types";
import { formatDateTime } from "../../format";

// The audit actions of an order, by the key of their word (mos.audit.action.*).
const ACTIONS: Record<string, "create" | "update" | "start" | "complete" | "cancel"> = {
  "mo.create": "create",
  "mo.update": "update",
  "mo.start": "start",
  "mo.complete": "complete",
  "mo.cancel": "cancel",
};

/** A readable line for an entry's payload: "quantity: 5 → 8" for changes, key: value otherwise. */
function summary(e: AuditEntry, empty: string): string {
  const p = e.payload;
  if (!p || typeof p !== "object" || Array.isArray(p)) return "";
  const show = (v: unknown): string => {
    if (v === null || v === undefined || v === "") return empty;
    if (typeof v === "string" && /^\d{4}-\d{2}-\d{2}T/.test(v)) return formatDateTime(v);
    return typeof v === "object" ? JSON.stringify(v) : String(v);
  };
  return Object.entries(p as Record<string, unknown>)
    .map(([k, v]) => {
      if (v && typeof v === "object" && "from" in v && "to" in v) {
        const c = v as { from: unknown; to: unknown };
        return `${k}: ${show(c.from)} → ${show(c.to)}`;
      }
      return `${k}: ${show(v)}`;
    })
    .join(" · ");
}

/** Who did what to the order, newest first (audit:read only: GET /api/audit is for admins). */
export function AuditSection({ moId }: { moId: string }) {
  const t = useTranslations("mos");
  const { data, error, mutate } = useSWR<Page<AuditEntry>, ApiError>(`/api/audit?entityType=ManufacturingOrder&entityId=${encodeURIComponent(moId)}&pageSize=50`);
  useRealtime(["mo:updated", "wo:created", "wo:updated"], (p) => {
    if (!p || p.id === moId || p.moId === moId) void mutate();
  });
  return (
    <Section title={t("audit.title")} testId="audit">
      {error ? (
        <div className="p-4">
          <ErrorState title={t("audit.loadError")} message={error.message} onRetry={() => void mutate()} />
        </div>
      ) : !data ? (
        <LoadingState label={t("audit.loading")} />
      ) : data.items.length === 0 ? (
        <EmptyState title={t("audit.empty")} />
      ) : (
        <ol className="divide-y divide-neutral-200">
          {data.items.map((e) => {
            const action = ACTIONS[e.action];
            const line = summary(e, t("audit.emptyValue"));
            return (
            <li key={String(e.id)} className="px-4 py-3 sm:px-5">
              <div className="flex flex-wrap items-baseline gap-x-2 text-sm">
                <span className="font-semibold text-neutral-900">{action ? t(`audit.action.${action}`) : e.action}</span>
                <span className="text-neutral-600">{e.actor ? t("audit.by", { name: e.actor.name }) : t("audit.bySystem")}</span>
                <span className="text-neutral-500">· {formatDateTime(e.createdAt)}</span>
              </div>
              {line && <p className="mt-0.5 break-words text-sm text-neutral-700">{line}</p>}
            </li>
            );
          })}
          {data.total > data.items.length && <li className="px-4 py-3 text-sm text-neutral-500 sm:px-5">{t("audit.older", { count: data.total - data.items.length })}</li>}
        </ol>
      )}
    </Section>
  );
}
