import { useState, type FormEvent } from "react";
import { errorMessage, sendJson } from "../api";
import { fieldErrors } from "../mos/fieldErrors";
import { parseNumber } from "../mos/format";
import { TextAreaField } from "../mos/TextAreaField";
import type { WorkCenter } from "../products/types";
import { Alert } from "../ui/Alert";
import { Button } from "../ui/Button";
import { TextField } from "../ui/Field";
import { focusRing } from "../ui/styles";

const FIELDS = ["name", "description", "costPerHour", "capacity", "active"] as const;
type FieldName = (typeof FIELDS)[number];

/** Creates a work center (POST) or edits one (PATCH with the changed fields, including active). */
export function WorkCenterForm({ center, onSaved, onCancel }: { center: WorkCenter | null; onSaved: (w: WorkCenter) => void; onCancel: () => void }) {
  const [name, setName] = useState(center?.name ?? "");
  const [description, setDescription] = useState(center?.description ?? "");
  const [cost, setCost] = useState(center ? String(center.costPerHour) : "0");
  const [capacity, setCapacity] = useState(center ? String(center.capacity) : "1");
  const [active, setActive] = useState(center?.active ?? true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Partial<Record<FieldName, string>>>({});
  const title = center ? `Edit ${center.name}` : "New work center";

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const costPerHour = parseNumber(cost);
    const cap = parseNumber(capacity);
    const local: Partial<Record<FieldName, string>> = {};
    if (costPerHour === null || costPerHour < 0) local.costPerHour = "Enter a cost of 0 or more.";
    if (cap === null || cap < 0 || !Number.isInteger(cap)) local.capacity = "Enter a whole number of 0 or more.";
    if (Object.keys(local).length) return setFields(local);

    const body: Record<string, unknown> = { name: name.trim(), description: description.trim() || null, costPerHour, capacity: cap };
    if (center) {
      body.active = active;
      if (body.name === center.name) delete body.name;
      if (body.description === center.description) delete body.description;
      if (costPerHour === center.costPerHour) delete body.costPerHour;
      if (cap === center.capacity) delete body.capacity;
      if (active === center.active) delete body.active;
      if (Object.keys(body).length === 0) return onCancel();
    } else if (body.description === null) {
      delete body.description;
    }
    setBusy(true);
    setError(null);
    setFields({});
    try {
      const saved = center
        ? await sendJson<WorkCenter>(`/api/workcenters/${encodeURIComponent(center.id)}`, "PATCH", body)
        : await sendJson<WorkCenter>("/api/workcenters", "POST", body);
      onSaved(saved);
    } catch (err) {
      setError(errorMessage(err));
      setFields(fieldErrors(err, FIELDS));
      setBusy(false);
    }
  }

  return (
    <form onSubmit={onSubmit} aria-label={title} noValidate className="space-y-4 p-4 sm:p-5">
      {error && (
        <Alert tone="error" title={center ? "Could not save the work center" : "Could not create the work center"}>
          {error}
        </Alert>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Name" required maxLength={120} value={name} onChange={(e) => setName(e.target.value)} error={fields.name} autoFocus />
        <div className="grid grid-cols-2 gap-4">
          <TextField label="Cost per hour" inputMode="decimal" value={cost} onChange={(e) => setCost(e.target.value)} error={fields.costPerHour} />
          <TextField label="Capacity" inputMode="numeric" value={capacity} onChange={(e) => setCapacity(e.target.value)} error={fields.capacity} hint="Work orders at once" />
        </div>
        <div className="sm:col-span-2">
          <TextAreaField label="Description (optional)" maxLength={2000} value={description} onChange={(e) => setDescription(e.target.value)} error={fields.description} className="min-h-16" />
        </div>
        {center && (
          <label className="flex min-h-12 cursor-pointer items-center gap-3 rounded-md border border-neutral-300 px-3 text-sm sm:col-span-2">
            <input type="checkbox" className={`h-5 w-5 ${focusRing}`} checked={active} onChange={(e) => setActive(e.target.checked)} />
            <span>
              <span className="font-medium text-neutral-900">Active</span>
              <span className="block text-neutral-600">Inactive centers keep their history but take no new operations or work orders.</span>
            </span>
          </label>
        )}
      </div>
      <div className="flex flex-wrap gap-3">
        <Button type="submit" size="lg" busy={busy}>
          {center ? "Save work center" : "Create work center"}
        </Button>
        <Button variant="secondary" size="lg" onClick={onCancel} disabled={busy}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
