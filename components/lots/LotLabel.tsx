import { useTranslations } from "next-intl";
import useSWR from "swr";
import { lotLabelCode } from "@/lib/scan/codes";
import type { ApiError } from "../api";
import { errorMessage } from "../api";
import { formatDate, formatQty } from "../format";
import { EmptyState, ErrorState, LoadingState } from "../ui/States";
import { LabelSheet } from "./LabelSheet";
import type { LotDetail } from "./types";

/** What a lot's label says beside its scan code: lot code, product, quantity on hand, expiry. */
export function LotLabelText({ lot }: { lot: LotDetail }) {
  const t = useTranslations("lots");
  const onHand = lot.balances.reduce((s, b) => s + b.onHand, 0);
  return (
    <>
      <p className="text-xs font-semibold uppercase tracking-widest text-neutral-700">{t("label.lotHeading")}</p>
      <p className="truncate font-mono text-2xl font-bold leading-tight">{lot.code}</p>
      <p className="truncate text-sm font-semibold">{lot.product.sku}</p>
      <p className="line-clamp-2 text-sm leading-snug">{lot.product.name}</p>
      <p className="mt-1 text-sm">{t("label.quantity", { qty: formatQty(onHand), uom: lot.product.uom })}</p>
      <p className="text-sm font-semibold">{lot.expiresAt ? t("label.expires", { date: formatDate(lot.expiresAt) }) : t("label.noExpiry")}</p>
    </>
  );
}

/** /stock/lots/:id/label: the lot's label: product, lot code, quantity on hand, expiry, and its scan code. */
export function LotLabel({ id }: { id: string }) {
  const t = useTranslations("lots");
  const { data, error, mutate } = useSWR<LotDetail, ApiError>(`/api/lots/${id}`);
  return (
    <LabelSheet title={data ? t("label.lotTitle", { code: data.code }) : t("label.loading")} back={`/stock/lots/${id}`} code={data ? lotLabelCode(data.id) : null} ready={Boolean(data)}>
      {data ? (
        <LotLabelText lot={data} />
      ) : error?.status === 404 || error?.status === 400 ? (
        <EmptyState title={t("detail.notFound")} />
      ) : error ? (
        <ErrorState message={errorMessage(error)} onRetry={() => void mutate()} />
      ) : (
        <LoadingState />
      )}
    </LabelSheet>
  );
}
