import { useTranslations } from "next-intl";
import Link from "next/link";
import { useEffect, useState } from "react";
import { ExportMenu } from "../../reports/ExportMenu";
import { useDebounced } from "../../useDebounced";
import { hasPermission, useSignedInUser } from "../../useMe";
import { buttonClass } from "../../ui/Button";
import { Pagination } from "../../ui/Pagination";
import { ErrorState, LoadingState } from "../../ui/States";
import { PageHeader } from "../PageHeader";
import { MATERIAL_STATUSES, type MaterialStatus } from "../MaterialStatusBadge";
import { ORDER_STATES, type OrderState } from "../types";
import { useUrlState } from "../useUrlState";
import { MoFilters } from "./MoFilters";
import { MoTable } from "./MoTable";
import { useMos } from "./useMos";

const KEYS = ["state", "materialStatus", "q", "page"] as const;

function asState(s: string): OrderState | "" {
  return (ORDER_STATES as readonly string[]).includes(s) ? (s as OrderState) : "";
}

function asMaterialStatus(s: string): MaterialStatus | "" {
  return (MATERIAL_STATUSES as readonly string[]).includes(s) ? (s as MaterialStatus) : "";
}

/** The manufacturing order list: filters in the address, live updates, export of the filtered orders. */
export function MoList() {
  const t = useTranslations("mos");
  const me = useSignedInUser();
  const url = useUrlState(KEYS);
  const state = asState(url.values.state);
  const materialStatus = asMaterialStatus(url.values.materialStatus);
  const page = Math.max(1, Number(url.values.page) || 1);
  // The box follows what is typed at once; the address (and the request) once typing pauses.
  const [typed, setTyped] = useState<string | null>(null);
  const q = typed ?? url.values.q;
  const debounced = useDebounced(q);
  const { set } = url;
  useEffect(() => {
    if (typed !== null && debounced === typed && debounced !== url.values.q) set({ q: debounced, page: "" });
  }, [debounced, typed, url.values.q, set]);

  const { data, error, isLoading, isValidating, mutate } = useMos(url.ready ? { state, materialStatus, q: url.values.q, page } : null);

  return (
    <div className="space-y-6">
      <PageHeader
        title={t("list.title")}
        description={t("list.description")}
        actions={
          hasPermission(me, "mo:write") && (
            <Link href="/mos/new" className={buttonClass("primary", "lg")}>
              {t("list.newOrder")}
            </Link>
          )
        }
      />

      <section aria-label={t("list.listLabel")} className="rounded-lg border border-neutral-200 bg-white shadow-sm">
        <div className="space-y-4 border-b border-neutral-200 p-4 sm:p-5">
          <MoFilters
            q={q}
            state={state}
            materialStatus={materialStatus}
            onSearch={setTyped}
            onState={(s) => set({ state: s, page: "" })}
            onMaterialStatus={(s) => set({ materialStatus: s, page: "" })}
          />
          <ExportMenu report="mos" filters={{ state: state || undefined }} />
        </div>
        {data ? (
          <div aria-busy={isValidating} className={isValidating && !isLoading ? "opacity-70 transition-opacity" : ""}>
            <MoTable mos={data.items} filtered={Boolean(url.values.q || state || materialStatus)} />
          </div>
        ) : error ? (
          <div className="p-4">
            <ErrorState title={t("list.loadError")} message={error.message} onRetry={() => void mutate()} />
          </div>
        ) : (
          <LoadingState label={t("list.loading")} />
        )}
        {data && data.total > 0 && (
          <div className="border-t border-neutral-200 px-4 py-3 sm:px-5">
            <Pagination page={data.page} pageSize={data.pageSize} total={data.total} capped={data.totalCapped} noun={t("list.noun")} onPage={(p) => set({ page: p > 1 ? String(p) : "" })} />
          </div>
        )}
      </section>
    </div>
  );
}
