import { useTranslations } from "next-intl";
import Head from "next/head";
import Link from "next/link";
import type { ReactNode } from "react";
import { Code128, QrCode } from "../workorders/detail/CodeImages";
import { Button, buttonClass } from "../ui/Button";

// One label of 100 × 70 mm per page (a label printer's roll, or cut from A4); the screen shows it on a
// grey desk. As the WO sheet: the toolbar never prints. A sheet of several labels (the serials of a
// receipt, lots picked on the list: LotLabels.tsx) prints each on its own page.
const PRINT_CSS = `
@page { size: 100mm 70mm; margin: 3mm; }
@media print {
  html, body { background: #fff !important; }
  .stock-label { box-shadow: none !important; border: 0 !important; margin: 0 !important; width: auto !important; height: auto !important; break-after: page; }
  .stock-label:last-child { break-after: auto; }
}
`;

/** The page around one or more labels: a toolbar (back, print) on screen, only the labels on paper. */
export function LabelFrame({ title, back, ready, children }: { title: string; back: string; ready: boolean; children: ReactNode }) {
  const t = useTranslations("lots");
  return (
    <div className="min-h-screen bg-neutral-200 print:min-h-0 print:bg-white">
      <style>{PRINT_CSS}</style>
      <Head>
        <title>{title}</title>
      </Head>
      <header className="flex flex-wrap items-center justify-between gap-3 border-b border-neutral-300 bg-white px-4 py-3 print:hidden">
        <Link href={back} className={buttonClass("ghost", "lg")}>
          <span aria-hidden="true">←</span> {t("label.back")}
        </Link>
        <Button size="lg" onClick={() => window.print()} disabled={!ready}>
          {t("label.print")}
        </Button>
      </header>
      <main className="space-y-6 px-4 py-6 print:space-y-0 print:p-0">{children}</main>
    </div>
  );
}

/**
 * One label of 100 × 70 mm. `code` is the printed code (lib/scan/codes.ts lotLabelCode /
 * locationLabelCode), carried by both a QR code and a Code128 so a scan box can read either.
 */
export function StockLabel({ code, title, children }: { code: string; title: string; children: ReactNode }) {
  return (
    <article className="stock-label mx-auto flex h-[70mm] w-[100mm] max-w-full flex-col justify-between overflow-hidden bg-white p-[3mm] text-neutral-950 shadow-lg" data-testid="stock-label" data-code={code} aria-label={title}>
      <div className="flex items-start justify-between gap-3">
        <div className="min-w-0 flex-1">{children}</div>
        <QrCode value={code} size={104} />
      </div>
      <Code128 value={code} />
    </article>
  );
}

/** A printable page of one label (lot or location). */
export function LabelSheet({ title, back, code, ready, children }: { title: string; back: string; code: string | null; ready: boolean; children: ReactNode }) {
  return (
    <LabelFrame title={title} back={back} ready={ready}>
      {code && (
        <StockLabel code={code} title={title}>
          {children}
        </StockLabel>
      )}
    </LabelFrame>
  );
}
