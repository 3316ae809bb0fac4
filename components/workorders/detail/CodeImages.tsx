import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";

/**
 * The WO code as a QR code: an SVG (sharp at any print size) made in the browser by `qrcode`, loaded
 * on demand so the library stays out of every other page's bundle. It encodes the bare code, which
 * is what a keyboard-wedge scanner then types into the scan box.
 */
export function QrCode({ value, size = 144 }: { value: string; size?: number }) {
  const t = useTranslations("workorders");
  const [src, setSrc] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    import("qrcode")
      .then((QR) => QR.toString(value, { type: "svg", errorCorrectionLevel: "M", margin: 1 }))
      .then((svg) => live && setSrc(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`))
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [value]);
  if (failed) return <p className="text-sm text-red-700">{t("codes.qrFailed")}</p>;
  return (
    <div style={{ width: size, height: size }} className="shrink-0">
      {/* A data URL from qrcode: next/image would add nothing here. */}
      {/* eslint-disable-next-line @next/next/no-img-element */}
      {src && <img src={src} width={size} height={size} alt={t("codes.qrAlt", { code: value })} data-testid="wo-qr" />}
    </div>
  );
}

/** The WO code as a Code128 barcode (SVG by `jsbarcode`), with the code printed under it. */
export function Code128({ value }: { value: string }) {
  const t = useTranslations("workorders");
  const ref = useRef<SVGSVGElement>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    import("jsbarcode")
      .then(({ default: JsBarcode }) => {
        if (live && ref.current) JsBarcode(ref.current, value, { format: "CODE128", height: 56, width: 2, margin: 0, fontSize: 16, font: "monospace", displayValue: true });
      })
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [value]);
  if (failed) return <p className="text-sm text-red-700">{t("codes.barcodeFailed")}</p>;
  return <svg ref={ref} role="img" aria-label={t("codes.barcodeLabel", { code: value })} data-testid="wo-barcode" className="h-20 max-w-full" />;
}
