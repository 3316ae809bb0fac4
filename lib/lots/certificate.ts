// The traceability certificate of a lot (GET /api/lots/:id/certificate?format=pdf, docs/locations.md
// "Lot pages, trace, certificate and labels"): what a factory sends a customer about one batch. The
// lot, its product, expiry and how much was produced or received; the lots it was made from, level by
// level through the MOs that used them (the trace's upstream tree); the customer orders it was made
// for or went into (the producing MO's and the downstream MOs' customers); the date of issue. In the
// reader's language, on A4 with pdfkit like the report exports (lib/reports/export/pdf-kit.ts).
// Everything that can refuse (unknown lot, bad query) happens before a byte is written: the PDF is
// built in memory (a certificate is a page or two), then sent whole.
import PDFDocument from "pdfkit";
import { prisma } from "../db/client";
import { env } from "../env";
import type { Locale } from "../i18n/config";
import { translator } from "../i18n/translator";
import { BOLD, FONT, MARGIN, pdfText, type Pdf } from "../reports/export/pdf-kit";
import { dateTimeText, dayText, numberText } from "../reports/export/words";
import { getLot } from "./lots";
import type { LotCertificateQuery } from "./schemas";
import { traceLot, type ConsumedIn, type CustomerOrder, type MadeFromLot } from "./trace";

/** The app's name (the PDF's creator, the closing statement); the issuer line is the factory (FACTORY_NAME). */
const APP_NAME = "MES";
const FOOTER_SPACE = 28;

type Words = ReturnType<typeof translator>;

export interface LotCertificate {
  filename: string;
  contentType: "application/pdf";
  body: Buffer;
}

interface CustomerLine extends CustomerOrder {
  moId: string;
  orderNo: string;
}

/** The customer orders of the producing MO and of every MO downstream, once each, those naming a customer. */
function customerOrders(producedBy: (CustomerLine & { moId: string }) | undefined, consumedIn: ConsumedIn[]): CustomerLine[] {
  const out = new Map<string, CustomerLine>();
  const add = (mo: CustomerLine) => {
    if ((mo.customerName || mo.customerRef) && !out.has(mo.moId)) out.set(mo.moId, mo);
  };
  if (producedBy) add(producedBy);
  const walk = (list: ConsumedIn[]) => {
    for (const c of list) {
      add(c);
      for (const o of c.outputLots) if (o.consumedIn) walk(o.consumedIn);
    }
  };
  walk(consumedIn);
  return [...out.values()];
}

/** Every product id in the upstream tree, for one name lookup. */
function productIds(list: MadeFromLot[], into = new Set<string>()): Set<string> {
  for (const l of list) {
    into.add(l.productId);
    if (l.madeFrom) productIds(l.madeFrom, into);
  }
  return into;
}

/** `certificate_STEEL-1_L-001.pdf` in the reader's language; only safe characters in the name. */
function filename(t: Words, sku: string, code: string): string {
  const safe = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, "_").slice(0, 60);
  return `${safe(t("certificate.fileStem"))}_${safe(sku)}_${safe(code)}.pdf`;
}

/** Builds the certificate of lot `q.id` in `locale`. Unknown lot → 404 (before anything is drawn). */
export async function lotCertificate(q: LotCertificateQuery, locale: Locale, now = new Date()): Promise<LotCertificate> {
  const lot = await getLot(q.id);
  const trace = await traceLot({ id: q.id, depth: q.depth });
  const inbound = await prisma().stockEntry.groupBy({
    by: ["sourceType"],
    where: { lotId: q.id, sourceType: { in: ["MO_OUTPUT", "RECEIPT", "INITIAL"] }, change: { gt: 0 } },
    _sum: { change: true },
  });
  const names = new Map(
    (await prisma().product.findMany({ where: { id: { in: [...productIds(trace.madeFrom)] } }, select: { id: true, name: true, uom: true } })).map((p) => [p.id, p]),
  );
  const tz = env().FACTORY_TIME_ZONE;
  const t = translator(locale, "lots");
  const qty = (n: number) => numberText(n, locale, 0, 4);
  const produced = inbound.filter((r) => r.sourceType === "MO_OUTPUT").reduce((s, r) => s + (r._sum.change?.toNumber() ?? 0), 0);
  const received = inbound.filter((r) => r.sourceType !== "MO_OUTPUT").reduce((s, r) => s + (r._sum.change?.toNumber() ?? 0), 0);
  const onHand = lot.balances.reduce((s, b) => s + b.onHand.toNumber(), 0);
  const title = t("certificate.title");

  const pdf: Pdf = new PDFDocument({
    size: "A4",
    margins: { top: MARGIN, bottom: MARGIN + FOOTER_SPACE, left: MARGIN, right: MARGIN },
    bufferPages: true,
    info: { Title: pdfText(`${title} ${lot.product.sku} ${lot.code}`), Creator: APP_NAME, CreationDate: now },
  });
  const chunks: Buffer[] = [];
  pdf.on("data", (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    pdf.on("end", resolve);
    pdf.on("error", reject);
  });
  const width = pdf.page.width - 2 * MARGIN;
  const line = (y: number) => pdf.moveTo(MARGIN, y).lineTo(MARGIN + width, y).lineWidth(0.7).stroke("#333333");

  // Heading: the issuer, the title, the lot.
  pdf.font(FONT).fontSize(9).fillColor("#444444").text(pdfText(t("certificate.issuer", { app: env().FACTORY_NAME })), MARGIN, MARGIN, { width });
  pdf.moveDown(0.3);
  pdf.font(BOLD).fontSize(20).fillColor("#111111").text(pdfText(title), { width });
  pdf.font(BOLD).fontSize(13).text(pdfText(t("certificate.subtitle", { code: lot.code, sku: lot.product.sku })), { width });
  line(pdf.y + 6);
  pdf.moveDown(1);

  // The facts, label and value in two columns.
  const facts: [string, string][] = [
    [t("certificate.product"), `${lot.product.sku} · ${lot.product.name}`],
    [t("certificate.lot"), lot.code],
    [t("certificate.expiry"), lot.expiresAt ? dayText(lot.expiresAt, tz, locale) : t("certificate.noExpiry")],
    ...(produced > 0 ? ([[t("certificate.produced"), `${qty(produced)} ${lot.product.uom}${trace.producedBy ? ` (${trace.producedBy.orderNo})` : ""}`]] as [string, string][]) : []),
    ...(received > 0 || produced === 0 ? ([[t("certificate.received"), `${qty(received)} ${lot.product.uom}`]] as [string, string][]) : []),
    [t("certificate.onHand"), `${qty(onHand)} ${lot.product.uom}`],
    [t("certificate.issued"), dayText(now, tz, locale)],
  ];
  const labelW = 150;
  for (const [label, value] of facts) {
    const y = pdf.y;
    pdf.font(FONT).fontSize(10).fillColor("#555555").text(pdfText(label), MARGIN, y, { width: labelW - 8 });
    const below = pdf.y;
    pdf.font(BOLD).fontSize(10).fillColor("#111111").text(pdfText(value), MARGIN + labelW, y, { width: width - labelW });
    pdf.y = Math.max(pdf.y, below) + 3;
  }

  const heading = (text: string) => {
    pdf.moveDown(1);
    if (pdf.y > pdf.page.height - MARGIN - FOOTER_SPACE - 60) pdf.addPage();
    pdf.font(BOLD).fontSize(12).fillColor("#111111").text(pdfText(text), MARGIN, pdf.y, { width });
    line(pdf.y + 2);
    pdf.moveDown(0.5);
  };

  // Upstream: what the lot was made from, through which MOs, every level the trace reached.
  heading(t("certificate.madeFrom"));
  if (!trace.madeFrom.length) {
    pdf.font(FONT).fontSize(10).fillColor("#444444").text(pdfText(trace.producedBy ? t("certificate.noTrackedInputs") : t("certificate.notProduced")), MARGIN, pdf.y, { width });
  } else {
    if (trace.producedBy) pdf.font(FONT).fontSize(10).fillColor("#444444").text(pdfText(t("certificate.madeBy", { order: trace.producedBy.orderNo })), MARGIN, pdf.y, { width });
    const tree = (list: MadeFromLot[], level: number) => {
      for (const l of list) {
        const p = names.get(l.productId);
        const indent = 12 + level * 16;
        const used = t("certificate.used", { qty: qty(l.quantity), uom: p?.uom ?? "", orders: l.consumedBy.map((m) => m.orderNo).join(", ") });
        pdf.font(BOLD).fontSize(10).fillColor("#111111").text(pdfText(`${level ? "› " : "• "}${t("certificate.lotLine", { code: l.code, sku: l.sku, name: p?.name ?? "" })}`), MARGIN + indent, pdf.y + 2, { width: width - indent });
        pdf.font(FONT).fontSize(9).fillColor("#444444").text(pdfText(used), MARGIN + indent + 10, pdf.y, { width: width - indent - 10 });
        if (l.madeFrom) tree(l.madeFrom, level + 1);
      }
    };
    tree(trace.madeFrom, 0);
  }

  // Downstream: the customer orders.
  heading(t("certificate.customers"));
  const customers = customerOrders(trace.producedBy, trace.consumedIn);
  if (!customers.length) {
    pdf.font(FONT).fontSize(10).fillColor("#444444").text(pdfText(t("certificate.noCustomers")), MARGIN, pdf.y, { width });
  } else {
    const cols = [
      { w: 0.18, h: t("certificate.col.order") },
      { w: 0.37, h: t("certificate.col.customer") },
      { w: 0.25, h: t("certificate.col.reference") },
      { w: 0.2, h: t("certificate.col.promised") },
    ];
    const row = (cells: string[], bold: boolean) => {
      const y = pdf.y;
      let x = MARGIN;
      let bottom = y;
      cells.forEach((c, i) => {
        pdf.font(bold ? BOLD : FONT).fontSize(9).fillColor("#111111").text(pdfText(c), x + 2, y, { width: cols[i]!.w * width - 4 });
        bottom = Math.max(bottom, pdf.y);
        x += cols[i]!.w * width;
      });
      pdf.y = bottom + 3;
    };
    row(cols.map((c) => c.h), true);
    for (const c of customers) row([c.orderNo, c.customerName ?? "", c.customerRef ?? "", c.promisedDate ? dayText(new Date(c.promisedDate), tz, locale) : ""], false);
  }

  // The statement.
  pdf.moveDown(1.5);
  pdf.font(FONT).fontSize(9).fillColor("#333333").text(pdfText(t("certificate.statement", { app: APP_NAME, when: dateTimeText(now, tz, locale), tz })), MARGIN, pdf.y, { width });

  // Footers on every page: the lot and "Page i of N".
  const range = pdf.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    pdf.page.margins.bottom = 0;
    const y = pdf.page.height - MARGIN;
    pdf.font(FONT).fontSize(7.5).fillColor("#666666");
    pdf.text(pdfText(`${title} · ${lot.product.sku} · ${lot.code}`), MARGIN, y, { width: width * 0.7, lineBreak: false });
    const page = pdfText(t("certificate.page", { page: i - range.start + 1, pages: range.count }));
    pdf.text(page, MARGIN + width - pdf.widthOfString(page), y, { lineBreak: false });
  }
  pdf.end();
  await ended;
  return { filename: filename(t, lot.product.sku, lot.code), contentType: "application/pdf", body: Buffer.concat(chunks) };
}
