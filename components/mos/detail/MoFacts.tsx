import { useTranslations } from "next-intl";
import Link from "next/link";
import type { ReactNode } from "react";
import { focusRing } from "../../ui/styles";
import { LateBackorderButton } from "./LateBackorderButton";
import { LateBadge, PriorityBadge } from "../badges";
import { ProgressBar } from "../ProgressBar";
import type { MoDetail } from "../types";
import { formatDate, formatDateTime, formatQty } from "../../format";
import { LocationName } from "../LocationFields";

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div data-testid={testId}>
      <dt className="text-xs font-medium uppercase tracking-wide text-neutral-500">{label}</dt>
      <dd className="mt-1 text-base text-neutral-900">{children}</dd>
    </div>
  );
}

/** The key facts of an order: product, quantities, dates, priority, customer. */
export function MoFacts({ mo }: { mo: MoDetail }) {
  const t = useTranslations("mos");
  return (
    <div className="space-y-5 p-4 sm:p-5">
      <dl className="grid gap-5 sm:grid-cols-2 lg:grid-cols-4">
        <Fact label={t("fields.product")}>
          <span className="font-semibold">{mo.product.sku}</span> {mo.product.name}
        </Fact>
        <Fact label={t("fields.quantity")} testId="fact-quantity">
          {formatQty(mo.quantity, mo.product.uom)}
          {mo.producedQty !== null && <span className="block text-sm text-neutral-600">{t("facts.produced", { qty: formatQty(mo.producedQty, mo.product.uom) })}</span>}
          {mo.scrapQty !== null && mo.scrapQty > 0 && (
            <span className="block text-sm text-neutral-600" data-testid="fact-scrap">
              {t("facts.scrapped", { qty: formatQty(mo.scrapQty, mo.product.uom) })}
            </span>
          )}
          <LateBackorderButton mo={mo} />
        </Fact>
        <Fact label={t("fields.deadline")} testId="fact-deadline">
          <span className={mo.late ? "font-semibold text-red-700" : ""}>{formatDate(mo.deadline)}</span>
          {mo.late && (
            <span className="ml-2 align-middle">
              <LateBadge />
            </span>
          )}
        </Fact>
        <Fact label={t("fields.priority")}>
          <PriorityBadge priority={mo.priority} />
        </Fact>
        <Fact label={t("list.columns.progress")}>
          <ProgressBar progress={mo.progress} label={t("progress.of", { orderNo: mo.orderNo })} />
        </Fact>
        <Fact label={t("facts.created")}>
          {formatDateTime(mo.createdAt)}
          <span className="block text-sm text-neutral-600">{t("facts.by", { name: mo.createdBy.name })}</span>
        </Fact>
        {mo.startedAt && <Fact label={t("facts.started")}>{formatDateTime(mo.startedAt)}</Fact>}
        {mo.completedAt && <Fact label={t("facts.completed")}>{formatDateTime(mo.completedAt)}</Fact>}
        {mo.canceledAt && <Fact label={t("facts.canceled")}>{formatDateTime(mo.canceledAt)}</Fact>}
        {mo.backorderOf && (
          <Fact label={t("facts.backorderOfLabel")} testId="fact-backorder-of">
            <Link href={`/mos/${mo.backorderOf.id}`} className={`rounded font-semibold text-blue-800 underline-offset-2 hover:underline ${focusRing}`}>
              {t("facts.backorderOf", { orderNo: mo.backorderOf.orderNo })}
            </Link>
          </Fact>
        )}
        {mo.backorder && (
          <Fact label={t("facts.backorderLabel")} testId="fact-backorder">
            <Link href={`/mos/${mo.backorder.id}`} className={`rounded font-semibold text-blue-800 underline-offset-2 hover:underline ${focusRing}`}>
              {t("facts.backorder", { orderNo: mo.backorder.orderNo })}
            </Link>
            <span className="block text-sm text-neutral-600">{formatQty(mo.backorder.quantity, mo.product.uom)}</span>
          </Fact>
        )}
      </dl>
      <dl className="grid gap-5 border-t border-neutral-200 pt-5 sm:grid-cols-2 lg:grid-cols-4" data-testid="location-facts">
        <Fact label={t("locations.source")}>
          <LocationName id={mo.sourceLocationId} fallback={t("locations.sourceDefault")} />
        </Fact>
        <Fact label={t("locations.dest")}>
          <LocationName id={mo.destLocationId} fallback={t("locations.destDefault")} />
        </Fact>
      </dl>
      <div className="border-t border-neutral-200 pt-5">
        <h3 className="text-sm font-semibold text-neutral-900">{t("facts.customer")}</h3>
        <dl className="mt-3 grid gap-5 sm:grid-cols-2 lg:grid-cols-4" data-testid="customer-fields">
          <Fact label={t("facts.customer")}>{mo.customerName ?? "—"}</Fact>
          <Fact label={t("facts.reference")}>{mo.customerRef ?? "—"}</Fact>
          <Fact label={t("fields.promisedDate")}>{formatDate(mo.promisedDate)}</Fact>
          <Fact label={t("fields.notes")}>
            <span className="whitespace-pre-line">{mo.notes ?? "—"}</span>
          </Fact>
        </dl>
      </div>
    </div>
  );
}
