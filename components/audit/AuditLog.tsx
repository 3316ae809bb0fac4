import { useState } from "react";
import useSWR from "swr";
import type { ApiError } from "../api";
import { Pagination } from "../ui/Pagination";
import { EmptyState, ErrorState, LoadingState } from "../ui/States";
import { focusRing } from "../ui/styles";
import type { AuditEntry } from "../mos/types";
import { formatDateTime } from "../format";

const ENTITY_TYPES = ["", "User", "Product", "BOM", "WorkCenter", "ManufacturingOrder", "WorkOrder", "StockEntry"];
const input = `h-11 rounded-md border border-neutral-300 bg-white px-3 text-sm ${focusRing}`;

/** The audit trail (ADMIN): every change, who made it, when, and what changed. */
export function AuditLog() {
  const [entityType, setEntityType] = useState("");
  const [action, setAction] = useState("");
  const [page, setPage] = useState(1);
  const params = new URLSearchParams({ page: String(page), pageSize: "50" });
  if (entityType) params.set("entityType", entityType);
  if (action.trim()) params.set("action", action.trim());
  const { data, error, mutate } = useSWR<{ items: AuditEntry[]; total: number; page: number; pageSize: number }, ApiError>(`/api/audit?${params}`);

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight text-neutral-900">Audit log</h1>
      <div className="flex flex-wrap items-end gap-4">
        <label className="flex flex-col gap-1 text-sm text-neutral-700">
          Record type
          <select
            className={input}
            value={entityType}
            onChange={(e) => {
              setEntityType(e.target.value);
              setPage(1);
            }}
          >
            {ENTITY_TYPES.map((t) => (
              <option key={t} value={t}>
                {t || "Any"}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm text-neutral-700">
          Action (e.g. mo.complete)
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
        <ErrorState message={error.message} onRetry={() => void mutate()} />
      ) : !data ? (
        <LoadingState />
      ) : data.items.length === 0 ? (
        <EmptyState title="No entries match" />
      ) : (
        <>
          <div className="overflow-x-auto rounded-lg border border-neutral-200 bg-white">
            <table className="w-full text-left text-sm" data-testid="audit-table">
              <thead className="border-b border-neutral-200 text-neutral-600">
                <tr>
                  <th className="px-4 py-3 font-medium">When</th>
                  <th className="px-4 py-3 font-medium">Who</th>
                  <th className="px-4 py-3 font-medium">Action</th>
                  <th className="px-4 py-3 font-medium">Record</th>
                  <th className="px-4 py-3 font-medium">Details</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-neutral-100 align-top">
                {data.items.map((e) => (
                  <tr key={String(e.id)}>
                    <td className="whitespace-nowrap px-4 py-3">{formatDateTime(e.createdAt)}</td>
                    <td className="px-4 py-3">{e.actor ? e.actor.name : "system"}</td>
                    <td className="px-4 py-3 font-mono text-xs">{e.action}</td>
                    <td className="px-4 py-3">
                      {e.entityType}
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
          <Pagination page={data.page} pageSize={data.pageSize} total={data.total} noun="entries" onPage={setPage} />
        </>
      )}
    </div>
  );
}
