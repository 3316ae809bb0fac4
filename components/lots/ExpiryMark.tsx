import { useTranslations } from "next-intl";
import { formatDate } from "../format";
import { expiryState } from "./types";

const TONES = {
  expired: "bg-red-50 text-red-800 ring-red-600/30",
  soon: "bg-amber-50 text-amber-900 ring-amber-600/30",
} as const;

/** A lot's expiry date, marked "Expired" or "Expires soon" where it applies; "—" without one. */
export function ExpiryMark({ expiresAt }: { expiresAt: string | null }) {
  const t = useTranslations("lots");
  const state = expiryState(expiresAt);
  if (state === "none") return <span className="text-neutral-500">{t("expiry.none")}</span>;
  return (
    <span className="inline-flex flex-wrap items-center gap-2" data-expiry={state}>
      <span className="tabular-nums">{formatDate(expiresAt)}</span>
      {(state === "expired" || state === "soon") && (
        <span className={`inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1 ring-inset ${TONES[state]}`}>{state === "expired" ? t("expiry.expired") : t("expiry.soon")}</span>
      )}
    </span>
  );
}
