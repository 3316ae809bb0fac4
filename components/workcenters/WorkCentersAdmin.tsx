import { useTranslations } from "next-intl";
import { Fragment, useState } from "react";
import { Pill } from "../mos/badges";
import { PageHeader } from "../mos/PageHeader";
import { Button } from "../ui/Button";
import { Pagination } from "../ui/Pagination";
import { EmptyState, ErrorState, LoadingState } from "../ui/States";
import { useWorkCenters } from "./useWorkCenters";
import { WorkCenterForm } from "./WorkCenterForm";
import { Notice } from "../ui/Notice";
import { formatMoney, formatQty } from "../format";

const PAGE_SIZE = 50;
const th = "px-4 py-3 text-left text-xs font-semibold uppercase tracking-wide text-neutral-500";

/** Work centers: list, create, and edit one in place (name, description, cost, capacity, active). */
export function WorkCentersAdmin() {
  const t = useTranslations("workcenters");
  const [page, setPage] = useState(1);
  const { data, error, mutate } = useWorkCenters({ page, pageSize: PAGE_SIZE });
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  return (
    <div className="space-y-6">
      <PageHeader
        title={t("admin.title")}
        description={t("admin.description")}
        actions={
          !creating && (
            <Button size="lg" onClick={() => setCreating(true)}>
              {t("admin.newCenter")}
            </Button>
          )
        }
      />
      {creating && (
        <section aria-label={t("admin.newCenter")} className="rounded-lg border border-neutral-200 bg-white shadow-sm">
          <h2 className="border-b border-neutral-200 px-4 py-3 text-lg font-semibold text-neutral-900 sm:px-5">{t("admin.newCenter")}</h2>
          <WorkCenterForm
            center={null}
            onCancel={() => setCreating(false)}
            onSaved={(w) => {
              setCreating(false);
              setNotice(t("admin.created", { name: w.name }));
              void mutate();
            }}
          />
        </section>
      )}
      <Notice testId="workcenters-notice" notice={notice === null ? null : { tone: "success", text: notice }} onDismiss={() => setNotice(null)} />
      <section aria-label={t("admin.listLabel")} className="rounded-lg border border-neutral-200 bg-white shadow-sm">
        {error ? (
          <div className="p-4">
            <ErrorState title={t("admin.loadFailed")} message={error.message} onRetry={() => void mutate()} />
          </div>
        ) : !data ? (
          <LoadingState label={t("admin.loading")} />
        ) : data.items.length === 0 ? (
          <EmptyState title={t("admin.emptyTitle")}>{t("admin.emptyHint")}</EmptyState>
        ) : (
          <div className="overflow-x-auto">
            <table className="min-w-full divide-y divide-neutral-200">
              <caption className="sr-only">{t("admin.caption")}</caption>
              <thead className="bg-neutral-50">
                <tr>
                  <th scope="col" className={th}>
                    {t("admin.colCenter")}
                  </th>
                  <th scope="col" className={`${th} text-right`}>
                    {t("admin.colCost")}
                  </th>
                  <th scope="col" className={`${th} text-right`}>
                    {t("admin.colCapacity")}
                  </th>
                  <th scope="col" className={th}>
                    {t("admin.colStatus")}
                  </th>
                  <th scope="col" className={th}>
                    <span className="sr-only">{t("admin.colActions")}</span>
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-neutral-200">
                {data.items.map((w) => (
                  <Fragment key={w.id}>
                    <tr data-testid="workcenter-row" data-name={w.name} className={w.active ? "" : "bg-neutral-50 text-neutral-500"}>
                      <td className="px-4 py-3">
                        <span className="font-medium text-neutral-900">{w.name}</span>
                        {w.description && <span className="block text-sm text-neutral-600">{w.description}</span>}
                      </td>
                      <td className="px-4 py-3 text-right text-sm tabular-nums">{formatMoney(w.costPerHour)}</td>
                      <td className="px-4 py-3 text-right text-sm tabular-nums">{formatQty(w.capacity)}</td>
                      <td className="px-4 py-3">{w.active ? <Pill tone="green">{t("admin.active")}</Pill> : <Pill tone="muted">{t("admin.inactive")}</Pill>}</td>
                      <td className="px-4 py-3 text-right">
                        <Button variant="secondary" onClick={() => setEditing(editing === w.id ? null : w.id)} aria-expanded={editing === w.id}>
                          {t("admin.edit")}<span className="sr-only"> {w.name}</span>
                        </Button>
                      </td>
                    </tr>
                    {editing === w.id && (
                      <tr className="bg-neutral-50">
                        <td colSpan={5}>
                          <WorkCenterForm
                            center={w}
                            onCancel={() => setEditing(null)}
                            onSaved={(saved) => {
                              setEditing(null);
                              setNotice(t("admin.saved", { name: saved.name }));
                              void mutate();
                            }}
                          />
                        </td>
                      </tr>
                    )}
                  </Fragment>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {data && data.total > PAGE_SIZE && (
          <div className="border-t border-neutral-200 px-4 py-3 sm:px-5">
            <Pagination page={data.page} pageSize={data.pageSize} total={data.total} noun={t("admin.noun")} onPage={setPage} />
          </div>
        )}
      </section>
    </div>
  );
}
