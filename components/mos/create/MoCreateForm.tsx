import Link from "next/link";
import { useRouter } from "next/router";
import { useState, type FormEvent } from "react";
import { errorMessage, sendJson } from "../../api";
import { ProductPicker } from "../../products/ProductPicker";
import type { Product } from "../../products/types";
import { useDebounced } from "../../useDebounced";
import { Alert } from "../../ui/Alert";
import { Button, buttonClass } from "../../ui/Button";
import { SelectField, TextField } from "../../ui/Field";
import { Pill } from "../badges";
import { fieldErrors } from "../fieldErrors";
import { endOfLocalDayIso, parseNumber, PRIORITY_LABELS } from "../format";
import { PageHeader, Section } from "../PageHeader";
import { TextAreaField } from "../TextAreaField";
import { PRIORITIES, type MoDetail, type Priority } from "../types";
import { RequirementsPreview } from "./RequirementsPreview";

const FIELDS = ["name", "productId", "quantity", "deadline", "priority", "customerName", "customerRef", "promisedDate", "notes"] as const;
type FieldName = (typeof FIELDS)[number];

interface Values {
  name: string;
  quantity: string;
  deadline: string;
  priority: Priority;
  customerName: string;
  customerRef: string;
  promisedDate: string;
  notes: string;
}

const EMPTY: Values = { name: "", quantity: "1", deadline: "", priority: "NORMAL", customerName: "", customerRef: "", promisedDate: "", notes: "" };

const orNull = (s: string) => (s.trim() ? s.trim() : null);

/** The "new manufacturing order" screen: product, quantity, dates, customer; requirements before saving. */
export function MoCreateForm() {
  const router = useRouter();
  const [product, setProduct] = useState<Product | null>(null);
  const [values, setValues] = useState<Values>(EMPTY);
  // The name follows product and quantity until the planner types their own.
  const [nameTouched, setNameTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Partial<Record<FieldName, string>>>({});

  const quantity = parseNumber(values.quantity);
  const previewQty = useDebounced(quantity, 300);
  const suggestedName = product ? `${quantity && quantity > 0 ? `${quantity} × ` : ""}${product.name}` : "";
  const name = nameTouched ? values.name : suggestedName;

  const set = (k: keyof Values) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [k]: e.target.value }));

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setError(null);
    setFields({});
    if (!product) {
      setFields({ productId: "Choose the product to make." });
      return;
    }
    if (quantity === null || quantity <= 0) {
      setFields({ quantity: "Enter a quantity greater than 0." });
      return;
    }
    setBusy(true);
    try {
      const mo = await sendJson<MoDetail>("/api/mos", "POST", {
        name: name.trim(),
        productId: product.id,
        quantity,
        priority: values.priority,
        deadline: values.deadline ? endOfLocalDayIso(values.deadline) : null,
        customerName: orNull(values.customerName),
        customerRef: orNull(values.customerRef),
        promisedDate: values.promisedDate ? endOfLocalDayIso(values.promisedDate) : null,
        notes: orNull(values.notes),
      });
      await router.push(`/mos/${mo.id}`);
    } catch (err) {
      setError(errorMessage(err));
      setFields(fieldErrors(err, FIELDS));
      setBusy(false);
    }
  }

  return (
    <div className="space-y-6">
      <PageHeader
        eyebrow={
          <Link href="/mos" className="hover:underline">
            ← Manufacturing orders
          </Link>
        }
        title="New manufacturing order"
        description="Choose what to make and how many; check the materials before you save."
      />
      <form onSubmit={onSubmit} aria-label="New manufacturing order" noValidate className="grid items-start gap-6 lg:grid-cols-2">
        {/* On a tablet the requirements follow the product directly; on a desk they sit beside the form. */}
        <div className="lg:col-start-1 lg:row-start-1">
          <Section title="Product and quantity">
            <div className="space-y-4 p-4 sm:p-5">
              {product ? (
                <div className="flex flex-wrap items-center justify-between gap-3 rounded-md border border-blue-200 bg-blue-50 px-4 py-3" data-testid="chosen-product">
                  <div>
                    <p className="text-sm text-neutral-600">Product</p>
                    <p className="text-base">
                      <span className="font-semibold text-neutral-900">{product.sku}</span> <span className="text-neutral-800">{product.name}</span>{" "}
                      <Pill tone={product.isFinished ? "blue" : "neutral"}>{product.isFinished ? "Finished" : "Material"}</Pill>
                    </p>
                  </div>
                  <Button variant="secondary" onClick={() => setProduct(null)}>
                    Change product
                  </Button>
                </div>
              ) : (
                <div>
                  <ProductPicker label="Product to make" first="finished" onPick={(p) => setProduct(p)} autoFocus />
                  {fields.productId && <p className="mt-1.5 text-sm text-red-700">{fields.productId}</p>}
                </div>
              )}
              <div className="grid gap-4 sm:grid-cols-2">
                <TextField
                  label={`Quantity${product ? ` (${product.uom})` : ""}`}
                  name="quantity"
                  inputMode="decimal"
                  required
                  value={values.quantity}
                  onChange={set("quantity")}
                  error={fields.quantity}
                />
                <SelectField label="Priority" name="priority" value={values.priority} onChange={set("priority")} error={fields.priority}>
                  {PRIORITIES.map((p) => (
                    <option key={p} value={p}>
                      {PRIORITY_LABELS[p]}
                    </option>
                  ))}
                </SelectField>
                <div className="sm:col-span-2">
                  <TextField
                    label="Order name"
                    name="name"
                    required
                    maxLength={200}
                    value={name}
                    onChange={(e) => {
                      setNameTouched(true);
                      setValues((v) => ({ ...v, name: e.target.value }));
                    }}
                    hint={nameTouched ? undefined : "Suggested from the product; change it if you like."}
                    error={fields.name}
                  />
                </div>
                <TextField label="Deadline" name="deadline" type="date" value={values.deadline} onChange={set("deadline")} error={fields.deadline} hint="Late after the end of this day." />
              </div>
            </div>
          </Section>
        </div>
        <div className="lg:col-start-2 lg:row-span-3 lg:row-start-1">
          <Section title="Material requirements" testId="requirements-section">
            {product ? (
              <RequirementsPreview product={product} quantity={previewQty} />
            ) : (
              <p className="px-4 py-4 text-sm text-neutral-600 sm:px-5">Choose a product to see the materials it needs and what is short.</p>
            )}
          </Section>
        </div>
        <div className="lg:col-start-1 lg:row-start-2">
          <Section title="Customer">
            <div className="grid gap-4 p-4 sm:grid-cols-2 sm:p-5">
              <TextField label="Customer name" name="customerName" maxLength={200} value={values.customerName} onChange={set("customerName")} error={fields.customerName} />
              <TextField label="Customer reference" name="customerRef" maxLength={200} value={values.customerRef} onChange={set("customerRef")} error={fields.customerRef} />
              <TextField label="Promised date" name="promisedDate" type="date" value={values.promisedDate} onChange={set("promisedDate")} error={fields.promisedDate} />
              <div className="sm:col-span-2">
                <TextAreaField label="Notes" name="notes" maxLength={4000} value={values.notes} onChange={set("notes")} error={fields.notes} />
              </div>
            </div>
          </Section>
        </div>
        <div className="space-y-4 lg:col-start-1 lg:row-start-3">
          {error && (
            <Alert tone="error" title="Could not create the order">
              {error}
            </Alert>
          )}
          <div className="flex flex-wrap gap-3">
            <Button type="submit" size="lg" busy={busy}>
              Create order
            </Button>
            <Link href="/mos" className={buttonClass("secondary", "lg")}>
              Cancel
            </Link>
          </div>
        </div>
      </form>
    </div>
  );
}
