import { useTranslations } from "next-intl";
import { sendWithKey } from "../../forms/send";
import { useApiAction } from "../../forms/useApiAction";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import type { ProductDetail, Product } from "../types";

/** The confirmation step of archiving (hidden from pickers, kept for history) or restoring a product. */
export function ArchivePanel({ product, onDone, onBack }: { product: ProductDetail; onDone: (p: Product) => void; onBack: () => void }) {
  const t = useTranslations("products");
  const archiving = product.archivedAt === null;
  const { busy, errorText: error, run } = useApiAction<"archive">();

  async function confirm() {
    const body = { archived: archiving };
    const result = await run("archive", body, (key) => sendWithKey<Product>(`/api/products/${encodeURIComponent(product.id)}`, "PATCH", body, key));
    if (result.ok) onDone(result.value);
  }

  return (
    <div role="group" aria-label={archiving ? t("archive.archiveLabel", { sku: product.sku }) : t("archive.restoreLabel", { sku: product.sku })} className={`space-y-4 rounded-lg border-2 p-4 sm:p-5 ${archiving ? "border-red-300 bg-red-50/50" : "border-neutral-900 bg-white"}`}>
      <div>
        <h2 className="text-lg font-semibold text-neutral-900">{archiving ? t("archive.archiveQuestion", { sku: product.sku }) : t("archive.restoreQuestion", { sku: product.sku })}</h2>
        <p className="mt-1 text-sm text-neutral-700">
          {archiving
            ? `${t("archive.archiveBody")}${product.usedInCount ? ` ${t("archive.stillUsed", { count: product.usedInCount })}` : ""}`
            : t("archive.restoreBody")}
        </p>
      </div>
      {error && <Alert tone="error">{error}</Alert>}
      <div className="flex flex-wrap gap-3">
        <Button variant={archiving ? "danger" : "primary"} size="lg" busy={busy !== null} onClick={() => void confirm()}>
          {archiving ? t("archive.archiveButton") : t("archive.restoreButton")}
        </Button>
        <Button variant="secondary" size="lg" onClick={onBack} disabled={busy !== null}>
          {t("archive.back")}
        </Button>
      </div>
    </div>
  );
}
