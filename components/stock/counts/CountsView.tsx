import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { apiFetch, errorMessage } from "../../api";
import { formatChange } from "../../format";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { ErrorState, LoadingState } from "../../ui/States";
import { hasPermission, useSignedInUser } from "../../useMe";
import { StockTabs } from "../StockTabs";
import { LocationField } from "../transfers/TransferForm";
import { useLocationList, useRefreshStock, type LocationStock } from "../transfers/places";
import { CountSheet, type CountResult } from "./CountSheet";
import { SheetDownload } from "./SheetDownload";

interface Loaded {
  stock: LocationStock;
  /** Remounts the sheet (a fresh read) each time it is loaded. */
  read: number;
}

interface Posted {
  location: string;
  counted: number;
  entries: CountResult["entries"];
}

/**
 * /stock/counts: pick a location, read its count sheet (what is on hand there now, kept as the
 * expected on-hand of each line), type what was counted and send it; the variances posted are shown.
 * The sheet is read once per location (and again after a count): a sheet that changed under the
 * counter's eyes would change what their numbers mean. Its blind export is for paper.
 */
export function CountsView() {
  const t = useTranslations("moves");
  const canCount = hasPermission(useSignedInUser(), "stock:adjust");
  const locations = useLocationList();
  const refresh = useRefreshStock();
  const [locationId, setLocationId] = useState("");
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);
  const [posted, setPosted] = useState<Posted | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  // The location asked for last: an answer for one picked before it is dropped.
  const wanted = useRef("");
  useEffect(() => {
    if (posted) resultRef.current?.focus();
  }, [posted]);

  async function load(id: string) {
    wanted.current = id;
    setLoadError(null);
    if (!id) return setLoaded(null);
    setLoading(true);
    try {
      const stock = await apiFetch<LocationStock>(`/api/locations/${encodeURIComponent(id)}`);
      if (wanted.current !== id) return;
      setLoaded((l) => ({ stock, read: (l?.read ?? 0) + 1 }));
    } catch (err) {
      if (wanted.current !== id) return;
      setLoaded(null);
      setLoadError(err);
    } finally {
      setLoading(false);
    }
  }

  function counted(result: CountResult) {
    setPosted({ location: loaded?.stock.code ?? "", counted: result.lines.length, entries: result.entries });
    void refresh();
    // Read the sheet again: the next count starts from what is on hand after this one.
    void load(locationId);
  }

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-neutral-900 sm:text-3xl">{t("count.pageTitle")}</h1>
        <p className="mt-1 max-w-3xl text-base text-neutral-600">{t("count.pageIntro")}</p>
      </div>
      <StockTabs />
      {locations.error ? (
        <ErrorState message={errorMessage(locations.error)} onRetry={locations.retry} />
      ) : (
        <div className="grid max-w-xl gap-4">
          <LocationField
            label={t("count.location")}
            locations={locations.items}
            value={locationId}
            choose={t("count.chooseLocation")}
            testId="count-location"
            onChange={(id) => {
              setLocationId(id);
              setPosted(null);
              void load(id);
            }}
          />
        </div>
      )}
      {posted && (
        <div ref={resultRef} tabIndex={-1} className="outline-none" data-testid="count-result">
          <Alert tone="success" title={t("result.title", { location: posted.location })}>
            <p>{t("result.summary", { lines: posted.counted, variances: posted.entries.length })}</p>
            {posted.entries.length > 0 && (
              <ul className="mt-2 divide-y divide-green-200 rounded-md border border-green-200 bg-white" aria-label={t("result.listLabel")}>
                {posted.entries.map((e) => (
                  <li key={e.id} className="flex flex-wrap justify-between gap-x-4 px-3 py-2 text-sm text-neutral-800" data-testid="count-variance" data-sku={e.product.sku}>
                    <span>
                      <span className="font-semibold">{e.product.sku}</span> {e.product.name}
                      {e.lot && <span className="text-neutral-600"> · {t("result.lot", { lot: e.lot.code })}</span>}
                    </span>
                    <span className="tabular-nums" data-testid="count-variance-change">
                      {formatChange(e.change)} {e.product.uom}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </Alert>
        </div>
      )}
      {locationId && <SheetDownload locationId={locationId} />}
      {loadError ? (
        <ErrorState message={errorMessage(loadError)} onRetry={() => void load(locationId)} />
      ) : loading && !loaded ? (
        <LoadingState label={t("count.loading")} />
      ) : (
        loaded && (
          <>
            <div className="flex flex-wrap items-center gap-3">
              <Button variant="secondary" onClick={() => void load(locationId)} busy={loading} data-testid="count-reload">
                {t("count.reload")}
              </Button>
              <span className="text-sm text-neutral-600">{t("count.readHint")}</span>
            </div>
            <CountSheet key={`${loaded.stock.id}:${loaded.read}`} location={loaded.stock} canCount={canCount} onCounted={counted} />
          </>
        )
      )}
    </div>
  );
}
