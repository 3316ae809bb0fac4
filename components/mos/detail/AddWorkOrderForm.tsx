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
const LABELS = { title: "Title", description: "Description", assignedToId: "Assignee", workCenterId: "Work center", plannedMin: "Planned minutes" };

/** Adds a work order to the end of an open order (POST /api/mos/:id/workorders). */
export function AddWorkOrderForm({ moId, assignees, onAdded, onCancel }: { moId: string; assignees: Assignees; onAdded: (wo: WoItem) => void; onCancel: () => void }) {
  const centers = useWorkCenters({ activeOnly: true });
  const f = useApiForm({
    id: `wo-add:${moId}`,
    schema: createWoInput,
    defaultValues: EMPTY,
    labels: LABELS,
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
    <form onSubmit={f.onSubmit} aria-label="New work order" noValidate className="space-y-4 border-b border-neutral-200 bg-neutral-50 p-4 sm:p-5">
      <h3 className="text-base font-semibold text-neutral-900">New work order</h3>
      <FormError form={f} title="Could not add the work order" />
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="sm:col-span-2">
          <TextField label="Title" required maxLength={200} {...register("title")} error={err("title")} autoFocus />
        </div>
        <div className="sm:col-span-2">
          <TextAreaField label="Description (optional)" maxLength={4000} {...register("description")} error={err("description")} className="min-h-16" />
        </div>
        <SelectField
          label="Assignee"
          {...register("assignedToId")}
          error={err("assignedToId")}
          hint={assignees.complete ? undefined : "People who have had work orders recently, and you."}
        >
          <option value="">Unassigned</option>
          {assignees.people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </SelectField>
        <SelectField label="Work center" {...register("workCenterId")} error={err("workCenterId")}>
          <option value="">None</option>
          {(centers.data?.items ?? []).map((w) => (
            <option key={w.id} value={w.id}>
              {w.name}
            </option>
          ))}
        </SelectField>
        <TextField label="Planned minutes (optional)" inputMode="decimal" {...register("plannedMin")} error={err("plannedMin")} />
      </div>
      <FormActions form={f} submit="Add work order" onCancel={onCancel} />
    </form>
  );
}
