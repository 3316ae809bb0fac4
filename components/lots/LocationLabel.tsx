import { useTranslations } from "next-intl";
import useSWR from "swr";
import type { getLocation } from "@/lib/locations/locations";
import { locationLabelCode } from "@/lib/scan/codes";
import type { Jsonify } from "@/types/json";
import { errorMessage, type ApiError } from "../api";
import { EmptyState, ErrorState, LoadingState } from "../ui/States";
import { LabelSheet } from "./LabelSheet";

type LocationDetail = Jsonify<Awaited<ReturnType<typeof getLocation>>>;

/** /stock/locations/:id/label: a shelf or bin label: the location's code, name and kind, and its scan code. */
export function LocationLabel({ id }: { id: string }) {
  const t = useTranslations("lots");
  const ts = useTranslations("stock");
  const { data, error, mutate } = useSWR<LocationDetail, ApiError>(`/api/locations/${id}`);
  return (
    <LabelSheet title={data ? t("label.locationTitle", { code: data.code }) : t("label.loading")} back={`/stock/locations?location=${id}`} code={data ? locationLabelCode(data.id) : null} ready={Boolean(data)}>
      {data ? (
        <>
          <p className="text-xs font-semibold uppercase tracking-widest text-neutral-700">{t("label.locationHeading")}</p>
          <p className="truncate font-mono text-3xl font-bold leading-tight">{data.code}</p>
          <p className="line-clamp-2 text-base font-semibold leading-snug">{data.name}</p>
          <p className="mt-1 text-sm">{ts(`locations.kind.${data.kind}`)}</p>
        </>
      ) : error?.status === 404 || error?.status === 400 ? (
        <EmptyState title={t("label.locationNotFound")} />
      ) : error ? (
        <ErrorState message={errorMessage(error)} onRetry={() => void mutate()} />
      ) : (
        <LoadingState />
      )}
    </LabelSheet>
  );
}
