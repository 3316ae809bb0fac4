import { useState, type FormEvent } from "react";
import { errorMessage, sendJson } from "../../api";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { SelectField, TextField } from "../../ui/Field";
import { fieldErrors } from "../fieldErrors";
import { endOfLocalDayIso, localDayOf, parseNumber, PRIORITY_LABELS } from "../format";
import { TextAreaField } from "../TextAreaField";
import { PRIORITIES, type MoDetail, type Priority } from "../types";

const FIELDS = ["name", "quantity", "deadline", "priority", "customerName", "customerRef", "promisedDate", "notes"] as const;
type FieldName = (typeof FIELDS)[number];

function initial(mo: MoDetail): Record<FieldName, string> {
  return {
    name: mo.name,
    quantity: String(mo.quantity),
    deadline: localDayOf(mo.deadline),
    priority: mo.priority,
    customerName: mo.customerName ?? "",
    customerRef: mo.customerRef ?? "",
    promisedDate: localDayOf(mo.promisedDate),
    notes: mo.notes ?? "",
  };
}

/** The value the API gets for a field (null clears it). */
function apiValue(k: FieldName, v: string): string | number | null {
  if (k === "quantity") return parseNumber(v);
  if (k === "deadline" || k === "promisedDate") return v ? endOfLocalDayIso(v) : null;
  if (k === "name" || k === "priority") return v.trim();
  return v.trim() ? v.trim() : null;
}

/**
 * Edits an order. `customerOnly` (SALES: mo:edit-customer-fields without mo:write) shows just the
 * customer fields — the API would refuse anything else. Only changed fields are sent.
 */
export function EditMoForm({ mo, customerOnly, onSaved, onCancel }: { mo: MoDetail; customerOnly: boolean; onSaved: (mo: MoDetail) => void; onCancel: () => void }) {
  const [values, setValues] = useState(() => initial(mo));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Partial<Record<FieldName, string>>>({});
  const set = (k: FieldName) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [k]: e.target.value }));
  const planned = mo.state === "PLANNED";

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const before = initial(mo);
    const patch: Record<string, unknown> = {};
    for (const k of FIELDS) if (values[k] !== before[k]) patch[k] = apiValue(k, values[k]);
    if (Object.keys(patch).length === 0) return onCancel();
    if ("quantity" in patch && (patch.quantity === null || (patch.quantity as number) <= 0)) {
      setFields({ quantity: "Enter a quantity greater than 0." });
      return;
    }
    setBusy(true);
    setError(null);
    setFields({});
    try {
      onSaved(await sendJson<MoDetail>(`/api/mos/${encodeURIComponent(mo.id)}`, "PATCH", patch));
    } catch (err) {
      setError(errorMessage(err));
      setFields(fieldErrors(err, FIELDS));
      setBusy(false);
    }
  }

  return (
    <form onSubmit={onSubmit} aria-label={customerOnly ? "Edit customer details" : "Edit order"} noValidate className="space-y-5 p-4 sm:p-5">
      {customerOnly && <p className="text-sm text-neutral-600">You can change the customer details of this order. Planning fields are set by the planners.</p>}
      {error && (
        <Alert tone="error" title="Could not save the changes">
          {error}
        </Alert>
      )}
      {!customerOnly && (
        <div className="grid gap-4 sm:grid-cols-2">
          <div className="sm:col-span-2">
            <TextField label="Order name" required maxLength={200} value={values.name} onChange={set("name")} error={fields.name} />
          </div>
          <TextField
            label={`Quantity (${mo.product.uom})`}
            inputMode="decimal"
            value={values.quantity}
            onChange={set("quantity")}
            disabled={!planned}
            hint={planned ? "Changing it re-plans the materials and minutes." : "Fixed once work has started."}
            error={fields.quantity}
          />
          <SelectField label="Priority" value={values.priority} onChange={set("priority")} error={fields.priority}>
            {PRIORITIES.map((p: Priority) => (
              <option key={p} value={p}>
                {PRIORITY_LABELS[p]}
              </option>
            ))}
          </SelectField>
          <TextField label="Deadline" type="date" value={values.deadline} onChange={set("deadline")} error={fields.deadline} />
        </div>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Customer name" maxLength={200} value={values.customerName} onChange={set("customerName")} error={fields.customerName} />
        <TextField label="Customer reference" maxLength={200} value={values.customerRef} onChange={set("customerRef")} error={fields.customerRef} />
        <TextField label="Promised date" type="date" value={values.promisedDate} onChange={set("promisedDate")} error={fields.promisedDate} />
        <div className="sm:col-span-2">
          <TextAreaField label="Notes" maxLength={4000} value={values.notes} onChange={set("notes")} error={fields.notes} />
        </div>
      </div>
      <div className="flex flex-wrap gap-3">
        <Button type="submit" size="lg" busy={busy}>
          Save changes
        </Button>
        <Button variant="secondary" size="lg" onClick={onCancel} disabled={busy}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
