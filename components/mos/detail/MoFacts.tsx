import type { ReactNode } from "react";
import { LateBadge, PriorityBadge } from "../badges";
import { ProgressBar } from "../ProgressBar";
import type { MoDetail } from "../types";
import { formatDate, formatDateTime, formatQty } from "../../format";

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
  return (
    <div className="space-y-5 p-4 sm:p-5">
      <dl className="grid gap-5 sm:grid-cols-2 lg:grid-cols-4">
        <Fact label="Product">
          <span className="font-semibold">{mo.product.sku}</span> {mo.product.name}
        </Fact>
        <Fact label="Quantity" testId="fact-quantity">
          {formatQty(mo.quantity, mo.product.uom)}
          {mo.producedQty !== null && <span className="block text-sm text-neutral-600">Produced: {formatQty(mo.producedQty, mo.product.uom)}</span>}
        </Fact>
        <Fact label="Deadline" testId="fact-deadline">
          <span className={mo.late ? "font-semibold text-red-700" : ""}>{formatDate(mo.deadline)}</span>
          {mo.late && (
            <span className="ml-2 align-middle">
              <LateBadge />
            </span>
          )}
        </Fact>
        <Fact label="Priority">
          <PriorityBadge priority={mo.priority} />
        </Fact>
        <Fact label="Progress">
          <ProgressBar progress={mo.progress} label={`Progress of ${mo.orderNo}`} />
        </Fact>
        <Fact label="Created">
          {formatDateTime(mo.createdAt)}
          <span className="block text-sm text-neutral-600">by {mo.createdBy.name}</span>
        </Fact>
        {mo.startedAt && <Fact label="Started">{formatDateTime(mo.startedAt)}</Fact>}
        {mo.completedAt && <Fact label="Completed">{formatDateTime(mo.completedAt)}</Fact>}
        {mo.canceledAt && <Fact label="Canceled">{formatDateTime(mo.canceledAt)}</Fact>}
      </dl>
      <div className="border-t border-neutral-200 pt-5">
        <h3 className="text-sm font-semibold text-neutral-900">Customer</h3>
        <dl className="mt-3 grid gap-5 sm:grid-cols-2 lg:grid-cols-4" data-testid="customer-fields">
          <Fact label="Customer">{mo.customerName ?? "—"}</Fact>
          <Fact label="Reference">{mo.customerRef ?? "—"}</Fact>
          <Fact label="Promised date">{formatDate(mo.promisedDate)}</Fact>
          <Fact label="Notes">
            <span className="whitespace-pre-line">{mo.notes ?? "—"}</span>
          </Fact>
        </dl>
      </div>
    </div>
  );
}
