import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState, type ReactNode } from "react";
import useSWR from "swr";
import { TRACE_DEFAULT_DEPTH } from "@/lib/lots/schemas";
import { errorMessage, type ApiError } from "../api";
import { formatDate, formatQty } from "../format";
import { buttonClass } from "../ui/Button";
import { SelectField } from "../ui/Field";
import { EmptyState, ErrorState, LoadingState } from "../ui/States";
import { focusRing } from "../ui/styles";
import { ExpiryMark } from "./ExpiryMark";
import { TraceTrees } from "./TraceTrees";
import type { LotDetail, LotTrace } from "./types";

const DEPTHS = [1, 2, 3, 5, 10, 20, 50] as const;

/**
 * /stock/lots/:id: the lot (product, code, expiry, where it is) and its trace, upstream and downstream,
 * to the depth picked; the traceability certificate (PDF) and the printable label.
 */
export function LotView({ id }: { id: string }) {
  const t = useTranslations("lots");
  const [depth, setDepth] = useState<number>(TRACE_DEFAULT_DEPTH);
  const lot = useSWR<LotDetail, ApiError>(`/api/lots/${id}`);
  const trace = useSWR<LotTrace, ApiError>(`/api/lots/${id}/trace?depth=${depth}`);

  if (lot.error?.status === 404 || lot.error?.status === 400) return <EmptyState title={t("detail.notFound")} />;
  if (lot.error) return <ErrorState message={errorMessage(lot.error)} onRetry={() => void lot.mutate()} />;
  if (!lot.data) return <LoadingState />;
  const l = lot.data;
  const onHand = l.balances.reduce((s, b) => s + b.onHand, 0);

  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <p className="text-sm font-semibold uppercase tracking-wide text-neutral-600">{t("detail.heading")}</p>
          <h1 className="font-mono text-3xl font-bold text-neutral-900" data-testid="lot-code">
            {l.code}
          </h1>
          <p className="mt-1 text-lg">
            <span className="font-semibold">{l.product.sku}</span> · {l.product.name}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <a href={`/api/lots/${id}/certificate?format=pdf&depth=${depth}`} download className={buttonClass("primary")} data-testid="lot-certificate">
            {t("detail.certificate")}
          </a>
          <Link href={`/stock/lots/${id}/label`} className={buttonClass("secondary")} data-testid="lot-label-link">
            {t("detail.label")}
          </Link>
          <Link href="/stock/lots" className={buttonClass("ghost")}>
            {t("detail.back")}
          </Link>
        </div>
      </div>

      <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Fact label={t("detail.expiry")}>
          <ExpiryMark expiresAt={l.expiresAt} />
        </Fact>
        <Fact label={t("detail.onHand")}>
          <span className="tabular-nums">{formatQty(onHand)}</span> <span className="text-sm text-neutral-600">{l.product.uom}</span>
        </Fact>
        <Fact label={t("detail.tracking")}>{t(`tracking.${l.product.tracking}`)}</Fact>
        <Fact label={t("detail.created")}>{formatDate(l.createdAt)}</Fact>
      </dl>

      <section aria-labelledby="lot-where" className="space-y-2">
        <h2 id="lot-where" className="text-lg font-semibold text-neutral-900">
          {t("detail.where")}
        </h2>
        {l.balances.length === 0 ? (
          <p className="text-neutral-600">{t("detail.nowhere")}</p>
        ) : (
          <table className="min-w-full divide-y divide-neutral-200 rounded border border-neutral-200">
            <thead className="bg-neutral-50">
              <tr>
                <th scope="col" className="px-4 py-2 text-left text-sm font-semibold">{t("col.location")}</th>
                <th scope="col" className="px-4 py-2 text-right text-sm font-semibold">{t("col.onHand")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-neutral-200 bg-white">
              {l.balances.map((b) => (
                <tr key={b.location.id} data-testid="lot-balance" data-location={b.location.code}>
                  <td className="px-4 py-2">
                    <Link href={`/stock/locations?location=${b.location.id}`} className={`font-semibold text-blue-800 underline ${focusRing}`}>
                      {b.location.code}
                    </Link>{" "}
                    <span className="text-sm text-neutral-700">{b.location.name}</span>
                  </td>
                  <td className="px-4 py-2 text-right tabular-nums">
                    {formatQty(b.onHand)} <span className="text-sm text-neutral-600">{l.product.uom}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="lot-trace" className="space-y-4">
        <div className="flex flex-wrap items-end justify-between gap-4">
          <h2 id="lot-trace" className="text-lg font-semibold text-neutral-900">
            {t("trace.title")}
          </h2>
          <div className="w-48">
            <SelectField label={t("trace.depth")} value={String(depth)} onChange={(e) => setDepth(Number(e.target.value))}>
              {DEPTHS.map((d) => (
                <option key={d} value={d}>
                  {t("trace.levels", { n: d })}
                </option>
              ))}
            </SelectField>
          </div>
        </div>
        {trace.error ? <ErrorState message={errorMessage(trace.error)} onRetry={() => void trace.mutate()} /> : !trace.data ? <LoadingState /> : <TraceTrees trace={trace.data} />}
      </section>
    </div>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="rounded border border-neutral-200 bg-white px-4 py-3">
      <dt className="text-sm text-neutral-600">{label}</dt>
      <dd className="mt-1 font-semibold text-neutral-900">{children}</dd>
    </div>
  );
}
