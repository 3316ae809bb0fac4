import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/router";
import { useState, type FormEvent } from "react";
import useSWR from "swr";
import type { getLocation, listLocations } from "@/lib/locations/locations";
import type { Jsonify } from "@/types/json";
import { errorMessage, sendJson, type ApiError } from "../api";
import { formatQty } from "../format";
import { Button, buttonClass } from "../ui/Button";
import { TextField } from "../ui/Field";
import { EmptyState, ErrorState, LoadingState } from "../ui/States";
import { focusRing } from "../ui/styles";
import { hasPermission, useSignedInUser } from "../useMe";
import { LocationEditForm } from "./LocationEditForm";
import { StockTabs } from "./StockTabs";

type LocationList = Jsonify<Awaited<ReturnType<typeof listLocations>>>;
type LocationDetail = Jsonify<Awaited<ReturnType<typeof getLocation>>>;

/**
 * /stock/locations: every location (switched-off ones marked), a new one and editing the one picked
 * (stock:adjust), and what is on hand at the one picked (docs/locations.md).
 */
export function LocationsView() {
  const t = useTranslations("stock");
  const tl = useTranslations("lots");
  const router = useRouter();
  const canEdit = hasPermission(useSignedInUser(), "stock:adjust");
  // Switched-off locations too: they are listed (marked) so they can be edited and switched back on.
  const list = useSWR<LocationList, ApiError>("/api/locations?includeInactive=1");
  // ?location=<id> (a scanned location label) opens with that location picked.
  const [selected, setSelected] = useState<string | null>(typeof router.query.location === "string" ? router.query.location : null);
  const detail = useSWR<LocationDetail, ApiError>(selected ? `/api/locations/${selected}` : null);
  const [code, setCode] = useState("");
  const [name, setName] = useState("");
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [editing, setEditing] = useState(false);
  const picked = list.data?.items.find((l) => l.id === selected) ?? null;

  async function create(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setFormError(null);
    try {
      await sendJson("/api/locations", "POST", { code, name });
      setCode("");
      setName("");
      await list.mutate();
    } catch (err) {
      setFormError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="space-y-6">
      <StockTabs />
      {list.error ? (
        <ErrorState message={errorMessage(list.error)} onRetry={() => void list.mutate()} />
      ) : !list.data ? (
        <LoadingState />
      ) : (
        <ul className="grid gap-2 sm:grid-cols-2 lg:grid-cols-4" aria-label={t("locations.listLabel")}>
          {list.data.items.map((l) => (
            <li key={l.id}>
              <button
                type="button"
                onClick={() => {
                  setSelected(l.id);
                  setEditing(false);
                }}
                aria-pressed={selected === l.id}
                data-testid="location"
                data-code={l.code}
                data-active={l.active}
                className={`w-full rounded border px-4 py-3 text-left ${selected === l.id ? "border-neutral-900 bg-neutral-100" : "border-neutral-300 bg-white"} ${l.active ? "" : "opacity-70"} ${focusRing}`}
              >
                <span className="block font-semibold text-neutral-900">
                  {l.code}
                  {!l.active && <span className="ml-2 rounded bg-neutral-200 px-1.5 py-0.5 text-xs font-medium text-neutral-700">{t("locations.inactive")}</span>}
                </span>
                <span className="block text-sm text-neutral-700">
                  {l.name} · {t(`locations.kind.${l.kind}`)}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}

      {selected && (
        <section aria-labelledby="location-stock" className="space-y-2">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <h2 id="location-stock" className="text-lg font-semibold text-neutral-900">
              {t("locations.stockAt", { location: detail.data?.code ?? "" })}
            </h2>
            <div className="flex flex-wrap gap-2">
              {canEdit && picked && !editing && (
                <Button variant="secondary" onClick={() => setEditing(true)} data-testid="location-edit">
                  {t("locations.edit.open")}
                </Button>
              )}
              <Link href={`/stock/locations/${selected}/label`} className={buttonClass("secondary", "md")} data-testid="location-label-link">
                {tl("label.printLocation")}
              </Link>
            </div>
          </div>
          {canEdit && picked && editing && list.data && (
            <LocationEditForm
              key={`${picked.id}-${picked.updatedAt}`}
              location={picked}
              all={list.data.items}
              stockLines={detail.data?.stock.length ?? 0}
              onCancel={() => setEditing(false)}
              onSaved={async () => {
                setEditing(false);
                await Promise.all([list.mutate(), detail.mutate()]);
              }}
            />
          )}
          {detail.error ? (
            <ErrorState message={errorMessage(detail.error)} onRetry={() => void detail.mutate()} />
          ) : !detail.data ? (
            <LoadingState />
          ) : detail.data.stock.length === 0 ? (
            <EmptyState title={t("locations.empty")} />
          ) : (
            <table className="min-w-full divide-y divide-neutral-200 rounded border border-neutral-200">
              <thead className="bg-neutral-50">
                <tr>
                  <th scope="col" className="px-4 py-2 text-left text-sm font-semibold">{t("locations.col.product")}</th>
                  <th scope="col" className="px-4 py-2 text-left text-sm font-semibold">{t("locations.col.lot")}</th>
                  <th scope="col" className="px-4 py-2 text-right text-sm font-semibold">{t("locations.col.onHand")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-neutral-200 bg-white">
                {detail.data.stock.map((s) => (
                  <tr key={`${s.product.id}|${s.lot?.id ?? ""}`} data-testid="location-stock-row" data-sku={s.product.sku}>
                    <td className="px-4 py-2">
                      <span className="font-semibold">{s.product.sku}</span> <span className="text-sm text-neutral-700">{s.product.name}</span>
                    </td>
                    <td className="px-4 py-2 text-sm">{s.lot?.code ?? t("locations.noLot")}</td>
                    <td className="px-4 py-2 text-right tabular-nums">
                      {formatQty(s.onHand)} <span className="text-sm text-neutral-600">{s.product.uom}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}

      {canEdit && (
        <form onSubmit={(e) => void create(e)} className="max-w-xl space-y-3" aria-labelledby="new-location">
          <h2 id="new-location" className="text-lg font-semibold text-neutral-900">
            {t("locations.new")}
          </h2>
          <TextField label={t("locations.code")} value={code} onChange={(e) => setCode(e.target.value)} required maxLength={40} />
          <TextField label={t("locations.name")} value={name} onChange={(e) => setName(e.target.value)} required maxLength={120} />
          {formError && (
            <p role="alert" className="text-sm text-red-800">
              {formError}
            </p>
          )}
          <Button type="submit" busy={busy}>
            {t("locations.create")}
          </Button>
        </form>
      )}
    </div>
  );
}
