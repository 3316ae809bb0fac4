import { useTranslations } from "next-intl";
import { createWorkCenterInput, updateWorkCenterInput } from "@/lib/workcenters/schemas";
import { numberOrNull, RecordFormShell, useRecordForm } from "../forms/RecordForm";
import type { WorkCenter } from "../products/types";
import { TextAreaField, TextField } from "../ui/Field";
import { focusRing } from "../ui/styles";

interface Values {
  name: string;
  description: string;
  costPerHour: string;
  capacity: string;
  active: boolean;
}

function valuesOf(w: WorkCenter | null): Values {
  return { name: w?.name ?? "", description: w?.description ?? "", costPerHour: w ? String(w.costPerHour) : "0", capacity: w ? String(w.capacity) : "1", active: w?.active ?? true };
}

function bodyOf(v: Values): Record<string, unknown> {
  return { name: v.name.trim(), description: v.description.trim() || null, costPerHour: numberOrNull(v.costPerHour), capacity: numberOrNull(v.capacity), active: v.active };
}

/** Creates a work center (POST) or edits one (PATCH with the changed fields, including active). */
export function WorkCenterForm({ center, onSaved, onCancel }: { center: WorkCenter | null; onSaved: (w: WorkCenter) => void; onCancel: () => void }) {
  const t = useTranslations("workcenters");
  // The fields' names in the person's language: the form layer puts them in front of validation messages.
  const labels = { name: t("form.name"), description: t("form.description"), costPerHour: t("form.costPerHour"), capacity: t("form.capacity"), active: t("form.active") };
  const f = useRecordForm({
    kind: "workcenter",
    record: center,
    url: "/api/workcenters",
    createSchema: createWorkCenterInput,
    updateSchema: updateWorkCenterInput,
    valuesOf,
    // A new center is active: the create body has no `active`.
    bodyOf: (v) => {
      const body = bodyOf(v);
      if (!center) delete body.active;
      return body;
    },
    labels,
    numbers: ["costPerHour", "capacity"],
    onSaved,
    onCancel,
  });
  const { register, fieldError: err } = f;

  return (
    <RecordFormShell form={f} title={center ? t("form.editTitle", { name: center.name }) : t("form.newTitle")} noun={t("form.noun")} editing={center !== null} onCancel={onCancel} className="space-y-4 p-4 sm:p-5">
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label={t("form.name")} required maxLength={120} {...register("name")} error={err("name")} autoFocus />
        <div className="grid grid-cols-2 gap-4">
          <TextField label={t("form.costPerHour")} inputMode="decimal" {...register("costPerHour")} error={err("costPerHour")} />
          <TextField label={t("form.capacity")} inputMode="numeric" {...register("capacity")} error={err("capacity")} hint={t("form.capacityHint")} />
        </div>
        <div className="sm:col-span-2">
          <TextAreaField label={t("form.descriptionOptional")} maxLength={2000} {...register("description")} error={err("description")} className="min-h-16" />
        </div>
        {center && (
          <label className="flex min-h-12 cursor-pointer items-center gap-3 rounded-md border border-neutral-300 px-3 text-sm sm:col-span-2">
            <input type="checkbox" className={`h-5 w-5 ${focusRing}`} {...register("active")} />
            <span>
              <span className="font-medium text-neutral-900">{t("form.active")}</span>
              <span className="block text-neutral-600">{t("form.activeHint")}</span>
            </span>
          </label>
        )}
      </div>
    </RecordFormShell>
  );
}
