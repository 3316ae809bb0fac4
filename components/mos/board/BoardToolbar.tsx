import { useTranslations } from "next-intl";
import { BOARD_GROUPS, MATERIAL_STATUSES, type BoardGroup, type MaterialStatus } from "@/lib/manufacturing/board-schemas";
import { useWorkCenters } from "../../workcenters/useWorkCenters";
import { SelectField, TextField } from "../../ui/Field";
import { focusRing } from "../../ui/styles";
import { useOrderLabels } from "../labels";
import { PRIORITIES, type Priority } from "../types";

export interface ToolbarValues {
  groupBy: BoardGroup;
  workCenterId: string;
  priority: Priority | "";
  materialStatus: MaterialStatus | "";
  customer: string;
}

/** Columns by operation or work center, and the filters: work center, priority, materials, customer. */
export function BoardToolbar({ values, onChange, onCustomer }: { values: ToolbarValues; onChange: (patch: Partial<Record<keyof ToolbarValues, string>>) => void; onCustomer: (text: string) => void }) {
  const t = useTranslations("board");
  const labels = useOrderLabels();
  const centers = useWorkCenters();
  const list = centers.data?.items ?? [];
  const chosenUnknown = values.workCenterId && !list.some((c) => c.id === values.workCenterId);
  return (
    <div className="space-y-4">
      <div role="group" aria-label={t("toolbar.groupBy")} className="inline-flex rounded-md border border-neutral-300 bg-white p-1">
        {BOARD_GROUPS.map((g) => (
          <button
            key={g}
            type="button"
            aria-pressed={values.groupBy === g}
            onClick={() => onChange({ groupBy: g === "operation" ? "" : g })}
            className={`h-9 rounded px-3 text-sm font-medium ${focusRing} ${values.groupBy === g ? "bg-neutral-900 text-white" : "text-neutral-700 hover:bg-neutral-100"}`}
          >
            {t(`toolbar.by.${g}`)}
          </button>
        ))}
      </div>
      <div role="search" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <SelectField label={t("toolbar.workCenter")} value={values.workCenterId} onChange={(e) => onChange({ workCenterId: e.target.value })}>
          <option value="">{t("toolbar.allCenters")}</option>
          {chosenUnknown && <option value={values.workCenterId}>{t("toolbar.selectedCenter")}</option>}
          {list.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </SelectField>
        <SelectField label={t("toolbar.priority")} value={values.priority} onChange={(e) => onChange({ priority: e.target.value })}>
          <option value="">{t("toolbar.allPriorities")}</option>
          {PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {labels.priority(p)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t("toolbar.materials")} value={values.materialStatus} onChange={(e) => onChange({ materialStatus: e.target.value })}>
          <option value="">{t("toolbar.anyMaterials")}</option>
          {MATERIAL_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`materialStatus.${s}`)}
            </option>
          ))}
        </SelectField>
        <TextField label={t("toolbar.customer")} type="search" placeholder={t("toolbar.customerPlaceholder")} value={values.customer} onChange={(e) => onCustomer(e.target.value)} />
      </div>
    </div>
  );
}
