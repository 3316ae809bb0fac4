import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { errorMessage, sendJson } from "../api";
import { Alert } from "../ui/Alert";
import { Button } from "../ui/Button";
import { TextField } from "../ui/Field";
import { focusRing } from "../ui/styles";
import { formatQty } from "./format";
import { ProductPicker } from "./ProductPicker";
import { fieldErrorsOf, parseQuantity } from "./quantity";
import { ShortageList } from "./ShortageList";
import { shortagesOf, type Shortage } from "./shortages";
import type { MovementResult, ProductOption } from "./types";

export type PostingMode = "receipt" | "adjust";

interface Props {
  mode: PostingMode;
  /** Preselected product (the row the form was opened from). */
  product: ProductOption | null;
  onPosted: (text: string) => void;
  onCancel: () => void;
}

type Field = "productId" | "direction" | "quantity" | "note";

const TITLES: Record<PostingMode, { title: string; intro: string; submit: string }> = {
  receipt: { title: "Receive goods", intro: "Books delivered goods into stock as a receipt.", submit: "Book receipt" },
  adjust: { title: "Adjust stock", intro: "Corrects a balance after a count, damage or a find. The reason is kept in the ledger.", submit: "Save adjustment" },
};

/**
 * The receipt form (POST /api/stock/receipts) and the manual adjustment form (POST /api/stock/manual).
 * An adjustment needs a reason and a direction; taking out more than is on hand is refused by the
 * API with the shortage list, which is shown as it comes.
 */
export function PostingForm({ mode, product: initial, onPosted, onCancel }: Props) {
  const id = useId();
  const [product, setProduct] = useState<ProductOption | null>(initial);
  const [quantity, setQuantity] = useState("");
  // No default direction: adding instead of removing doubles a count error, so the person says which.
  const [direction, setDirection] = useState<"add" | "remove" | null>(null);
  const [reference, setReference] = useState("");
  const [note, setNote] = useState("");
  const [fields, setFields] = useState<Partial<Record<Field, string>>>({});
  const [error, setError] = useState<{ text: string; shortages: Shortage[] | null } | null>(null);
  const [busy, setBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const t = TITLES[mode];

  // Opened from a row further down: bring the form into view and put the focus on it. Opened from
  // the buttons above, the product search takes the focus itself (autoFocus).
  const fromRow = useRef(initial !== null);
  useEffect(() => {
    if (!fromRow.current) return;
    headingRef.current?.scrollIntoView({ block: "nearest" });
    headingRef.current?.focus({ preventScroll: true });
  }, []);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const qty = parseQuantity(quantity);
    const problems: Partial<Record<Field, string>> = {};
    if (!product) problems.productId = "Choose a product.";
    if (mode === "adjust" && !direction) problems.direction = "Choose whether to add to or remove from stock.";
    if ("error" in qty) problems.quantity = qty.error;
    if (mode === "adjust" && !note.trim()) problems.note = "Give the reason for this adjustment (e.g. “count difference”, “damaged”).";
    setFields(problems);
    setError(null);
    if (Object.keys(problems).length || !product || "error" in qty) return;

    setBusy(true);
    try {
      const result =
        mode === "receipt"
          ? await sendJson<MovementResult>("/api/stock/receipts", "POST", {
              productId: product.productId,
              quantity: qty.value,
              ...(reference.trim() ? { reference: reference.trim() } : {}),
              ...(note.trim() ? { note: note.trim() } : {}),
            })
          : await sendJson<MovementResult>("/api/stock/manual", "POST", {
              productId: product.productId,
              change: direction === "add" ? qty.value : -qty.value,
              note: note.trim(),
            });
      const change = result.entry.change;
      const verb = mode === "receipt" ? "Received" : change > 0 ? "Added" : "Removed";
      onPosted(`${verb} ${formatQty(Math.abs(change))} ${product.uom} of ${product.sku} ${product.name}. On hand now: ${formatQty(result.onHand)} ${product.uom}.`);
    } catch (err) {
      const api = fieldErrorsOf(err);
      setFields({ productId: api.productId, quantity: api.quantity ?? api.change, note: api.note });
      const shortages = shortagesOf(err);
      setError({ text: shortages ? "Not enough stock: this would take the balance below zero. Nothing was changed." : errorMessage(err), shortages });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby={`${id}-title`} data-testid={`${mode}-form`} className="rounded-lg border border-neutral-200 bg-white p-5 shadow-sm sm:p-6">
      <h2 id={`${id}-title`} ref={headingRef} tabIndex={-1} className="text-lg font-semibold text-neutral-900 outline-none">
        {t.title}
      </h2>
      <p className="mt-1 text-sm text-neutral-600">{t.intro}</p>
      {error && (
        <Alert tone="error" title={mode === "receipt" ? "The receipt was not booked" : "The adjustment was not saved"} className="mt-4">
          {error.text}
          {error.shortages && <ShortageList shortages={error.shortages} />}
        </Alert>
      )}
      <div className="mt-5 grid gap-4 sm:grid-cols-2">
        <div className="sm:col-span-2">
          <ProductPicker label="Product" value={product} onChange={setProduct} error={fields.productId} autoFocus={!initial} />
        </div>
        {mode === "adjust" && (
          <fieldset className="sm:col-span-2">
            <legend className="mb-1.5 block text-sm font-medium text-neutral-800">Direction</legend>
            <div className="grid grid-cols-2 gap-2 sm:max-w-md">
              <Choice name={`${id}-dir`} checked={direction === "remove"} onChange={() => setDirection("remove")} label="Remove from stock" />
              <Choice name={`${id}-dir`} checked={direction === "add"} onChange={() => setDirection("add")} label="Add to stock" />
            </div>
            {fields.direction && <p className="mt-1.5 text-sm text-red-700">{fields.direction}</p>}
          </fieldset>
        )}
        <TextField
          label={product ? `Quantity (${product.uom})` : "Quantity"}
          inputMode="decimal"
          autoComplete="off"
          value={quantity}
          onChange={(e) => setQuantity(e.target.value)}
          error={fields.quantity}
          hint={mode === "adjust" && product?.onHand !== undefined ? `${formatQty(product.onHand)} ${product.uom} on hand now.` : undefined}
        />
        {mode === "receipt" && (
          <TextField label="Reference (optional)" placeholder="Delivery note or PO number" maxLength={100} value={reference} onChange={(e) => setReference(e.target.value)} />
        )}
        <div className="sm:col-span-2">
          <label htmlFor={`${id}-note`} className="mb-1.5 block text-sm font-medium text-neutral-800">
            {mode === "adjust" ? "Reason" : "Note (optional)"}
          </label>
          <textarea
            id={`${id}-note`}
            rows={2}
            maxLength={500}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            aria-invalid={fields.note ? true : undefined}
            aria-describedby={fields.note ? `${id}-note-error` : undefined}
            aria-required={mode === "adjust" || undefined}
            className="block w-full rounded-md border border-neutral-300 bg-white px-3 py-2 text-base text-neutral-900 shadow-sm focus:border-blue-600 focus:outline-none focus:ring-2 focus:ring-blue-600/30 aria-[invalid=true]:border-red-600"
          />
          {fields.note && (
            <p id={`${id}-note-error`} className="mt-1.5 text-sm text-red-700">
              {fields.note}
            </p>
          )}
        </div>
      </div>
      <div className="mt-6 flex flex-wrap gap-3">
        <Button type="submit" size="lg" busy={busy}>
          {t.submit}
        </Button>
        <Button variant="secondary" size="lg" onClick={onCancel} disabled={busy}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

function Choice({ name, checked, onChange, label }: { name: string; checked: boolean; onChange: () => void; label: string }) {
  return (
    <label
      className={`flex h-12 cursor-pointer items-center justify-center gap-2 rounded-md border-2 px-3 text-base font-medium has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-blue-600 has-[:focus-visible]:ring-offset-2 ${
        checked ? "border-neutral-900 bg-white text-neutral-900" : "border-neutral-300 bg-white text-neutral-700"
      }`}
    >
      <input type="radio" name={name} checked={checked} onChange={onChange} className={`h-5 w-5 accent-neutral-900 ${focusRing}`} />
      {label}
    </label>
  );
}
