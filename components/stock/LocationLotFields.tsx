// Where a posting happens and which lot it touches (docs/locations.md): the location select and the lot
// select of the receipt, adjustment and scrap forms, and the reads behind them (GET /api/locations,
// /api/locations/:id, /api/lots?productId=, the product's tracking from /api/products/:id).
import { useTranslations } from "next-intl";
import useSWR from "swr";
import type { LocationKind, Tracking } from "@/lib/db/generated/enums";
import type { getLocation, listLocations } from "@/lib/locations/locations";
import type { listLots } from "@/lib/lots/lots";
import type { JsonResult } from "@/types/json";
import type { ApiError } from "../api";
import { formatDate, formatQty } from "../format";
import type { Product } from "../products/types";
import { SelectField } from "../ui/Field";

export type LocationItem = JsonResult<typeof listLocations>["items"][number];
export type LocationDetail = JsonResult<typeof getLocation>;
export type LotItem = JsonResult<typeof listLots>["items"][number];

/**
 * The locations (active ones unless asked) and STOCK's id: the one default location of kind STORAGE
 * (the four defaults keep their kind, lib/locations/defaults.ts, which the browser may not import).
 */
export function useLocations(includeInactive = false): { items: LocationItem[] | undefined; stockId: string; error?: ApiError } {
  const { data, error } = useSWR<{ items: LocationItem[] }, ApiError>(includeInactive ? "/api/locations?includeInactive=1" : "/api/locations");
  const stockId = data?.items.find((l) => l.isDefault && l.kind === "STORAGE")?.id ?? "";
  return { items: data?.items, stockId, error };
}

/** How a product is tracked (NONE, LOT, SERIAL); null while unknown. */
export function useTracking(productId: string | null | undefined): Tracking | null {
  const { data } = useSWR<Product, ApiError>(productId ? `/api/products/${encodeURIComponent(productId)}` : null);
  return data && data.id === productId ? data.tracking : null;
}

/** What is on hand at a location, per product and lot. */
export function useStockAt(locationId: string | null | undefined) {
  return useSWR<LocationDetail, ApiError>(locationId ? `/api/locations/${encodeURIComponent(locationId)}` : null);
}

/** An expiry as its calendar date: stored as that day's UTC midnight, read at noon so no time zone moves it. */
export function formatExpiry(iso: string | null | undefined): string {
  return iso ? formatDate(`${iso.slice(0, 10)}T12:00:00Z`) : "—";
}

interface LocationSelectProps {
  label: string;
  locations: LocationItem[] | undefined;
  /** The chosen id ("" shows `fallback`, e.g. STOCK, the API's default). */
  value: string;
  fallback?: string;
  onChange: (id: string) => void;
  /** Kinds that cannot be chosen here (a receipt never goes into SCRAP). */
  excludeKinds?: readonly LocationKind[];
  /** The first option, for "any location" in a filter. */
  anyLabel?: string;
  error?: string;
  hint?: string;
  testId?: string;
}

/** A select of locations by code, name and kind. */
export function LocationSelect({ label, locations, value, fallback = "", onChange, excludeKinds = [], anyLabel, error, hint, testId }: LocationSelectProps) {
  const t = useTranslations("stock");
  const shown = (locations ?? []).filter((l) => !excludeKinds.includes(l.kind) || l.id === value);
  return (
    <SelectField label={label} value={value || fallback} onChange={(e) => onChange(e.target.value)} error={error} hint={hint} data-testid={testId} disabled={!locations}>
      {anyLabel !== undefined ? <option value="">{anyLabel}</option> : !locations && <option value="">{t("place.loadingLocations")}</option>}
      {shown.map((l) => (
        <option key={l.id} value={l.id}>
          {t("place.locationOption", {
            code: l.code,
            // A name that only repeats the code ("Stock" for STOCK) is left out.
            name: l.name.toLocaleLowerCase() === l.code.toLocaleLowerCase() ? "none" : l.name,
            kind: t(`locations.kind.${l.kind}`),
            active: l.active ? "yes" : "no",
          })}
        </option>
      ))}
    </SelectField>
  );
}

/** The lots of one product at one location, with what is on hand there. */
export function lotsAt(stock: LocationDetail | undefined, productId: string | undefined): { lot: NonNullable<LocationDetail["stock"][number]["lot"]>; onHand: number }[] {
  if (!stock || !productId) return [];
  return stock.stock.filter((s) => s.product.id === productId && s.lot).map((s) => ({ lot: s.lot!, onHand: s.onHand }));
}

/** What is on hand of a product at a location: of one lot when given, else of every lot and untracked stock. */
export function onHandAt(stock: LocationDetail | undefined, productId: string | undefined, lotId?: string): number | undefined {
  if (!stock || !productId) return undefined;
  return stock.stock.filter((s) => s.product.id === productId && (!lotId || s.lot?.id === lotId)).reduce((n, s) => n + s.onHand, 0);
}

interface LotSelectProps {
  tracking: Tracking;
  productId: string;
  uom: string;
  /** Shown in the "nothing here" hint. */
  sku: string;
  stock: LocationDetail | undefined;
  value: string;
  onChange: (id: string) => void;
  /** Also list the product's lots that have nothing here (stock found or added back). */
  includeOthers?: boolean;
  error?: string;
}

/**
 * The lot (or, for a serial-tracked product, the serial) an adjustment or scrap takes from: the
 * product's lots with stock at the chosen location, first expiry first, with their code, expiry and
 * on-hand there.
 */
export function LotSelect({ tracking, productId, uom, sku, stock, value, onChange, includeOthers = false, error }: LotSelectProps) {
  const t = useTranslations("stock");
  const { data: all } = useSWR<{ items: LotItem[] }, ApiError>(includeOthers ? `/api/lots?${new URLSearchParams({ productId })}` : null);
  const here = lotsAt(stock, productId).sort((a, b) => (a.lot.expiresAt ?? "9999").localeCompare(b.lot.expiresAt ?? "9999") || a.lot.code.localeCompare(b.lot.code));
  const hereIds = new Set(here.map((h) => h.lot.id));
  const others = includeOthers ? (all?.items ?? []).filter((l) => !hereIds.has(l.id)) : [];
  const serial = tracking === "SERIAL";
  const expiry = (iso: string | null) => (iso ? formatExpiry(iso) : "none");
  const hint = !stock ? undefined : here.length === 0 && others.length === 0 ? t("place.noLotsHere", { serial: serial ? "yes" : "no", sku, location: stock.code }) : undefined;
  return (
    <SelectField label={serial ? t("place.serial") : t("place.lot")} value={value} onChange={(e) => onChange(e.target.value)} error={error} hint={hint} aria-required data-testid="lot-select">
      <option value="">{serial ? t("place.chooseSerial") : t("place.chooseLot")}</option>
      {here.map(({ lot, onHand }) => (
        <option key={lot.id} value={lot.id}>
          {t("place.lotOption", { code: lot.code, expiry: expiry(lot.expiresAt), onHand: formatQty(onHand), uom })}
        </option>
      ))}
      {others.length > 0 && (
        <optgroup label={serial ? t("place.otherSerials") : t("place.otherLots")}>
          {others.map((l) => (
            <option key={l.id} value={l.id}>
              {t("place.lotOptionTotal", { code: l.code, expiry: expiry(l.expiresAt), onHand: formatQty(l.onHand), uom })}
            </option>
          ))}
        </optgroup>
      )}
    </SelectField>
  );
}

/** A posting's place as the receipt, adjustment and scrap forms read it (see usePlace). */
export interface Place {
  locations: ReturnType<typeof useLocations>;
  tracking: Tracking | null;
  tracked: boolean;
  /** What is on hand at the chosen location (read only when the form asks for it). */
  stockHere: ReturnType<typeof useStockAt>;
  /** The product's on hand there (of the chosen lot when one is), once read. */
  here: number | undefined;
}

/**
 * The reads behind a posting's place: the locations (STOCK's id), the product's tracking, and, when
 * `readStock`, what is on hand at the chosen location (STOCK while none is chosen).
 */
export function usePlace(productId: string | undefined, locationId: string, lotId: string, readStock: boolean): Place {
  const locations = useLocations();
  const tracking = useTracking(productId);
  const tracked = tracking === "LOT" || tracking === "SERIAL";
  const stockHere = useStockAt(productId && readStock ? locationId || locations.stockId : null);
  const here = onHandAt(stockHere.data, productId, tracked ? lotId || undefined : undefined);
  return { locations, tracking, tracked, stockHere, here };
}

interface PlaceFieldsProps {
  place: Place;
  product: { productId: string; uom: string; sku: string } | null;
  locationId: string;
  lotId: string;
  /** Sets a field of the form; a new location (or product) clears the lot. */
  set: (name: "locationId" | "lotId", value: string) => void;
  /** Whether a tracked product's lot is asked for here (adjustment and scrap; a receipt names its own). */
  withLot: boolean;
  /** Also offer the product's lots with nothing at the location (an adjustment that adds). */
  includeOtherLots?: boolean;
  excludeKinds?: readonly LocationKind[];
  hint?: string;
  error: (name: "locationId" | "lotId") => string | undefined;
}

/**
 * The location select and, for a tracked product, the lot select of the receipt, adjustment and scrap
 * forms: one fragment, so the three forms keep the same fields, rules and test ids.
 */
export function PlaceFields({ place, product, locationId, lotId, set, withLot, includeOtherLots = false, excludeKinds, hint, error }: PlaceFieldsProps) {
  const t = useTranslations("stock");
  return (
    <>
      <LocationSelect
        label={t("place.location")}
        locations={place.locations.items}
        value={locationId}
        fallback={place.locations.stockId}
        onChange={(v) => {
          set("locationId", v);
          set("lotId", "");
        }}
        excludeKinds={excludeKinds}
        error={error("locationId")}
        hint={hint}
        testId="location-select"
      />
      {withLot && product && place.tracked && place.tracking && (
        <LotSelect
          tracking={place.tracking}
          productId={product.productId}
          uom={product.uom}
          sku={product.sku}
          stock={place.stockHere.data}
          value={lotId}
          onChange={(v) => set("lotId", v)}
          includeOthers={includeOtherLots}
          error={error("lotId")}
        />
      )}
    </>
  );
}
