import { useTranslations } from "next-intl";
import { useState } from "react";
import useSWR from "swr";
import type { ApiError } from "../api";
import { useErrorText } from "../forms/messages";
import { Pagination } from "../ui/Pagination";
import { EmptyState, ErrorState, LoadingState } from "../ui/States";
import { focusRing } from "../ui/styles";
import type { AuditEntry } from "../mos/types";
import { formatDateTime } from "../format";

const ENTITY_TYPES = ["User", "Product", "BOM", "WorkCenter", "ManufacturingOrder", "WorkOrder", "StockEntry"];
const input = `h-11 rounded-md border border-neutral-300 bg-white px-3 text-sm ${focusRing}`;

/** The audit trail (ADMIN): every change, who made it, when, and what changed. */
export function AuditLog() {
  const t = useTranslations("audit");
  const errorText = useErrorText();
  // A record type the catalog does not name yet (a new table) shows as the server writes it.
  const entityLabel = (type: string) => (t.has(`entity.${type}`) ? t(`entity.${type}`) : type);
  const [entityType, setEntityType] = useState("");
  const [action, setAction] = useState("");
  const [page, setPage] = useState(1);
  const params = new URLSearchParams({ page: String(page), pageSize: "50" });
  if (entityType) params.set("entityType", entityType);
  if (action.trim()) params.set("action", action.trim());
  const { data, error, mutate } = useSWR<{ items: AuditEntry[]; total: number; totalCapped?: boolean; page: number; pageSize: number }, ApiError>(`/api/audit?${params}`);

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight text-neutral-900">{t("title")}</h1>
      <div className="flex flex-wrap items-end gap-4">
        <label className="flex flex-col gap-1 text-sm text-neutral-700">
          {t("recordType")}
          <select
            className={input}
            value={entityType}
            onChange={(e) => {
              setEntityType(e.target.value);
              setPage(1);
            }}
          >
            <option value="">{t("any")}</option>
            {ENTITY_TYPES.map((type) => (
              <option key={type} value={type}>
                {entityLabel(type)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm text-neutral-700">
          {t("action")}
          <input
            className={input}
            value={action}
            onChange={(e) => {
              setAction(e.target.value);
              setPage(1);
            }}
          />
        </label>
      </div>
      {error ? (
        <ErrorState message={errorText(error)} onRetry={() => void mutate()} />
      ) : !data ? (
        <LoadingState />
      ) : data.items.length === 0 ? (
        <EmptyState title={t("noMatch")} />
      ) : (
        <>
          <div className="overflow-x-auto rounded-lg border border-neutral-200 bg-white">
            <table className="w-full text-left text-sm" data-testid="audit-table">
              <thead className="border-b border-neutral-200 text-neutral-600">
                <tr>
                  <th className="px-4 py-3 font-medium">{t("columns.when")}</th>
                  <th className="px-4 py-3 font-medium">{t("columns.who")}</th>
                  <th className="px-4 py-3 font-medium">{t("columns.action")}</th>
                  <th className="px-4 py-3 font-medium">{t("columns.record")}</th>
                  <th className="px-4 py-3 font-medium">{t("columns.details")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-neutral-100 align-top">
                {data.items.map((e) => (
                  <tr key={String(e.id)}>
                    <td className="whitespace-nowrap px-4 py-3">{formatDateTime(e.createdAt)}</td>
                    <td className="px-4 py-3">{e.actor ? e.actor.name : t("system")}</td>
                    <td className="px-4 py-3 font-mono text-xs">{e.action}</td>
                    <td className="px-4 py-3">
                      {entityLabel(e.entityType)}
                      <span className="block font-mono text-xs text-neutral-500">{e.entityId}</span>
                    </td>
                    <td className="px-4 py-3">
                      <pre className="max-w-md overflow-x-auto whitespace-pre-wrap break-words font-mono text-xs text-neutral-700">{JSON.stringify(e.payload, null, 1)}</pre>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={data.page} pageSize={data.pageSize} total={data.total} capped={data.totalCapped} noun={t("noun")} onPage={setPage} />
        </>
      )}
    </div>
  );
}
