import { useTranslations } from "next-intl";
import { updateMoInput } from "@/lib/manufacturing/schemas";
import { endOfLocalDayIso, localDayOf, parseNumber } from "../../format";
import { FormError } from "../../forms/FormError";
import { sendWithKey } from "../../forms/send";
import { useApiForm } from "../../forms/useApiForm";
import { SelectField, TextField } from "../../ui/Field";
import { CustomerFields } from "../CustomerFields";
import { MoLocationFields } from "../LocationFields";
import { useMoFieldLabels, useOrderLabels } from "../labels";
import { useWholeQuantityIssue } from "../useWholeQuantityIssue";
import { PRIORITIES, type MoDetail, type Priority } from "../types";
import { FormActions } from "../../forms/FormActions";

const FIELDS = ["name", "quantity", "deadline", "priority", "customerName", "customerRef", "promisedDate", "notes", "sourceLocationId", "destLocationId"] as const;
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
    sourceLocationId: mo.sourceLocationId ?? "",
    destLocationId: mo.destLocationId ?? "",
  };
}

/** The value the API gets for a field (null clears it). */
function apiValue(k: FieldName, v: string): string | number | null {
  if (k === "quantity") return parseNumber(v);
  if (k === "deadline" || k === "promisedDate") return v ? endOfLocalDayIso(v) : null;
  if (k === "name" || k === "priority") return v.trim();
  if (k === "sourceLocationId" || k === "destLocationId") return v || null;
  return v.trim() ? v.trim() : null;
}

/**
 * Edits an order. `customerOnly` (SALES: mo:edit-customer-fields without mo:write) shows just the
 * customer fields — the API would refuse anything else. Only changed fields are sent.
 */
export function EditMoForm({ mo, customerOnly, onSaved, onCancel }: { mo: MoDetail; customerOnly: boolean; onSaved: (mo: MoDetail) => void; onCancel: () => void }) {
  const t = useTranslations("mos");
  const labels = useOrderLabels();
  const fieldLabels = useMoFieldLabels();
  const wholeQuantityIssue = useWholeQuantityIssue();
  const planned = mo.state === "PLANNED";
  const f = useApiForm({
    id: `mo-edit:${mo.id}`,
    schema: updateMoInput,
    defaultValues: initial(mo),
    labels: { ...fieldLabels, sourceLocationId: t("locations.source"), destLocationId: t("locations.dest") },
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
    <form onSubmit={f.onSubmit} aria-label={customerOnly ? t("detail.editCustomer") : t("detail.editOrder")} noValidate className="space-y-5 p-4 sm:p-5">
      {customerOnly && <p className="text-sm text-neutral-600">{t("edit.customerOnly")}</p>}
      <FormError form={f} title={t("edit.failed")} />
      {!customerOnly && (
        <div className="grid gap-4 sm:grid-cols-2">
          <div className="sm:col-span-2">
            <TextField label={t("fields.name")} required maxLength={200} {...register("name")} error={err("name")} />
          </div>
          <TextField
            label={t("create.quantityIn", { uom: mo.product.uom })}
            inputMode="decimal"
            {...register("quantity")}
            disabled={!planned}
            hint={planned ? t("edit.quantityHint") : t("edit.quantityFixed")}
            error={err("quantity")}
          />
          <SelectField label={t("fields.priority")} {...register("priority")} error={err("priority")}>
            {PRIORITIES.map((p: Priority) => (
              <option key={p} value={p}>
                {labels.priority(p)}
              </option>
            ))}
          </SelectField>
          <TextField label={t("fields.deadline")} type="date" {...register("deadline")} error={err("deadline")} />
        </div>
      )}
      {/* Locations can change only while the order is PLANNED (the API answers 409 after). */}
      {!customerOnly && planned && <MoLocationFields form={f} />}
      <CustomerFields form={f} />
      <FormActions form={f} submit={t("edit.submit")} cancel={t("common.cancel")} onCancel={onCancel} />
    </form>
  );
}
