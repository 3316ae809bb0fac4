import { useId, useState, type FormEvent } from "react";
import { errorMessage, sendJson } from "../api";
import { fieldErrors } from "../mos/fieldErrors";
import { parseNumber } from "../mos/format";
import { TextAreaField } from "../mos/TextAreaField";
import { Alert } from "../ui/Alert";
import { Button } from "../ui/Button";
import { TextField } from "../ui/Field";
import { focusRing } from "../ui/styles";
import type { Product } from "./types";

const FIELDS = ["sku", "name", "description", "isFinished", "uom", "unitCost", "reorderPoint"] as const;
type FieldName = (typeof FIELDS)[number];

interface Values {
  sku: string;
  name: string;
  description: string;
  isFinished: boolean;
  uom: string;
  unitCost: string;
  reorderPoint: string;
}

function valuesOf(p: Product | null): Values {
  return {
    sku: p?.sku ?? "",
    name: p?.name ?? "",
    description: p?.description ?? "",
    isFinished: p?.isFinished ?? false,
    uom: p?.uom ?? "pcs",
    unitCost: p?.unitCost === null || p?.unitCost === undefined ? "" : String(p.unitCost),
    reorderPoint: p?.reorderPoint === null || p?.reorderPoint === undefined ? "" : String(p.reorderPoint),
  };
}

/** Creates a product (POST) or edits one (PATCH, only the changed fields). */
export function ProductForm({ product, onSaved, onCancel }: { product: Product | null; onSaved: (p: Product) => void; onCancel: () => void }) {
  const [values, setValues] = useState(() => valuesOf(product));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Partial<Record<FieldName, string>>>({});
  const kindName = useId();
  const set = (k: Exclude<keyof Values, "isFinished">) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [k]: e.target.value }));
  const title = product ? `Edit ${product.sku}` : "New product";

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const local: Partial<Record<FieldName, string>> = {};
    const unitCost = parseNumber(values.unitCost);
    const reorderPoint = parseNumber(values.reorderPoint);
    if (values.unitCost.trim() && (unitCost === null || unitCost < 0)) local.unitCost = "Enter 0 or more, or leave it empty.";
    if (values.reorderPoint.trim() && (reorderPoint === null || reorderPoint < 0)) local.reorderPoint = "Enter 0 or more, or leave it empty.";
    if (Object.keys(local).length) return setFields(local);

    const body: Record<string, unknown> = {
      sku: values.sku.trim(),
      name: values.name.trim(),
      description: values.description.trim() || null,
      isFinished: values.isFinished,
      uom: values.uom.trim(),
      unitCost,
      reorderPoint,
    };
    if (product) {
      const before = valuesOf(product);
      for (const k of FIELDS) if (values[k] === before[k]) delete body[k];
      if (Object.keys(body).length === 0) return onCancel();
    } else if (body.description === null) {
      delete body.description;
    }
    setBusy(true);
    setError(null);
    setFields({});
    try {
      const saved = product
        ? await sendJson<Product>(`/api/products/${encodeURIComponent(product.id)}`, "PATCH", body)
        : await sendJson<Product>("/api/products", "POST", body);
      onSaved(saved);
    } catch (err) {
      setError(errorMessage(err));
      setFields(fieldErrors(err, FIELDS));
      setBusy(false);
    }
  }

  const radio = (checked: boolean, label: string, hint: string, value: boolean) => (
    <label className={`flex min-h-12 flex-1 cursor-pointer items-start gap-3 rounded-md border px-3 py-2.5 ${checked ? "border-blue-600 bg-blue-50" : "border-neutral-300 bg-white"} has-focus-visible:ring-2 has-focus-visible:ring-blue-600`}>
      <input type="radio" name={kindName} className={`mt-1 h-4 w-4 ${focusRing}`} checked={checked} onChange={() => setValues((v) => ({ ...v, isFinished: value }))} />
      <span>
        <span className="block text-sm font-medium text-neutral-900">{label}</span>
        <span className="block text-xs text-neutral-600">{hint}</span>
      </span>
    </label>
  );

  return (
    <form onSubmit={onSubmit} aria-label={title} noValidate className="space-y-5 p-4 sm:p-5">
      {error && (
        <Alert tone="error" title={product ? "Could not save the product" : "Could not create the product"}>
          {error}
        </Alert>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="SKU" required maxLength={64} autoCapitalize="characters" spellCheck={false} value={values.sku} onChange={set("sku")} error={fields.sku} autoFocus={!product} />
        <TextField label="Name" required maxLength={200} value={values.name} onChange={set("name")} error={fields.name} />
        <fieldset className="sm:col-span-2">
          <legend className="mb-1.5 text-sm font-medium text-neutral-800">Kind</legend>
          <div className="flex flex-col gap-3 sm:flex-row">
            {radio(values.isFinished, "Finished product", "Made and sold; orders are planned for it.", true)}
            {radio(!values.isFinished, "Material or part", "Bought or made as a component of something else.", false)}
          </div>
        </fieldset>
        <TextField label="Unit of measure" required maxLength={20} value={values.uom} onChange={set("uom")} error={fields.uom} hint="e.g. pcs, kg, m" />
        <TextField label="Unit cost (optional)" inputMode="decimal" value={values.unitCost} onChange={set("unitCost")} error={fields.unitCost} />
        <TextField
          label="Reorder point (optional)"
          inputMode="decimal"
          value={values.reorderPoint}
          onChange={set("reorderPoint")}
          error={fields.reorderPoint}
          hint="Inventory is told when stock falls to this level."
        />
        <div className="sm:col-span-2">
          <TextAreaField label="Description (optional)" maxLength={2000} value={values.description} onChange={set("description")} error={fields.description} className="min-h-16" />
        </div>
      </div>
      <div className="flex flex-wrap gap-3">
        <Button type="submit" size="lg" busy={busy}>
          {product ? "Save product" : "Create product"}
        </Button>
        <Button variant="secondary" size="lg" onClick={onCancel} disabled={busy}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
