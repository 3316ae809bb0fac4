import { useTranslations } from "next-intl";
import { cancelMoInput, completeMoInput } from "@/lib/manufacturing/schemas";
import { formatQty, parseNumber } from "../../format";
import { FormError } from "../../forms/FormError";
import { sendWithKey } from "../../forms/send";
import { useApiForm } from "../../forms/useApiForm";
import { TextAreaField, TextField } from "../../ui/Field";
import { ShortageList } from "../../stock/ShortageList";
import { shortagesOf } from "../../stock/shortages";
import type { MoDetail } from "../types";
import { useWholeQuantityIssue } from "../useWholeQuantityIssue";
import { FormActions } from "../../forms/FormActions";

interface Props {
  mo: MoDetail;
  onDone: (mo: MoDetail, message: string) => void;
  onBack: () => void;
}

const panel = "space-y-4 rounded-lg border-2 p-4 sm:p-5";

/** The confirmation step of "Complete": how much was produced, and what that posts to stock. */
export function CompletePanel({ mo, onDone, onBack }: Props) {
  const t = useTranslations("mos");
  const wholeQuantityIssue = useWholeQuantityIssue();
  const url = `/api/mos/${encodeURIComponent(mo.id)}/complete`;
  const f = useApiForm({
    id: `mo-complete:${mo.id}`,
    schema: completeMoInput,
    defaultValues: { producedQty: String(mo.quantity) },
    labels: { producedQty: t("complete.producedLabel") },
    numbers: ["producedQty"],
    check: (v) => {
      const n = parseNumber(v.producedQty);
      return { producedQty: n === null ? t("complete.enterProduced") : (wholeQuantityIssue(n, mo.product) ?? undefined) };
    },
    toBody: (v) => ({ producedQty: parseNumber(v.producedQty) }),
    send: (body, key) => sendWithKey<MoDetail>(url, "POST", body, key),
    onSuccess: (done, v) => onDone(done, t("complete.done", { orderNo: mo.orderNo, qty: formatQty(parseNumber(v.producedQty), mo.product.uom), sku: mo.product.sku })),
  });

  const open = mo.workOrders.filter((w) => w.status !== "COMPLETED").length;
  return (
    <form onSubmit={f.onSubmit} aria-label={t("complete.formLabel", { orderNo: mo.orderNo })} noValidate className={`${panel} border-neutral-900 bg-white`} data-testid="complete-panel">
      <div>
        <h2 className="text-lg font-semibold text-neutral-900">{t("complete.title", { orderNo: mo.orderNo })}</h2>
        <p className="mt-1 text-sm text-neutral-700">
          {t("complete.text")}
          {open > 0 && ` ${t("complete.openWos", { count: open })}`}
        </p>
      </div>
      <div className="max-w-xs">
        <TextField label={t("complete.producedIn", { uom: mo.product.uom })} inputMode="decimal" {...f.register("producedQty")} error={f.fieldError("producedQty")} autoFocus />
      </div>
      <FormError form={f} title={t("complete.failed")} onlyOther>
        <ShortageList shortages={shortagesOf(f.failure) ?? []} />
      </FormError>
      <FormActions form={f} submit={t("complete.submit")} cancel={t("complete.back")} onCancel={onBack} />
    </form>
  );
}

/** The confirmation step of "Cancel", with an optional reason for the audit trail. */
export function CancelPanel({ mo, onDone, onBack }: Props) {
  const t = useTranslations("mos");
  const url = `/api/mos/${encodeURIComponent(mo.id)}/cancel`;
  const f = useApiForm({
    id: `mo-cancel:${mo.id}`,
    schema: cancelMoInput,
    defaultValues: { reason: "" },
    labels: { reason: t("cancel.reasonLabel") },
    toBody: (v) => (v.reason.trim() ? { reason: v.reason.trim() } : {}),
    send: (body, key) => sendWithKey<MoDetail>(url, "POST", body, key),
    onSuccess: (canceled) => onDone(canceled, t("cancel.done", { orderNo: mo.orderNo })),
  });

  const running = mo.workOrders.filter((w) => w.status === "STARTED").length;
  return (
    <form onSubmit={f.onSubmit} aria-label={t("cancel.formLabel", { orderNo: mo.orderNo })} noValidate className={`${panel} border-red-300 bg-red-50/50`} data-testid="cancel-panel">
      <div>
        <h2 className="text-lg font-semibold text-neutral-900">{t("cancel.title", { orderNo: mo.orderNo })}</h2>
        <p className="mt-1 text-sm text-neutral-700">
          {t("cancel.text")}
          {running > 0 && ` ${t("cancel.runningWos", { count: running })}`}
        </p>
      </div>
      <TextAreaField label={t("cancel.reasonOptional")} maxLength={500} {...f.register("reason")} error={f.fieldError("reason")} className="min-h-16" />
      <FormError form={f} title={t("cancel.failed")} onlyOther />
      <FormActions form={f} submit={t("cancel.submit")} cancel={t("cancel.keep")} onCancel={onBack} danger />
    </form>
  );
}
