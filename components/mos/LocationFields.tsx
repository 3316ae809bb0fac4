import { useTranslations } from "next-intl";
import type { Path } from "react-hook-form";
import useSWR from "swr";
import type { listLocations } from "@/lib/locations/locations";
import type { Jsonify } from "@/types/json";
import type { ApiError } from "../api";
import type { ApiForm } from "../forms/useApiForm";
import { SelectField } from "../ui/Field";
import { hasPermission, useSignedInUser } from "../useMe";

type LocationItem = Jsonify<Awaited<ReturnType<typeof listLocations>>>["items"][number];

/** "CODE · Name", or the code alone when the name only repeats it (STOCK's "Stock": no English word on a Dutch screen). */
function locationText(l: Pick<LocationItem, "code" | "name">): string {
  return l.name.toLocaleLowerCase() === l.code.toLocaleLowerCase() ? l.code : `${l.code} · ${l.name}`;
}

/** The order's locations as the form holds them: a location id, or "" for the default. */
export interface LocationValues {
  sourceLocationId: string;
  destLocationId: string;
}

/** The active locations (stock:read); empty for someone who may not read stock. */
export function useLocations() {
  const canRead = hasPermission(useSignedInUser(), "stock:read");
  return useSWR<{ items: LocationItem[] }, ApiError>(canRead ? "/api/locations" : null);
}

/**
 * Where the order takes its materials from and puts what it makes (docs/locations.md "Manufacturing
 * orders"). Empty means the default: picked from STOCK first, then other storage; output into FG.
 * QUARANTINE and SCRAP are never offered as a source, SCRAP never as a destination (the API refuses them).
 */
export function MoLocationFields<V extends LocationValues>({ form, className = "grid gap-4 sm:grid-cols-2" }: { form: ApiForm<V>; className?: string }) {
  const t = useTranslations("mos");
  const { data } = useLocations();
  const items = data?.items ?? [];
  const register = (name: keyof LocationValues) => form.register(name as Path<V>);
  const option = (l: LocationItem) => (
    <option key={l.id} value={l.id}>
      {locationText(l)}
    </option>
  );
  return (
    <div className={className} data-testid="mo-locations">
      <SelectField label={t("locations.source")} hint={t("locations.sourceHint")} {...register("sourceLocationId")} error={form.fieldError("sourceLocationId")}>
        <option value="">{t("locations.sourceDefault")}</option>
        {items.filter((l) => l.kind !== "QUARANTINE" && l.kind !== "SCRAP").map(option)}
      </SelectField>
      <SelectField label={t("locations.dest")} hint={t("locations.destHint")} {...register("destLocationId")} error={form.fieldError("destLocationId")}>
        <option value="">{t("locations.destDefault")}</option>
        {items.filter((l) => l.kind !== "SCRAP").map(option)}
      </SelectField>
    </div>
  );
}

/** A location's code and name for display ("—" when none; the id while the list loads). */
export function LocationName({ id, fallback }: { id: string | null; fallback: string }) {
  const { data } = useLocations();
  if (!id) return <>{fallback}</>;
  const l = data?.items.find((x) => x.id === id);
  return <>{l ? locationText(l) : "…"}</>;
}
