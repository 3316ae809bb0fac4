import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { createWoInput } from "@/lib/manufacturing/schemas";
import { parseNumber } from "../../format";
import { FormError } from "../../forms/FormError";
import { sendWithKey } from "../../forms/send";
import { useApiForm } from "../../forms/useApiForm";
import { SelectField, TextAreaField, TextField } from "../../ui/Field";
import { useWorkCenters } from "../../workcenters/useWorkCenters";
import type { Assignees } from "../assign/useAssignees";
import type { WoItem } from "../types";
import { FormActions } from "../../forms/FormActions";

const EMPTY = { title: "", description: "", assignedToId: "", workCenterId: "", plannedMin: "" };

/** Adds a work order to the end of an open order (POST /api/mos/:id/workorders). */
export function AddWorkOrderForm({ moId, assignees, onAdded, onCancel }: { moId: string; assignees: Assignees; onAdded: (wo: WoItem) => void; onCancel: () => void }) {
  const t = useTranslations("mos");
  const labels = useMemo(
    () => ({ title: t("addWo.fields.title"), description: t("addWo.fields.description"), assignedToId: t("addWo.fields.assignee"), workCenterId: t("addWo.fields.workCenter"), plannedMin: t("addWo.fields.plannedMin") }),
    [t],
  );
  const centers = useWorkCenters({ activeOnly: true });
  const f = useApiForm({
    id: `wo-add:${moId}`,
    schema: createWoInput,
    defaultValues: EMPTY,
    labels,
    numbers: ["plannedMin"],
    toBody: (v) => ({
      title: v.title.trim(),
      description: v.description.trim() || null,
      assignedToId: v.assignedToId || null,
      workCenterId: v.workCenterId || null,
      plannedMin: parseNumber(v.plannedMin),
    }),
    send: (body, key) => sendWithKey<WoItem>(`/api/mos/${encodeURIComponent(moId)}/workorders`, "POST", body, key),
    onSuccess: (wo) => {
      f.discard();
      onAdded(wo);
    },
  });
  const { register, fieldError: err } = f;

  return (
    <form onSubmit={f.onSubmit} aria-label={t("addWo.title")} noValidate className="space-y-4 border-b border-neutral-200 bg-neutral-50 p-4 sm:p-5">
      <h3 className="text-base font-semibold text-neutral-900">{t("addWo.title")}</h3>
      <FormError form={f} title={t("addWo.failed")} />
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="sm:col-span-2">
          <TextField label={t("addWo.fields.title")} required maxLength={200} {...register("title")} error={err("title")} autoFocus />
        </div>
        <div className="sm:col-span-2">
          <TextAreaField label={t("addWo.descriptionOptional")} maxLength={4000} {...register("description")} error={err("description")} className="min-h-16" />
        </div>
        <SelectField
          label={t("addWo.fields.assignee")}
          {...register("assignedToId")}
          error={err("assignedToId")}
          hint={assignees.complete ? undefined : t("addWo.assigneeHint")}
        >
          <option value="">{t("assign.none")}</option>
          {assignees.people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </SelectField>
        <SelectField label={t("addWo.fields.workCenter")} {...register("workCenterId")} error={err("workCenterId")}>
          <option value="">{t("addWo.noWorkCenter")}</option>
          {(centers.data?.items ?? []).map((w) => (
            <option key={w.id} value={w.id}>
              {w.name}
            </option>
          ))}
        </SelectField>
        <TextField label={t("addWo.plannedMinOptional")} inputMode="decimal" {...register("plannedMin")} error={err("plannedMin")} />
      </div>
      <FormActions form={f} submit={t("addWo.submit")} cancel={t("common.cancel")} onCancel={onCancel} />
    </form>
  );
}
