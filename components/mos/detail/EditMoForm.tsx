import { updateMoInput } from "@/lib/manufacturing/schemas";
import { wholeQuantityIssue } from "@/lib/products/units";
import { endOfLocalDayIso, localDayOf, parseNumber } from "../../format";
import { FormError } from "../../forms/FormError";
import { sendWithKey } from "../../forms/send";
import { useApiForm } from "../../forms/useApiForm";
import { SelectField, TextField } from "../../ui/Field";
import { CustomerFields } from "../CustomerFields";
import { MO_FIELD_LABELS, PRIORITY_LABELS } from "../labels";
import { PRIORITIES, type MoDetail, type Priority } from "../types";
import { FormActions } from "../../forms/FormActions";

const FIELDS = ["name", "quantity", "deadline", "priority", "customerName", "customerRef", "promisedDate", "notes"] as const;
type FieldName = (typeof FIELDS)[number];
type Values = Record<FieldName, string>;


function initial(mo: MoDetail): Values {
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
  const planned = mo.state === "PLANNED";
  const f = useApiForm({
    id: `mo-edit:${mo.id}`,
    schema: updateMoInput,
    defaultValues: initial(mo),
    labels: MO_FIELD_LABELS,
    numbers: ["quantity"],
    check: (v) => {
      const q = parseNumber(v.quantity);
      return { quantity: q !== null && v.quantity !== initial(mo).quantity ? (wholeQuantityIssue(q, mo.product) ?? undefined) : undefined };
    },
    toBody: (v) => {
      const before = initial(mo);
      const patch: Record<string, unknown> = {};
      // A disabled field (quantity once work started) may come back undefined: it did not change.
      for (const k of FIELDS) if (v[k] !== undefined && v[k] !== before[k]) patch[k] = apiValue(k, v[k]);
      return Object.keys(patch).length ? patch : null;
    },
    send: (body, key) => sendWithKey<MoDetail>(`/api/mos/${encodeURIComponent(mo.id)}`, "PATCH", body, key),
    onSuccess: onSaved,
    onUnchanged: onCancel,
  });
  const { register, fieldError: err } = f;

  return (
    <form onSubmit={f.onSubmit} aria-label={customerOnly ? "Edit customer details" : "Edit order"} noValidate className="space-y-5 p-4 sm:p-5">
      {customerOnly && <p className="text-sm text-neutral-600">You can change the customer details of this order. Planning fields are set by the planners.</p>}
      <FormError form={f} title="Could not save the changes" />
      {!customerOnly && (
        <div className="grid gap-4 sm:grid-cols-2">
          <div className="sm:col-span-2">
            <TextField label="Order name" required maxLength={200} {...register("name")} error={err("name")} />
          </div>
          <TextField
            label={`Quantity (${mo.product.uom})`}
            inputMode="decimal"
            {...register("quantity")}
            disabled={!planned}
            hint={planned ? "Changing it re-plans the materials and minutes." : "Fixed once work has started."}
            error={err("quantity")}
          />
          <SelectField label="Priority" {...register("priority")} error={err("priority")}>
            {PRIORITIES.map((p: Priority) => (
              <option key={p} value={p}>
                {PRIORITY_LABELS[p]}
              </option>
            ))}
          </SelectField>
          <TextField label="Deadline" type="date" {...register("deadline")} error={err("deadline")} />
        </div>
      )}
      <CustomerFields form={f} />
      <FormActions form={f} submit="Save changes" onCancel={onCancel} />
    </form>
  );
}
