import { useTranslations } from "next-intl";
import { useState } from "react";
import useSWR, { useSWRConfig } from "swr";
import { replaceBomInput } from "@/lib/products/schemas";
import { isCountedUnit } from "@/lib/products/units";
import { ApiError, type ApiError as ApiErrorType } from "../../api";
import { parseNumber } from "../../format";
import { FormError } from "../../forms/FormError";
import { sendWithKey } from "../../forms/send";
import { useApiForm } from "../../forms/useApiForm";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { ErrorState, LoadingState } from "../../ui/States";
import { useWorkCenters } from "../../workcenters/useWorkCenters";
import type { BomView } from "../types";
import { BomReadOnly } from "./BomReadOnly";
import { ComponentsEditor } from "./ComponentsEditor";
import { bodyOf, cycleErrors, draftOf, moveOperation, newKey, numberProblems, rowErrorsOf, withComponent, type Draft } from "./draft";
import { OperationsEditor } from "./OperationsEditor";

/** Explosions of any product may contain this one, so they are all refetched after a save. */
const isExplosionKey = (key: unknown) => typeof key === "string" && key.includes("/bom/explode");

/**
 * A product's bill of materials. Writers edit a working copy and save it whole (PUT); the API
 * refuses cycles at any depth with a message naming them, which is shown as it is.
 */
export function BomEditor({ productId, canWrite, onSaved }: { productId: string; canWrite: boolean; onSaved: () => void }) {
  const url = `/api/products/${encodeURIComponent(productId)}/bom`;
  const t = useTranslations("products");
  const { data: bom, error, mutate } = useSWR<BomView, ApiErrorType>(url);

  if (error) return <div className="p-4"><ErrorState title={t("bom.loadFailed")} message={error.message} onRetry={() => void mutate()} /></div>;
  if (!bom) return <LoadingState label={t("bom.loading")} />;
  if (!canWrite) return <BomReadOnly bom={bom} />;
  return <BomForm productId={productId} bom={bom} onSaved={(saved) => void mutate(saved, { revalidate: false }).then(onSaved)} />;
}

function BomForm({ productId, bom, onSaved }: { productId: string; bom: BomView; onSaved: (saved: BomView) => void }) {
  const t = useTranslations("products");
  const url = `/api/products/${encodeURIComponent(productId)}/bom`;
  const { mutate: mutateAny } = useSWRConfig();
  const centers = useWorkCenters({ activeOnly: true });
  const [notice, setNotice] = useState<string | null>(null);
  const f = useApiForm<Draft, ReturnType<typeof bodyOf>, BomView>({
    id: `bom:${productId}`,
    schema: replaceBomInput,
    defaultValues: draftOf(bom),
    labels: {
      components: t("bom.labels.components"),
      operations: t("bom.labels.operations"),
      materialId: t("bom.labels.materialId"),
      qtyPerUnit: t("bom.labels.qtyPerUnit"),
      title: t("bom.labels.title"),
      workCenterId: t("bom.labels.workCenterId"),
      minutesPerUnit: t("bom.labels.minutesPerUnit"),
    },
    check: (d) => {
      const out: Record<string, string | undefined> = numberProblems(d, t("bom.enterNumber"));
      d.components.forEach((c, i) => {
        const q = parseNumber(c.qty);
        const path = `components.${i}.qtyPerUnit`;
        // The API's own check (lib/products/units), said in the person's language.
        if (!out[path] && q !== null && q > 0 && isCountedUnit(c.uom) && !Number.isInteger(q)) out[path] = t("bom.wholeNumber", { name: c.name, uom: c.uom.trim() });
      });
      return out as never;
    },
    toBody: bodyOf,
    send: (body, key) => sendWithKey<BomView>(url, "PUT", body, key),
    onSuccess: (saved) => {
      f.form.reset(draftOf(saved));
      void mutateAny(isExplosionKey);
      setNotice(t("bom.saved"));
      onSaved(saved);
    },
  });
  const { form } = f;
  const current = form.watch();
  const dirty = form.formState.isDirty;
  const edit = (next: Draft) => {
    form.setValue("components", next.components, { shouldDirty: true });
    form.setValue("operations", next.operations, { shouldDirty: true });
    setNotice(null);
  };

  // Messages by API path ("components.0.qtyPerUnit"), one per line; a refused cycle marks its lines.
  const messages: [string, string][] = [];
  const walk = (node: unknown, path: string) => {
    if (!node || typeof node !== "object") return;
    const m = (node as { message?: unknown }).message;
    if (typeof m === "string" && "type" in node) messages.push([path, m]);
    else for (const [k, v] of Object.entries(node)) walk(v, path ? `${path}.${k}` : k);
  };
  walk(form.formState.errors, "");
  const rowErrors = { ...rowErrorsOf(messages), ...(f.failure instanceof ApiError ? cycleErrors(f.failure.details, current.components, (sku) => t("bom.cycle", { sku })) : {}) };

  return (
    <form onSubmit={f.onSubmit} noValidate aria-label={t("bom.formLabel")} className="space-y-6 p-4 sm:p-5" data-testid="bom-editor">
      <ComponentsEditor
        productId={productId}
        rows={current.components}
        errors={rowErrors}
        onAdd={(p) => edit(withComponent(current, p))}
        onQty={(i, qty) => edit({ ...current, components: current.components.map((c, j) => (j === i ? { ...c, qty } : c)) })}
        onRemove={(i) => edit({ ...current, components: current.components.filter((_, j) => j !== i) })}
      />
      <OperationsEditor
        rows={current.operations}
        errors={rowErrors}
        centers={centers.data?.items ?? []}
        onAdd={() => edit({ ...current, operations: [...current.operations, { key: newKey(), title: "", workCenterId: "", minutes: "", instructions: "" }] })}
        onChange={(i, patch) => edit({ ...current, operations: current.operations.map((o, j) => (j === i ? { ...o, ...patch } : o)) })}
        onMove={(i, delta) => edit(moveOperation(current, i, delta))}
        onRemove={(i) => edit({ ...current, operations: current.operations.filter((_, j) => j !== i) })}
      />
      <FormError form={f} title={t("bom.notSaved")} />
      {notice && !dirty && <Alert tone="success">{notice}</Alert>}
      <div className="flex flex-wrap items-center gap-3 border-t border-neutral-200 pt-4">
        <Button type="submit" size="lg" busy={f.busy} disabled={!dirty}>
          {t("bom.save")}
        </Button>
        <Button variant="secondary" size="lg" disabled={!dirty || f.busy} onClick={f.discard}>
          {t("bom.discard")}
        </Button>
        {dirty && <span className="text-sm font-medium text-amber-800">{t("bom.unsaved")}</span>}
      </div>
    </form>
  );
}
