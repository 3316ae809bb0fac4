import { useTranslations } from "next-intl";
import useSWR from "swr";
import { apiFetch, type ApiError } from "../../api";
import { useRealtime } from "../../realtime/useRealtime";
import type { Page } from "../../types";
import { ErrorState, EmptyState, LoadingState } from "../../ui/States";
import { Pill } from "../badges";
import { Section } from "../PageHeader";
import type { MoDetail, WoComment } from "../types";
import { formatDateTime } from "../../format";

type Entry = WoComment & { woCode: string; woTitle: string };

/**
 * Comments and issues of every work order of the order, newest first. There is no per-MO comments
 * endpoint, so this reads each work order's comments (an order has a handful).
 */
function useMoComments(mo: MoDetail) {
  const wos = mo.workOrders;
  const key = wos.length ? ["mo-comments", mo.id, ...wos.map((w) => w.id)] : null;
  const swr = useSWR<Entry[], ApiError>(key, async () => {
    const pages = await Promise.all(wos.map((w) => apiFetch<Page<WoComment>>(`/api/workorders/${encodeURIComponent(w.id)}/comments?pageSize=200`)));
    return pages.flatMap((p, i) => p.items.map((c) => ({ ...c, woCode: wos[i]!.code, woTitle: wos[i]!.title }))).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  });
  // A new comment announces itself as wo:updated of its work order.
  useRealtime("wo:updated", (p) => {
    if (!p || p.moId === mo.id) void swr.mutate();
  });
  return swr;
}

export function CommentsSection({ mo }: { mo: MoDetail }) {
  const t = useTranslations("mos");
  const { data, error, mutate } = useMoComments(mo);
  const issues = data?.filter((c) => c.kind === "ISSUE").length ?? 0;
  return (
    <Section title={t("comments.title")} testId="comments" actions={issues > 0 ? <Pill tone="red">{t("comments.issueCount", { count: issues })}</Pill> : undefined}>
      {mo.workOrders.length === 0 ? (
        <EmptyState title={t("comments.none")}>{t("comments.noneText")}</EmptyState>
      ) : error ? (
        <div className="p-4">
          <ErrorState title={t("comments.loadError")} message={error.message} onRetry={() => void mutate()} />
        </div>
      ) : !data ? (
        <LoadingState label={t("comments.loading")} />
      ) : data.length === 0 ? (
        <EmptyState title={t("comments.noneYet")}>{t("comments.noneYetText")}</EmptyState>
      ) : (
        <ul className="divide-y divide-neutral-200">
          {data.map((c) => (
            <li key={c.id} className={`px-4 py-3 sm:px-5 ${c.kind === "ISSUE" ? "border-l-4 border-red-500 bg-red-50/40" : ""}`}>
              <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
                {c.kind === "ISSUE" ? <Pill tone="red">{t("comments.issue")}</Pill> : <Pill tone="neutral">{t("comments.comment")}</Pill>}
                <span className="font-medium text-neutral-900">{c.author.name}</span>
                <span className="text-neutral-500">
                  {t("comments.on", { code: c.woCode, title: c.woTitle, at: formatDateTime(c.createdAt) })}
                </span>
              </div>
              <p className="mt-1 whitespace-pre-line text-base text-neutral-800">{c.content}</p>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
