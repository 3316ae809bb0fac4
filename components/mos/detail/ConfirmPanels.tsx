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
import type { CompleteMoResult } from "@/lib/manufacturing/mo-transitions";
import type { CascadeResult } from "@/lib/manufacturing/child-cancel";
import type { Jsonify } from "@/types/json";
import { focusRing } from "../../ui/styles";
import { useWholeQuantityIssue } from "../useWholeQuantityIssue";
import { CompletionLotFields, completionLotsBody, emptyLotValues } from "./CompletionLots";
import { FormActions } from "../../forms/FormActions";

interface Props {
  mo: MoDetail;
  onDone: (mo: MoDetail, message: string) => void;
  onBack: () => void;
}

/** POST /api/mos/:id/complete: the MO, or `{ mo, backorder }` when a backorder was asked for. */
type CompleteMoAnswer = Jsonify<CompleteMoResult>;

const panel = "space-y-4 rounded-lg border-2 p-4 sm:p-5";

/**
 * The confirmation step of "Complete": how much was produced and scrapped (pre-filled with the
 * quantity and the scrap its work orders reported), what that posts to stock, and whether to plan
 * the rest as a backorder when closing short.
 */
export function CompletePanel({ mo, onDone, onBack }: Props) {
  const t = useTranslations("mos");
  const wholeQuantityIssue = useWholeQuantityIssue();
  const url = `/api/mos/${encodeURIComponent(mo.id)}/complete`;
  const reportedScrap = mo.workOrders.reduce((sum, w) => sum + (w.scrapQty ?? 0), 0);
  const f = useApiForm({
    id: `mo-complete:${mo.id}`,
    schema: completeMoInput,
    defaultValues: { producedQty: String(mo.quantity), scrapQty: String(reportedScrap), backorder: false, ...emptyLotValues() },
    labels: { producedQty: t("complete.producedLabel"), scrapQty: t("complete.scrapLabel"), backorder: t("complete.backorder"), outputLotCode: t("completeLots.outputLot"), consumedLots: t("completeLots.title") },
    numbers: ["producedQty", "scrapQty"],
    check: (v) => {
      const n = parseNumber(v.producedQty);
      const s = v.scrapQty.trim() === "" ? 0 : parseNumber(v.scrapQty);
      return {
        producedQty: n === null ? t("complete.enterProduced") : (wholeQuantityIssue(n, mo.product) ?? undefined),
        scrapQty: s === null ? undefined : (wholeQuantityIssue(s, mo.product) ?? undefined),
        backorder: v.backorder && n !== null && n >= mo.quantity ? t("complete.nothingLeft") : undefined,
      };
    },
    toBody: (v) => {
      const produced = parseNumber(v.producedQty) ?? 0;
      const scrapped = v.scrapQty.trim() === "" ? 0 : (parseNumber(v.scrapQty) ?? 0);
      // A named lot without a quantity gives all the order consumes of that component (produced + scrapped units).
      const perUnit = new Map(mo.materials.map((m) => [m.productId, m.qtyPerUnit]));
      const required = (productId: string) => Number(((perUnit.get(productId) ?? 0) * (produced + scrapped)).toFixed(4));
      return {
        producedQty: parseNumber(v.producedQty),
        scrapQty: v.scrapQty.trim() === "" ? 0 : parseNumber(v.scrapQty),
        ...(v.backorder ? { backorder: true } : {}),
        ...completionLotsBody(v, parseNumber, required),
      };
    },
    send: (body, key) => sendWithKey<CompleteMoAnswer>(url, "POST", body, key),
    onSuccess: (answer, v) => {
      const done = "mo" in answer ? answer.mo : answer;
      const qty = formatQty(parseNumber(v.producedQty), mo.product.uom);
      const message = t("complete.done", { orderNo: mo.orderNo, qty, sku: mo.product.sku });
      onDone(done, "mo" in answer && answer.backorder ? `${message} ${t("complete.backorderMade", { orderNo: answer.backorder.orderNo })}` : message);
    },
  });
  const produced = parseNumber(f.form.watch("producedQty"));
  const short = produced !== null && produced < mo.quantity;

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
      <div className="grid max-w-xl gap-4 sm:grid-cols-2">
        <TextField label={t("complete.producedIn", { uom: mo.product.uom })} inputMode="decimal" {...f.register("producedQty")} error={f.fieldError("producedQty")} autoFocus />
        <TextField label={t("complete.scrapIn", { uom: mo.product.uom })} inputMode="decimal" {...f.register("scrapQty")} error={f.fieldError("scrapQty")} hint={t("complete.scrapHint")} />
      </div>
      {short && (
        <div>
          <label className="flex min-h-12 max-w-xl cursor-pointer items-center gap-3 rounded-md border border-neutral-300 px-3 text-sm">
            <input type="checkbox" className={`h-5 w-5 ${focusRing}`} {...f.register("backorder")} data-testid="backorder-checkbox" />
            <span>
              <span className="font-medium text-neutral-900">{t("complete.backorder")}</span>
              <span className="block text-neutral-600">{t("complete.backorderHint", { qty: formatQty(mo.quantity - (produced ?? 0), mo.product.uom) })}</span>
            </span>
          </label>
          {f.fieldError("backorder") && <p className="mt-1 text-sm text-red-700">{f.fieldError("backorder")}</p>}
        </div>
      )}
      <CompletionLotFields form={f} mo={mo} />
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
  // Sub-assembly orders below that are still only planned: offered to cancel with it (on by default).
  const plannedBelow = mo.descendants.filter((d) => d.state === "PLANNED").length;
  const f = useApiForm({
    id: `mo-cancel:${mo.id}`,
    schema: cancelMoInput,
    defaultValues: { reason: "", cascade: true },
    labels: { reason: t("cancel.reasonLabel"), cascade: t("cancel.cascade") },
    toBody: (v) => ({ ...(v.reason.trim() ? { reason: v.reason.trim() } : {}), ...(plannedBelow > 0 && v.cascade ? { cascade: true } : {}) }),
    send: (body, key) => sendWithKey<MoDetail & { cascade?: Jsonify<CascadeResult> }>(url, "POST", body, key),
    onSuccess: (canceled) => {
      const c = canceled.cascade;
      const extra = c ? [t("cancel.cascadeDone", { count: c.canceled.length }), ...(c.leftOpen.length ? [t("cancel.leftOpen", { orderNos: c.leftOpen.map((o) => o.orderNo).join(", ") })] : [])] : [];
      onDone(canceled, [t("cancel.done", { orderNo: mo.orderNo }), ...extra].join(" "));
    },
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
      {plannedBelow > 0 && (
        <label className="flex min-h-12 max-w-xl cursor-pointer items-center gap-3 rounded-md border border-neutral-300 bg-white px-3 text-sm">
          <input type="checkbox" className={`h-5 w-5 ${focusRing}`} {...f.register("cascade")} data-testid="cascade-checkbox" />
          <span>
            <span className="font-medium text-neutral-900">{t("cancel.cascade")}</span>
            <span className="block text-neutral-600">{t("cancel.cascadeHint", { count: plannedBelow })}</span>
          </span>
        </label>
      )}
      <FormError form={f} title={t("cancel.failed")} onlyOther />
      <FormActions form={f} submit={t("cancel.submit")} cancel={t("cancel.keep")} onCancel={onBack} danger />
    </form>
  );
}
