import { useTranslations } from "next-intl";
import Head from "next/head";
import Link from "next/link";
import type { ReactNode } from "react";
import { Button, buttonClass } from "../../ui/Button";
import { EmptyState, ErrorState, LoadingState } from "../../ui/States";
import { Code128, QrCode } from "./CodeImages";
import type { WoDetail } from "./types";
import { useWoDetail } from "./useWoDetail";
import { formatDate, formatDateTime, formatMinutes, formatQty } from "../../format";

// A4 with a printer-safe margin; the screen shows the same sheet as a page on a grey desk.
const PRINT_CSS = `
@page { size: A4 portrait; margin: 12mm; }
@media print {
  html, body { background: #fff !important; }
  .wo-sheet { box-shadow: none !important; border: 0 !important; margin: 0 !important; padding: 0 !important; width: auto !important; }
}
`;

/** The printable work order sheet (/workorders/:id/print): toolbar on screen, only the sheet on paper. */
export function WoSheetPage({ id }: { id: string }) {
  const t = useTranslations("workorders");
  const { data, error, mutate } = useWoDetail(id);
  return (
    <div className="min-h-screen bg-neutral-200 print:min-h-0 print:bg-white">
      <style>{PRINT_CSS}</style>
      <Head>
        <title>{data ? t("sheet.documentTitle", { code: data.code }) : t("sheet.documentTitleLoading")}</title>
      </Head>
      <header className="flex flex-wrap items-center justify-between gap-3 border-b border-neutral-300 bg-white px-4 py-3 print:hidden">
        <Link href={`/workorders/${id}`} className={buttonClass("ghost", "lg")}>
          <span aria-hidden="true">←</span> {t("sheet.back")}
        </Link>
        <Button size="lg" onClick={() => window.print()} disabled={!data}>
          {t("sheet.print")}
        </Button>
      </header>
      <main className="px-4 py-6 print:p-0">
        {data ? (
          <WoSheet wo={data} />
        ) : error?.status === 404 || error?.status === 400 ? (
          <div className="mx-auto max-w-xl rounded-lg bg-white">
            <EmptyState title={t("detail.notFound")}>{t("sheet.notFoundText")}</EmptyState>
          </div>
        ) : error ? (
          <div className="mx-auto max-w-xl">
            <ErrorState title={t("detail.loadError")} message={error.message} onRetry={() => void mutate()} />
          </div>
        ) : (
          <LoadingState label={t("sheet.preparing")} />
        )}
      </main>
    </div>
  );
}

/** The sheet itself: scannable code (QR + Code128), order, product, operation, instructions, parts, sign-off. */
export function WoSheet({ wo }: { wo: WoDetail }) {
  const t = useTranslations("workorders");
  return (
    <article className="wo-sheet mx-auto w-[210mm] max-w-full bg-white p-[12mm] text-neutral-950 shadow-lg" data-testid="wo-sheet" aria-label={t("sheet.label", { code: wo.code })}>
      <header className="flex items-start justify-between gap-6 border-b-2 border-neutral-900 pb-4">
        <div className="min-w-0">
          <p className="text-sm font-semibold uppercase tracking-widest text-neutral-700">{t("sheet.heading")}</p>
          <h1 className="font-mono text-4xl font-bold">{wo.code}</h1>
          <p className="mt-1 text-2xl font-semibold">
            {wo.sequence}. {wo.title}
          </p>
          <div className="mt-3">
            <Code128 value={wo.code} />
          </div>
        </div>
        <QrCode value={wo.code} size={136} />
      </header>

      <dl className="mt-5 grid grid-cols-2 gap-x-8 gap-y-3 text-base">
        <SheetFact label={t("facts.mo")}>
          <span className="font-semibold">{wo.mo.orderNo}</span> · {wo.mo.name}
        </SheetFact>
        <SheetFact label={t("facts.product")}>
          <span className="font-semibold">{wo.product.sku}</span> · {wo.product.name}
        </SheetFact>
        <SheetFact label={t("facts.quantity")}>
          <span className="text-xl font-bold">
            {formatQty(wo.mo.quantity)} {wo.product.uom}
          </span>
        </SheetFact>
        <SheetFact label={t("facts.workCenter")}>{wo.workCenter?.name ?? "—"}</SheetFact>
        <SheetFact label={t("facts.assignedTo")}>{wo.assignee?.name ?? "—"}</SheetFact>
        <SheetFact label={t("facts.plannedTime")}>{wo.plannedMin !== null ? formatMinutes(wo.plannedMin) : "—"}</SheetFact>
        <SheetFact label={t("facts.deadline")}>{wo.mo.deadline ? formatDate(wo.mo.deadline) : "—"}</SheetFact>
        <SheetFact label={t("sheet.statusWhenPrinted")}>{t(`pill.${wo.status}`)}</SheetFact>
      </dl>

      <section className="mt-6 break-inside-avoid">
        <h2 className="border-b border-neutral-400 pb-1 text-lg font-bold">{t("sheet.operation")}</h2>
        <p className="mt-2 text-base font-semibold">
          {wo.workCenter ? t("sheet.stepAt", { sequence: wo.sequence, title: wo.title, center: wo.workCenter.name }) : t("sheet.step", { sequence: wo.sequence, title: wo.title })}
        </p>
        <p className="mt-1 whitespace-pre-wrap text-base">{wo.description ?? (wo.instructions ? null : t("sheet.noInstructions"))}</p>
        {wo.instructions && <p className="mt-2 whitespace-pre-wrap text-base">{wo.instructions}</p>}
      </section>

      <section className="mt-6 break-inside-avoid">
        <h2 className="border-b border-neutral-400 pb-1 text-lg font-bold">{t("sheet.parts")}</h2>
        {wo.parts.length ? (
          <table className="mt-2 w-full border-collapse text-left text-base">
            <thead>
              <tr className="border-b border-neutral-400 text-sm">
                <th scope="col" className="py-1.5 pr-3">
                  {t("sheet.columns.sku")}
                </th>
                <th scope="col" className="py-1.5 pr-3">
                  {t("parts.columns.part")}
                </th>
                <th scope="col" className="py-1.5 pr-3 text-right">
                  {t("parts.columns.perUnit")}
                </th>
                <th scope="col" className="py-1.5 pr-3 text-right">
                  {t("parts.columns.needed")}
                </th>
                <th scope="col" className="w-20 py-1.5 text-center">
                  {t("sheet.columns.picked")}
                </th>
              </tr>
            </thead>
            <tbody>
              {wo.parts.map((p) => (
                <tr key={p.materialId} className="border-b border-neutral-200">
                  <td className="py-2 pr-3 font-mono font-semibold">{p.sku}</td>
                  <td className="py-2 pr-3">{p.name}</td>
                  <td className="py-2 pr-3 text-right tabular-nums">
                    {formatQty(p.qtyPerUnit)} {p.uom}
                  </td>
                  <td className="py-2 pr-3 text-right font-semibold tabular-nums">
                    {formatQty(p.required)} {p.uom}
                  </td>
                  <td className="py-2 text-center">
                    <span className="inline-block h-5 w-5 border-2 border-neutral-700" aria-hidden="true" />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="mt-2 text-base">{t("sheet.noParts")}</p>
        )}
      </section>

      <section className="mt-6 break-inside-avoid">
        <h2 className="border-b border-neutral-400 pb-1 text-lg font-bold">{t("sheet.signOff")}</h2>
        <div className="mt-3 grid grid-cols-4 gap-x-5 text-sm">
          {[t("sheet.sign.started"), t("sheet.sign.completed"), t("sheet.sign.operator"), t("sheet.sign.checkedBy")].map((l) => (
            <div key={l}>
              <div className="h-8 border-b border-neutral-700" />
              <p className="mt-1 text-neutral-700">{l}</p>
            </div>
          ))}
        </div>
        <div className="mt-4">
          <p className="text-sm text-neutral-700">{t("sheet.notes")}</p>
          <div className="mt-1 h-20 border border-neutral-700" />
        </div>
      </section>

      <footer className="mt-6 flex justify-between border-t border-neutral-300 pt-2 text-xs text-neutral-600">
        <span>
          {wo.code} · {wo.mo.orderNo}
        </span>
        <span>{t("sheet.printed", { at: formatDateTime(new Date().toISOString()) })}</span>
      </footer>
    </article>
  );
}

function SheetFact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-semibold uppercase tracking-wide text-neutral-600">{label}</dt>
      <dd className="mt-0.5">{children}</dd>
    </div>
  );
}
