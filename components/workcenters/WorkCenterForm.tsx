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

const LABELS = { name: "Name", description: "Description", costPerHour: "Cost per hour", capacity: "Capacity", active: "Active" };

function valuesOf(w: WorkCenter | null): Values {
  return { name: w?.name ?? "", description: w?.description ?? "", costPerHour: w ? String(w.costPerHour) : "0", capacity: w ? String(w.capacity) : "1", active: w?.active ?? true };
}

function bodyOf(v: Values): Record<string, unknown> {
  return { name: v.name.trim(), description: v.description.trim() || null, costPerHour: numberOrNull(v.costPerHour), capacity: numberOrNull(v.capacity), active: v.active };
}

/** Creates a work center (POST) or edits one (PATCH with the changed fields, including active). */
export function WorkCenterForm({ center, onSaved, onCancel }: { center: WorkCenter | null; onSaved: (w: WorkCenter) => void; onCancel: () => void }) {
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
    labels: LABELS,
    numbers: ["costPerHour", "capacity"],
    onSaved,
    onCancel,
  });
  const { register, fieldError: err } = f;

  return (
    <RecordFormShell form={f} title={center ? `Edit ${center.name}` : "New work center"} noun="work center" editing={center !== null} onCancel={onCancel} className="space-y-4 p-4 sm:p-5">
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Name" required maxLength={120} {...register("name")} error={err("name")} autoFocus />
        <div className="grid grid-cols-2 gap-4">
          <TextField label="Cost per hour" inputMode="decimal" {...register("costPerHour")} error={err("costPerHour")} />
          <TextField label="Capacity" inputMode="numeric" {...register("capacity")} error={err("capacity")} hint="Work orders at once" />
        </div>
        <div className="sm:col-span-2">
          <TextAreaField label="Description (optional)" maxLength={2000} {...register("description")} error={err("description")} className="min-h-16" />
        </div>
        {center && (
          <label className="flex min-h-12 cursor-pointer items-center gap-3 rounded-md border border-neutral-300 px-3 text-sm sm:col-span-2">
            <input type="checkbox" className={`h-5 w-5 ${focusRing}`} {...register("active")} />
            <span>
              <span className="font-medium text-neutral-900">Active</span>
              <span className="block text-neutral-600">Inactive centers keep their history but take no new operations or work orders.</span>
            </span>
          </label>
        )}
      </div>
    </RecordFormShell>
  );
}
