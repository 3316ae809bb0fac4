import { useTranslations } from "next-intl";
import { formatQty } from "../format";
import { ExpiryMark } from "../lots/ExpiryMark";
import type { LabelShown } from "./useLabelScan";
import type { ScannedLocation, ScannedLot } from "./labels";

/**
 * What a scanned lot or location label shows under a shop-floor scan box (docs/scanning.md "Lot and
 * location labels"): the lot's card, the location's card, or the line saying the lot was named in the
 * open Complete panel.
 */
export function LabelShownCard({ shown, onClose }: { shown: LabelShown; onClose: () => void }) {
  const t = useTranslations("operator.labelScan");
  if (shown.kind === "named") {
    return (
      <p data-testid="scan-lot-named" className="mt-3 rounded-md border border-green-300 bg-green-50 px-4 py-3 text-base font-medium text-green-900">
        {t("named", { lot: shown.lotCode, what: shown.forWhat })}
      </p>
    );
  }
  return (
    <div className="mt-3 rounded-lg border-2 border-neutral-300 bg-neutral-50 p-4" data-testid={shown.label.kind === "lot" ? "scan-lot-card" : "scan-location-card"}>
      {shown.label.kind === "lot" ? <LotCard label={shown.label} /> : <LocationCard label={shown.label} />}
      <button type="button" onClick={onClose} className="mt-3 h-12 rounded-lg border-2 border-neutral-400 bg-white px-4 text-base font-medium text-neutral-900 hover:bg-neutral-100">
        {t("close")}
      </button>
    </div>
  );
}

function LotCard({ label }: { label: ScannedLot }) {
  const t = useTranslations("operator.labelScan");
  const { lot, locations } = label;
  return (
    <>
      <p className="text-sm font-semibold uppercase tracking-wide text-neutral-600">{t("lot")}</p>
      <p className="font-mono text-2xl font-bold text-neutral-900" data-testid="scan-lot-code">
        {lot.code}
      </p>
      <p className="text-base text-neutral-900">
        <span className="font-mono font-semibold">{lot.product.sku}</span> · {lot.product.name}
      </p>
      <p className="mt-1 text-base text-neutral-800">
        {t("expiry")}: <ExpiryMark expiresAt={lot.expiresAt} />
      </p>
      {locations.length ? (
        <ul className="mt-2 divide-y divide-neutral-200 rounded-md border border-neutral-200 bg-white" aria-label={t("onHandAt")}>
          {locations.map((l) => (
            <li key={l.id} className="flex justify-between gap-4 px-3 py-2 text-base" data-testid="scan-lot-location" data-location={l.code}>
              <span>
                <span className="font-mono font-semibold">{l.code}</span> · {l.name}
              </span>
              <span className="tabular-nums font-semibold">{formatQty(l.onHand, lot.product.uom)}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-2 text-base text-neutral-700">{t("lotNowhere")}</p>
      )}
    </>
  );
}

function LocationCard({ label }: { label: ScannedLocation }) {
  const t = useTranslations("operator.labelScan");
  const tk = useTranslations("stock.locations.kind");
  const { location, lines, totalLines } = label;
  return (
    <>
      <p className="text-sm font-semibold uppercase tracking-wide text-neutral-600">{t("location")}</p>
      <p className="font-mono text-2xl font-bold text-neutral-900" data-testid="scan-location-code">
        {location.code}
      </p>
      <p className="text-base text-neutral-900">
        {location.name} · {tk(location.kind)}
      </p>
      {lines.length ? (
        <ul className="mt-2 divide-y divide-neutral-200 rounded-md border border-neutral-200 bg-white" aria-label={t("onHandHere")}>
          {lines.map((l, i) => (
            <li key={i} className="flex justify-between gap-4 px-3 py-2 text-base" data-testid="scan-location-line" data-sku={l.product.sku}>
              <span>
                <span className="font-mono font-semibold">{l.product.sku}</span> · {l.product.name}
                {l.lot && <span className="text-neutral-700"> · {t("lotCode", { code: l.lot.code })}</span>}
              </span>
              <span className="tabular-nums font-semibold">{formatQty(l.onHand, l.product.uom)}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-2 text-base text-neutral-700">{t("locationEmpty")}</p>
      )}
      {totalLines > lines.length && <p className="mt-1 text-sm text-neutral-700">{t("moreLines", { count: totalLines - lines.length })}</p>}
    </>
  );
}
