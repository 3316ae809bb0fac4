import { useTranslations } from "next-intl";
import useSWR from "swr";
import { lotLabelCode } from "@/lib/scan/codes";
import { apiFetch, errorMessage, type ApiError } from "../api";
import { EmptyState, ErrorState, LoadingState } from "../ui/States";
import { LabelFrame, StockLabel } from "./LabelSheet";
import { LotLabelText } from "./LotLabel";
import type { LotDetail } from "./types";

/** At most this many labels on one sheet (the address carries the ids; a receipt of serials is far fewer). */
export const MAX_LABELS = 100;

/** The address of the label sheet of these lots (the first MAX_LABELS). */
export function lotLabelsHref(ids: readonly string[]): string {
  return `/stock/lots/labels?ids=${ids.slice(0, MAX_LABELS).join(",")}`;
}

/**
 * /stock/lots/labels?ids=a,b,…: the labels of several lots at once, one per printed page, in the order
 * given (the serials of a receipt, or lots picked on the lot list; docs/locations.md). Each lot is read
 * as its own label page reads it (GET /api/lots/:id); a lot that does not exist fails the sheet.
 */
export function LotLabels({ ids }: { ids: string[] }) {
  const t = useTranslations("lots");
  const wanted = ids.slice(0, MAX_LABELS);
  const { data, error, mutate } = useSWR<LotDetail[], ApiError>(wanted.length ? ["lot-labels", ...wanted] : null, () =>
    Promise.all(wanted.map((id) => apiFetch<LotDetail>(`/api/lots/${id}`))),
  );
  const title = t("label.lotsTitle", { count: wanted.length });
  return (
    <LabelFrame title={title} back="/stock/lots" ready={Boolean(data)}>
      {!wanted.length || error?.status === 404 || error?.status === 400 ? (
        <EmptyState title={t("label.noLots")} />
      ) : error ? (
        <ErrorState message={errorMessage(error)} onRetry={() => void mutate()} />
      ) : !data ? (
        <LoadingState label={t("label.loading")} />
      ) : (
        data.map((lot) => (
          <StockLabel key={lot.id} code={lotLabelCode(lot.id)} title={t("label.lotTitle", { code: lot.code })}>
            <LotLabelText lot={lot} />
          </StockLabel>
        ))
      )}
    </LabelFrame>
  );
}
