import { useState, type FormEvent } from "react";
import { errorMessage, sendJson } from "../../api";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { SelectField, TextField } from "../../ui/Field";
import { useWorkCenters } from "../../workcenters/useWorkCenters";
import type { Assignees } from "../assign/useAssignees";
import { fieldErrors } from "../fieldErrors";
import { parseNumber } from "../format";
import { TextAreaField } from "../TextAreaField";
import type { WoItem } from "../types";

const FIELDS = ["title", "description", "assignedToId", "workCenterId", "plannedMin"] as const;
type FieldName = (typeof FIELDS)[number];
const EMPTY: Record<FieldName, string> = { title: "", description: "", assignedToId: "", workCenterId: "", plannedMin: "" };

/** Adds a work order to the end of an open order (POST /api/mos/:id/workorders). */
export function AddWorkOrderForm({ moId, assignees, onAdded, onCancel }: { moId: string; assignees: Assignees; onAdded: (wo: WoItem) => void; onCancel: () => void }) {
  const [values, setValues] = useState(EMPTY);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Partial<Record<FieldName, string>>>({});
  const centers = useWorkCenters({ activeOnly: true });
  const set = (k: FieldName) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [k]: e.target.value }));

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const plannedMin = parseNumber(values.plannedMin);
    if (values.plannedMin.trim() && (plannedMin === null || plannedMin <= 0)) {
      setFields({ plannedMin: "Enter minutes greater than 0, or leave it empty." });
      return;
    }
    setBusy(true);
    setError(null);
    setFields({});
    try {
      const wo = await sendJson<WoItem>(`/api/mos/${encodeURIComponent(moId)}/workorders`, "POST", {
        title: values.title.trim(),
        description: values.description.trim() || null,
        assignedToId: values.assignedToId || null,
        workCenterId: values.workCenterId || null,
        plannedMin,
      });
      setValues(EMPTY);
      onAdded(wo);
    } catch (err) {
      setError(errorMessage(err));
      setFields(fieldErrors(err, FIELDS));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={onSubmit} aria-label="New work order" noValidate className="space-y-4 border-b border-neutral-200 bg-neutral-50 p-4 sm:p-5">
      <h3 className="text-base font-semibold text-neutral-900">New work order</h3>
      {error && (
        <Alert tone="error" title="Could not add the work order">
          {error}
        </Alert>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="sm:col-span-2">
          <TextField label="Title" required maxLength={200} value={values.title} onChange={set("title")} error={fields.title} autoFocus />
        </div>
        <div className="sm:col-span-2">
          <TextAreaField label="Description (optional)" maxLength={4000} value={values.description} onChange={set("description")} error={fields.description} className="min-h-16" />
        </div>
        <SelectField
          label="Assignee"
          value={values.assignedToId}
          onChange={set("assignedToId")}
          error={fields.assignedToId}
          hint={assignees.complete ? undefined : "People who have had work orders recently, and you."}
        >
          <option value="">Unassigned</option>
          {assignees.people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </SelectField>
        <SelectField label="Work center" value={values.workCenterId} onChange={set("workCenterId")} error={fields.workCenterId}>
          <option value="">None</option>
          {(centers.data?.items ?? []).map((w) => (
            <option key={w.id} value={w.id}>
              {w.name}
            </option>
          ))}
        </SelectField>
        <TextField label="Planned minutes (optional)" inputMode="decimal" value={values.plannedMin} onChange={set("plannedMin")} error={fields.plannedMin} />
      </div>
      <div className="flex flex-wrap gap-3">
        <Button type="submit" size="lg" busy={busy}>
          Add work order
        </Button>
        <Button variant="secondary" size="lg" onClick={onCancel} disabled={busy}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
