import { useTranslations } from "next-intl";
import type { MaterialStatus } from "@/lib/manufacturing/board-schemas";
import { Pill } from "../badges";

const TONES = { READY: "green", PARTIAL: "amber", WAITING: "red" } as const;

/** Whether an order's materials are there (DOMAIN-2 §1), in words, not only color. */
export function MaterialStatusBadge({ status }: { status: MaterialStatus }) {
  const t = useTranslations("board");
  return (
    <Pill tone={TONES[status]} testId="material-status">
      <span className="sr-only">{t("card.materialsPrefix")}</span>
      {t(`materialStatus.${status}`)}
    </Pill>
  );
}
