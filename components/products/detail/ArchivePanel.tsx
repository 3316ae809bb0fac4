import { sendWithKey } from "../../forms/send";
import { useApiAction } from "../../forms/useApiAction";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import type { ProductDetail, Product } from "../types";

/** The confirmation step of archiving (hidden from pickers, kept for history) or restoring a product. */
export function ArchivePanel({ product, onDone, onBack }: { product: ProductDetail; onDone: (p: Product) => void; onBack: () => void }) {
  const archiving = product.archivedAt === null;
  const { busy, errorText: error, run } = useApiAction<"archive">();

  async function confirm() {
    const body = { archived: archiving };
    const result = await run("archive", body, (key) => sendWithKey<Product>(`/api/products/${encodeURIComponent(product.id)}`, "PATCH", body, key));
    if (result.ok) onDone(result.value);
  }

  return (
    <div role="group" aria-label={archiving ? `Archive ${product.sku}` : `Restore ${product.sku}`} className={`space-y-4 rounded-lg border-2 p-4 sm:p-5 ${archiving ? "border-red-300 bg-red-50/50" : "border-neutral-900 bg-white"}`}>
      <div>
        <h2 className="text-lg font-semibold text-neutral-900">{archiving ? `Archive ${product.sku}?` : `Restore ${product.sku}?`}</h2>
        <p className="mt-1 text-sm text-neutral-700">
          {archiving
            ? `It disappears from product pickers: no new orders or BOM lines can use it. Existing orders, BOMs and stock history keep it.${product.usedInCount ? ` It is still a component of ${product.usedInCount} BOM${product.usedInCount === 1 ? "" : "s"}.` : ""}`
            : "It can be used in new orders and BOMs again."}
        </p>
      </div>
      {error && <Alert tone="error">{error}</Alert>}
      <div className="flex flex-wrap gap-3">
        <Button variant={archiving ? "danger" : "primary"} size="lg" busy={busy !== null} onClick={() => void confirm()}>
          {archiving ? "Archive product" : "Restore product"}
        </Button>
        <Button variant="secondary" size="lg" onClick={onBack} disabled={busy !== null}>
          Back
        </Button>
      </div>
    </div>
  );
}
