import { wholeQuantityIssue } from "@/lib/products/units";
import { cancelMoInput, completeMoInput } from "@/lib/manufacturing/schemas";
import { formatQty, parseNumber } from "../../format";
import { FormError } from "../../forms/FormError";
import { sendWithKey } from "../../forms/send";
import { useApiForm } from "../../forms/useApiForm";
import { TextAreaField, TextField } from "../../ui/Field";
import { ShortageList } from "../../stock/ShortageList";
import { shortagesOf } from "../../stock/shortages";
import type { MoDetail } from "../types";
import { FormActions } from "../../forms/FormActions";

interface Props {
  mo: MoDetail;
  onDone: (mo: MoDetail, message: string) => void;
  onBack: () => void;
}

const panel = "space-y-4 rounded-lg border-2 p-4 sm:p-5";

/** The confirmation step of "Complete": how much was produced, and what that posts to stock. */
export function CompletePanel({ mo, onDone, onBack }: Props) {
  const url = `/api/mos/${encodeURIComponent(mo.id)}/complete`;
  const f = useApiForm({
    id: `mo-complete:${mo.id}`,
    schema: completeMoInput,
    defaultValues: { producedQty: String(mo.quantity) },
    labels: { producedQty: "Quantity produced" },
    numbers: ["producedQty"],
    check: (v) => {
      const n = parseNumber(v.producedQty);
      return { producedQty: n === null ? "Enter the quantity produced (0 or more)" : (wholeQuantityIssue(n, mo.product) ?? undefined) };
    },
    toBody: (v) => ({ producedQty: parseNumber(v.producedQty) }),
    send: (body, key) => sendWithKey<MoDetail>(url, "POST", body, key),
    onSuccess: (done, v) => onDone(done, `${mo.orderNo} is done: ${formatQty(parseNumber(v.producedQty), mo.product.uom)} of ${mo.product.sku} added to stock.`),
  });

  const open = mo.workOrders.filter((w) => w.status !== "COMPLETED").length;
  return (
    <form onSubmit={f.onSubmit} aria-label={`Complete ${mo.orderNo}`} noValidate className={`${panel} border-neutral-900 bg-white`} data-testid="complete-panel">
      <div>
        <h2 className="text-lg font-semibold text-neutral-900">Complete {mo.orderNo}?</h2>
        <p className="mt-1 text-sm text-neutral-700">
          This consumes the materials for the quantity produced and adds it to stock, in one step. It cannot be undone.
          {open > 0 && ` ${open} work order${open === 1 ? " is" : "s are"} not completed yet; a running one must be paused or completed first.`}
        </p>
      </div>
      <div className="max-w-xs">
        <TextField label={`Quantity produced (${mo.product.uom})`} inputMode="decimal" {...f.register("producedQty")} error={f.fieldError("producedQty")} autoFocus />
      </div>
      <FormError form={f} title="The order was not completed" onlyOther>
        <ShortageList shortages={shortagesOf(f.failure) ?? []} />
      </FormError>
      <FormActions form={f} submit="Complete order" cancel="Back" onCancel={onBack} />
    </form>
  );
}

/** The confirmation step of "Cancel", with an optional reason for the audit trail. */
export function CancelPanel({ mo, onDone, onBack }: Props) {
  const url = `/api/mos/${encodeURIComponent(mo.id)}/cancel`;
  const f = useApiForm({
    id: `mo-cancel:${mo.id}`,
    schema: cancelMoInput,
    defaultValues: { reason: "" },
    labels: { reason: "Reason" },
    toBody: (v) => (v.reason.trim() ? { reason: v.reason.trim() } : {}),
    send: (body, key) => sendWithKey<MoDetail>(url, "POST", body, key),
    onSuccess: (canceled) => onDone(canceled, `${mo.orderNo} was canceled.`),
  });

  const running = mo.workOrders.filter((w) => w.status === "STARTED").length;
  return (
    <form onSubmit={f.onSubmit} aria-label={`Cancel ${mo.orderNo}`} noValidate className={`${panel} border-red-300 bg-red-50/50`} data-testid="cancel-panel">
      <div>
        <h2 className="text-lg font-semibold text-neutral-900">Cancel {mo.orderNo}?</h2>
        <p className="mt-1 text-sm text-neutral-700">
          A canceled order is final: nothing more is made or consumed for it.
          {running > 0 && ` ${running} running work order${running === 1 ? " is" : "s are"} paused.`}
        </p>
      </div>
      <TextAreaField label="Reason (optional)" maxLength={500} {...f.register("reason")} error={f.fieldError("reason")} className="min-h-16" />
      <FormError form={f} title="The order was not canceled" onlyOther />
      <FormActions form={f} submit="Cancel order" cancel="Keep the order" onCancel={onBack} danger />
    </form>
  );
}
