import { useTranslations } from "next-intl";
import { useSignedInUser } from "../useMe";
import { EmptyState, ErrorState, LoadingState } from "../ui/States";
import type { WoItem } from "../workorders/detail/types";
import { worksOwnOrders } from "../workorders/detail/permissions";
import { ScanBox } from "./ScanBox";
import { useMyWorkOrders } from "./useMyWorkOrders";
import { WoCard } from "./WoCard";

/** The operator's tablet home: a scan box, then their work orders by what to do with them next. */
export function OperatorHome() {
  const t = useTranslations("operator");
  const me = useSignedInUser();
  const { work, error, reload } = useMyWorkOrders();
  const openCount = work ? work.started.length + work.paused.length + work.pending.length : 0;

  return (
    <div className="mx-auto max-w-3xl space-y-6" data-testid="operator-home">
      <div>
        <h1 className="text-3xl font-semibold tracking-tight text-neutral-900">{t("title")}</h1>
        <p className="mt-1 text-base text-neutral-700">
          {me.user.name}
          {work && ` · ${t("openCount", { count: openCount })}`}
        </p>
      </div>

      <ScanBox ownOnly={worksOwnOrders(me)} />

      {work ? (
        <>
          {openCount === 0 && (
            <div className="rounded-xl border border-neutral-200 bg-white">
              <EmptyState title={t("empty.title")}>{t("empty.body")}</EmptyState>
            </div>
          )}
          <Group id="started" title={t("groups.started")} items={work.started} onChanged={reload} />
          <Group id="paused" title={t("groups.paused")} items={work.paused} onChanged={reload} />
          <Group id="pending" title={t("groups.pending")} items={work.pending} onChanged={reload} />
          <Group id="done" title={t("groups.done")} items={work.doneToday} onChanged={reload} />
        </>
      ) : error ? (
        <ErrorState title={t("loadError")} message={error.message} onRetry={() => void reload()} />
      ) : (
        <LoadingState label={t("loading")} />
      )}
    </div>
  );
}

function Group({ id, title, items, onChanged }: { id: string; title: string; items: WoItem[]; onChanged: () => unknown }) {
  if (!items.length) return null;
  return (
    <section aria-labelledby={`group-${id}`} data-testid={`group-${id}`} className="space-y-3">
      <h2 id={`group-${id}`} className="flex items-baseline gap-2 text-xl font-semibold text-neutral-900">
        {title}
        <span className="rounded-full bg-neutral-200 px-2.5 py-0.5 text-sm font-semibold text-neutral-800">{items.length}</span>
      </h2>
      <ul className="space-y-4">
        {items.map((wo) => (
          <li key={wo.id}>
            <WoCard wo={wo} onChanged={onChanged} />
          </li>
        ))}
      </ul>
    </section>
  );
}
