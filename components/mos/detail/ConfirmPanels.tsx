import { useState, type FormEvent } from "react";
import { sendJson } from "../../api";
import { Button } from "../../ui/Button";
import { TextField } from "../../ui/Field";
import { formatQty, parseNumber } from "../format";
import { ActionError } from "../ShortageList";
import { TextAreaField } from "../TextAreaField";
import type { MoDetail } from "../types";

interface Props {
  mo: MoDetail;
  onDone: (mo: MoDetail, message: string) => void;
  onBack: () => void;
}

const panel = "space-y-4 rounded-lg border-2 p-4 sm:p-5";

/** The confirmation step of "Complete": how much was produced, and what that posts to stock. */
export function CompletePanel({ mo, onDone, onBack }: Props) {
  const [produced, setProduced] = useState(String(mo.quantity));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const qty = parseNumber(produced);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (qty === null || qty < 0) {
      setFieldError("Enter the quantity produced (0 or more).");
      return;
    }
    setBusy(true);
    setError(null);
    setFieldError(undefined);
    try {
      const done = await sendJson<MoDetail>(`/api/mos/${encodeURIComponent(mo.id)}/complete`, "POST", { producedQty: qty });
      onDone(done, `${mo.orderNo} is done: ${formatQty(qty, mo.product.uom)} of ${mo.product.sku} added to stock.`);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  }

  const open = mo.workOrders.filter((w) => w.status !== "COMPLETED").length;
  return (
    <form onSubmit={onSubmit} aria-label={`Complete ${mo.orderNo}`} noValidate className={`${panel} border-neutral-900 bg-white`} data-testid="complete-panel">
      <div>
        <h2 className="text-lg font-semibold text-neutral-900">Complete {mo.orderNo}?</h2>
        <p className="mt-1 text-sm text-neutral-700">
          This consumes the materials for the quantity produced and adds it to stock, in one step. It cannot be undone.
          {open > 0 && ` ${open} work order${open === 1 ? " is" : "s are"} not completed yet; a running one must be paused or completed first.`}
        </p>
      </div>
      <div className="max-w-xs">
        <TextField label={`Quantity produced (${mo.product.uom})`} inputMode="decimal" value={produced} onChange={(e) => setProduced(e.target.value)} error={fieldError} autoFocus />
      </div>
      {error !== null && <ActionError title="The order was not completed" error={error} />}
      <div className="flex flex-wrap gap-3">
        <Button type="submit" size="lg" busy={busy}>
          Complete order
        </Button>
        <Button variant="secondary" size="lg" onClick={onBack} disabled={busy}>
          Back
        </Button>
      </div>
    </form>
  );
}

/** The confirmation step of "Cancel", with an optional reason for the audit trail. */
export function CancelPanel({ mo, onDone, onBack }: Props) {
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const canceled = await sendJson<MoDetail>(`/api/mos/${encodeURIComponent(mo.id)}/cancel`, "POST", reason.trim() ? { reason: reason.trim() } : {});
      onDone(canceled, `${mo.orderNo} was canceled.`);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  }

  const running = mo.workOrders.filter((w) => w.status === "STARTED").length;
  return (
    <form onSubmit={onSubmit} aria-label={`Cancel ${mo.orderNo}`} noValidate className={`${panel} border-red-300 bg-red-50/50`} data-testid="cancel-panel">
      <div>
        <h2 className="text-lg font-semibold text-neutral-900">Cancel {mo.orderNo}?</h2>
        <p className="mt-1 text-sm text-neutral-700">
          A canceled order is final: nothing more is made or consumed for it.
          {running > 0 && ` ${running} running work order${running === 1 ? " is" : "s are"} paused.`}
        </p>
      </div>
      <TextAreaField label="Reason (optional)" maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} className="min-h-16" />
      {error !== null && <ActionError title="The order was not canceled" error={error} />}
      <div className="flex flex-wrap gap-3">
        <Button type="submit" variant="danger" size="lg" busy={busy}>
          Cancel order
        </Button>
        <Button variant="secondary" size="lg" onClick={onBack} disabled={busy}>
          Keep the order
        </Button>
      </div>
    </form>
  );
}
