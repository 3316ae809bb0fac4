import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { useSignedInUser } from "../useMe";
import { EmptyState, ErrorState, LoadingState } from "../ui/States";
import type { WoDetail, WoItem } from "../workorders/detail/types";
import { worksOwnOrders } from "../workorders/detail/permissions";
import { ScanBox } from "./ScanBox";
import { useMyWorkOrders } from "./useMyWorkOrders";
import { WoCard } from "./WoCard";

/**
 * The operator's work, ready to act on: the scan box (keyboard-wedge scanner and camera), then their
 * work orders by what to do next, each card with its start / pause / complete buttons. A WO the
 * camera scans comes to the top ("Just scanned") while the camera stays open for the next sheet.
 * Used by /operator and by the operator's dashboard, the page they land on after signing in.
 */
export function OperatorWork({ onOpenCount }: { /** The number of open work orders, once loaded. */ onOpenCount?: (count: number) => void }) {
  const t = useTranslations("operator");
  const me = useSignedInUser();
  const { work, error, reload } = useMyWorkOrders();
  // The scanned WO: its id, and the scan's own copy for a WO that is not in the lists (not today's).
  const [scanned, setScanned] = useState<{ id: string; wo: WoItem; at: number } | null>(null);
  const scannedRef = useRef<HTMLElement>(null);
  const openCount = work ? work.started.length + work.paused.length + work.pending.length : null;

  useEffect(() => {
    if (openCount !== null) onOpenCount?.(openCount);
  }, [openCount, onOpenCount]);

  // Bring the scanned card into view under the camera, once per scan.
  useEffect(() => {
    if (scanned) scannedRef.current?.scrollIntoView({ block: "nearest", behavior: "smooth" });
  }, [scanned]);

  const all = work ? [...work.started, ...work.paused, ...work.pending, ...work.doneToday] : [];
  // The lists are fresher than the scan's copy (they reload after every action and live event).
  const selected = scanned ? (all.find((w) => w.id === scanned.id) ?? scanned.wo) : null;
  const without = (items: WoItem[]) => (selected ? items.filter((w) => w.id !== selected.id) : items);

  function onSelect(wo: WoDetail) {
    // The detail carries everything the card shows.
    setScanned({ id: wo.id, wo, at: Date.now() });
  }

  return (
    <div className="space-y-6" data-testid="operator-work">
      <ScanBox ownOnly={worksOwnOrders(me)} onSelect={onSelect} />

      {selected && (
        <section ref={scannedRef} aria-labelledby="group-scanned" data-testid="group-scanned" className="space-y-3 scroll-mt-4">
          <h2 id="group-scanned" className="text-xl font-semibold text-neutral-900">
            {t("groups.scanned")}
          </h2>
          <div className="rounded-2xl ring-4 ring-blue-600/60 ring-offset-2">
            <WoCard key={selected.id} wo={selected} onChanged={reload} />
          </div>
        </section>
      )}

      {work ? (
        <>
          {openCount === 0 && (
            <div className="rounded-xl border border-neutral-200 bg-white">
              <EmptyState title={t("empty.title")}>{t("empty.body")}</EmptyState>
            </div>
          )}
          <Group id="started" title={t("groups.started")} items={without(work.started)} onChanged={reload} />
          <Group id="paused" title={t("groups.paused")} items={without(work.paused)} onChanged={reload} />
          <Group id="pending" title={t("groups.pending")} items={without(work.pending)} onChanged={reload} />
          <Group id="done" title={t("groups.done")} items={without(work.doneToday)} onChanged={reload} />
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
