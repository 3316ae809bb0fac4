import { useTranslations } from "next-intl";
import { SelectField, TextField } from "../../ui/Field";
import { useOrderLabels } from "../labels";
import { MATERIAL_STATUSES, type MaterialStatus } from "../MaterialStatusBadge";
import { ORDER_STATES, type OrderState } from "../types";

/** Search box (name or order number), state and material-status filters of the MO list. */
export function MoFilters({
  q,
  state,
  materialStatus,
  onSearch,
  onState,
  onMaterialStatus,
}: {
  q: string;
  state: OrderState | "";
  materialStatus: MaterialStatus | "";
  onSearch: (q: string) => void;
  onState: (s: OrderState | "") => void;
  onMaterialStatus: (s: MaterialStatus | "") => void;
}) {
  const t = useTranslations("mos");
  const labels = useOrderLabels();
  return (
    <div role="search" className="grid gap-4 sm:grid-cols-[2fr_1fr_1fr]">
      <TextField label={t("list.search")} type="search" placeholder={t("list.searchPlaceholder")} value={q} onChange={(e) => onSearch(e.target.value)} />
      <SelectField label={t("list.stateFilter")} value={state} onChange={(e) => onState(e.target.value as OrderState | "")}>
        <option value="">{t("list.allStates")}</option>
        {ORDER_STATES.map((s) => (
          <option key={s} value={s}>
            {labels.state(s)}
          </option>
        ))}
      </SelectField>
      <SelectField label={t("list.materialFilter")} value={materialStatus} onChange={(e) => onMaterialStatus(e.target.value as MaterialStatus | "")}>
        <option value="">{t("list.allMaterialStatuses")}</option>
        {MATERIAL_STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`materialStatus.${s}`)}
          </option>
        ))}
      </SelectField>
    </div>
  );
}
