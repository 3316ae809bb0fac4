import { useState } from "react";
import useSWR, { useSWRConfig } from "swr";
import { ApiError, errorMessage, sendJson } from "../../api";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { ErrorState, LoadingState } from "../../ui/States";
import { useWorkCenters } from "../../workcenters/useWorkCenters";
import type { BomView } from "../types";
import { BomReadOnly } from "./BomReadOnly";
import { ComponentsEditor } from "./ComponentsEditor";
import { bodyOf, draftOf, moveOperation, newKey, rowErrorsFrom, validate, withComponent, type Draft, type RowErrors } from "./draft";
import { OperationsEditor } from "./OperationsEditor";

/** Explosions of any product may contain this one, so they are all refetched after a save. */
const isExplosionKey = (key: unknown) => typeof key === "string" && key.includes("/bom/explode");

/**
 * A product's bill of materials. Writers edit a working copy and save it whole (PUT); the API
 * refuses cycles at any depth with a message naming them, which is shown as it is.
 */
export function BomEditor({ productId, canWrite, onSaved }: { productId: string; canWrite: boolean; onSaved: () => void }) {
  const url = `/api/products/${encodeURIComponent(productId)}/bom`;
  const { data: bom, error, mutate } = useSWR<BomView, ApiError>(url);
  const { mutate: mutateAny } = useSWRConfig();
  const centers = useWorkCenters({ activeOnly: true });
  const [draft, setDraft] = useState<Draft | null>(null);
  const [rowErrors, setRowErrors] = useState<RowErrors>({});
  const [saveError, setSaveError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (error) return <div className="p-4"><ErrorState title="Could not load the bill of materials" message={error.message} onRetry={() => void mutate()} /></div>;
  if (!bom) return <LoadingState label="Loading the bill of materials…" />;
  if (!canWrite) return <BomReadOnly bom={bom} />;

  const current = draft ?? draftOf(bom);
  const dirty = draft !== null;
  const edit = (next: Draft) => {
    setDraft(next);
    setNotice(null);
  };

  async function save() {
    const local = validate(current);
    setRowErrors(local);
    if (Object.keys(local).length) {
      setSaveError("Fix the marked lines first.");
      return;
    }
    setBusy(true);
    setSaveError(null);
    try {
      const saved = await sendJson<BomView>(url, "PUT", bodyOf(current));
      await mutate(saved, { revalidate: false });
      void mutateAny(isExplosionKey);
      setDraft(null);
      setRowErrors({});
      setNotice("The bill of materials was saved.");
      onSaved();
    } catch (err) {
      setSaveError(errorMessage(err));
      setRowErrors(err instanceof ApiError ? rowErrorsFrom(err.details, current.components) : {});
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="space-y-6 p-4 sm:p-5" data-testid="bom-editor">
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
        onAdd={() => edit({ ...current, operations: [...current.operations, { key: newKey(), title: "", workCenterId: "", minutes: "" }] })}
        onChange={(i, patch) => edit({ ...current, operations: current.operations.map((o, j) => (j === i ? { ...o, ...patch } : o)) })}
        onMove={(i, delta) => edit(moveOperation(current, i, delta))}
        onRemove={(i) => edit({ ...current, operations: current.operations.filter((_, j) => j !== i) })}
      />
      {saveError && (
        <Alert tone="error" title="The bill of materials was not saved">
          {saveError}
        </Alert>
      )}
      {notice && !dirty && <Alert tone="success">{notice}</Alert>}
      <div className="flex flex-wrap items-center gap-3 border-t border-neutral-200 pt-4">
        <Button size="lg" busy={busy} disabled={!dirty} onClick={() => void save()}>
          Save bill of materials
        </Button>
        <Button
          variant="secondary"
          size="lg"
          disabled={!dirty || busy}
          onClick={() => {
            setDraft(null);
            setRowErrors({});
            setSaveError(null);
          }}
        >
          Discard changes
        </Button>
        {dirty && <span className="text-sm font-medium text-amber-800">Unsaved changes</span>}
      </div>
    </div>
  );
}
