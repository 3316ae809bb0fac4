// An open MO's material status (docs/domain.md "Material availability"): its word, not only a color.
import { useTranslations } from "next-intl";
import { MaterialStatus } from "@/lib/db/generated/enums";
import { Pill } from "./badges";

export type { MaterialStatus };
/** The statuses in the schema's order, for the filters. */
export const MATERIAL_STATUSES: readonly MaterialStatus[] = Object.values(MaterialStatus);

const TONES = { READY: "green", PARTIAL: "amber", WAITING: "red" } as const;

/** The MO list, detail and creation preview show it; nothing for a closed MO (null). */
export function MaterialStatusBadge({ status }: { status: MaterialStatus | null | undefined }) {
  const t = useTranslations("mos");
  if (!status) return null;
  return (
    <Pill tone={TONES[status]} testId="material-status">
      <span className="sr-only">{t("materialStatus.prefix")}</span>
      {t(`materialStatus.${status}`)}
    </Pill>
  );
}
