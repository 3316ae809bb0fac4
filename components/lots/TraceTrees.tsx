import { useTranslations } from "next-intl";
import Link from "next/link";
import type { ReactNode } from "react";
import { formatDate, formatQty } from "../format";
import { focusRing } from "../ui/styles";
import type { LotTrace, TraceConsumedIn, TraceMadeFrom } from "./types";

const link = `font-semibold text-blue-800 underline ${focusRing}`;

function MoLink({ id, orderNo }: { id: string; orderNo: string }) {
  return (
    <Link href={`/mos/${id}`} className={`font-mono ${link}`} data-testid="trace-mo" data-order={orderNo}>
      {orderNo}
    </Link>
  );
}

function LotLink({ id, code }: { id: string; code: string }) {
  return (
    <Link href={`/stock/lots/${id}`} className={`font-mono ${link}`} data-testid="trace-lot" data-code={code}>
      {code}
    </Link>
  );
}

/** "for Acme (PO-77), promised 15 Jan 2027", or nothing when the MO names no customer. */
function Customer({ mo }: { mo: { customerName: string | null; customerRef: string | null; promisedDate: string | null } }) {
  const t = useTranslations("lots");
  if (!mo.customerName && !mo.customerRef) return null;
  return (
    <span className="text-sm text-neutral-700" data-testid="trace-customer">
      {" · "}
      {t("trace.customer", { name: mo.customerName ?? "—", ref: mo.customerRef ?? "—" })}
      {mo.promisedDate && <> · {t("trace.promised", { date: formatDate(mo.promisedDate) })}</>}
    </span>
  );
}

function Beyond() {
  const t = useTranslations("lots");
  return <p className="ml-6 text-sm italic text-neutral-500">{t("trace.beyondDepth")}</p>;
}

function Branch({ children }: { children: ReactNode }) {
  return <ul className="ml-3 space-y-2 border-l-2 border-neutral-200 pl-4">{children}</ul>;
}

/** Upstream: the lots this one was made from, through the MOs that used them, as deep as the trace went. */
function MadeFrom({ lots }: { lots: TraceMadeFrom[] }) {
  const t = useTranslations("lots");
  return (
    <Branch>
      {lots.map((l) => (
        <li key={l.lotId} data-testid="upstream-lot" data-code={l.code}>
          <p>
            <LotLink id={l.lotId} code={l.code} /> <span className="text-sm text-neutral-700">{l.sku}</span>
            {" · "}
            <span className="text-sm">
              {t("trace.usedIn", { qty: formatQty(l.quantity) })}{" "}
              {l.consumedBy.map((m, i) => (
                <span key={m.moId}>
                  {i > 0 && ", "}
                  <MoLink id={m.moId} orderNo={m.orderNo} />
                </span>
              ))}
            </span>
          </p>
          {l.madeFrom === undefined ? <Beyond /> : l.madeFrom.length > 0 && <MadeFrom lots={l.madeFrom} />}
        </li>
      ))}
    </Branch>
  );
}

/** Downstream: the MOs that consumed a lot, what they made, and where that went in turn. */
function ConsumedIn({ mos }: { mos: TraceConsumedIn[] }) {
  const t = useTranslations("lots");
  return (
    <Branch>
      {mos.map((mo) => (
        <li key={mo.moId} data-testid="downstream-mo" data-order={mo.orderNo}>
          <p>
            <MoLink id={mo.moId} orderNo={mo.orderNo} /> <span className="text-sm">{t("trace.consumed", { qty: formatQty(mo.quantity) })}</span>
            <Customer mo={mo} />
          </p>
          {mo.outputLots.length === 0 ? (
            <p className="ml-6 text-sm text-neutral-600">{t("trace.noOutputLot")}</p>
          ) : (
            <Branch>
              {mo.outputLots.map((o) => (
                <li key={o.lotId} data-testid="downstream-lot" data-code={o.code}>
                  <p>
                    <span className="text-sm text-neutral-600">{t("trace.made")}</span> <LotLink id={o.lotId} code={o.code} /> <span className="text-sm text-neutral-700">{o.sku}</span>
                    {" · "}
                    <span className="text-sm tabular-nums">{formatQty(o.quantity)}</span>
                  </p>
                  {o.consumedIn === undefined ? <Beyond /> : o.consumedIn.length > 0 && <ConsumedIn mos={o.consumedIn} />}
                </li>
              ))}
            </Branch>
          )}
        </li>
      ))}
    </Branch>
  );
}

/** The trace of a lot as two trees: where it came from (upstream) and where it went (downstream). */
export function TraceTrees({ trace }: { trace: LotTrace }) {
  const t = useTranslations("lots");
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <section aria-labelledby="trace-up" className="space-y-3 rounded border border-neutral-200 bg-white p-4" data-testid="trace-upstream">
        <h3 id="trace-up" className="text-base font-semibold text-neutral-900">
          {t("trace.upstream")}
        </h3>
        {trace.producedBy ? (
          <p>
            {t("trace.madeBy")} <MoLink id={trace.producedBy.moId} orderNo={trace.producedBy.orderNo} />
            <Customer mo={trace.producedBy} />
          </p>
        ) : (
          <p className="text-sm text-neutral-600">{t("trace.notProduced")}</p>
        )}
        {trace.madeFrom.length > 0 ? <MadeFrom lots={trace.madeFrom} /> : trace.producedBy && <p className="text-sm text-neutral-600">{t("trace.noTrackedInputs")}</p>}
      </section>
      <section aria-labelledby="trace-down" className="space-y-3 rounded border border-neutral-200 bg-white p-4" data-testid="trace-downstream">
        <h3 id="trace-down" className="text-base font-semibold text-neutral-900">
          {t("trace.downstream")}
        </h3>
        {trace.consumedIn.length > 0 ? <ConsumedIn mos={trace.consumedIn} /> : <p className="text-sm text-neutral-600">{t("trace.notConsumed")}</p>}
      </section>
    </div>
  );
}
