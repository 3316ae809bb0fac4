import { useTranslations } from "next-intl";
import { useRealtime } from "../../realtime/useRealtime";
import { hasPermission, useSignedInUser } from "../../useMe";
import { Alert } from "../../ui/Alert";
import { Spinner } from "../../ui/Spinner";
import { RawMaterialsTable } from "../../products/RawMaterialsTable";
import { useExplosion } from "../../products/useExplosion";
import { Pill } from "../badges";
import { useStockOf } from "./useStockOf";
import { RankedAvailability } from "./RankedAvailability";
import type { Priority } from "../types";
import { formatQty } from "../../format";

const th = "px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-neutral-500";
const td = "px-3 py-2 text-sm";

/**
 * What an order for `quantity` of `product` needs, before it is saved: the direct components (what
 * completing the order consumes) and the raw materials of the whole tree, each against stock.
 */
export function RequirementsPreview({
  product,
  quantity,
  priority = "NORMAL",
  deadline = null,
}: {
  product: { id: string; sku: string; uom: string };
  quantity: number | null;
  /** The draft's priority and deadline: the ranked availability places it among the open orders. */
  priority?: Priority;
  deadline?: string | null;
}) {
  const t = useTranslations("mos");
  const me = useSignedInUser();
  const stockReader = hasPermission(me, "stock:read");
  const planner = hasPermission(me, "mo:write");
  const { data, error, isLoading, isValidating, mutate } = useExplosion(product.id, quantity);
  const direct = data?.productId === product.id ? data.tree.children : [];
  const stock = useStockOf(
    direct.map((c) => c.sku),
    stockReader,
  );
  useRealtime("stock:changed", () => {
    void mutate();
    void stock.mutate();
  });

  if (!quantity || quantity <= 0) return <p className="px-4 py-4 text-sm text-neutral-600 sm:px-5">{t("requirements.enterQuantity")}</p>;
  if (error) return <div className="p-4 sm:p-5"><Alert tone="error" title={t("requirements.failed")}>{error.message}</Alert></div>;
  if (!data || isLoading) {
    return (
      <p role="status" className="flex items-center gap-2 px-4 py-4 text-sm text-neutral-600 sm:px-5">
        <Spinner className="h-4 w-4" /> {t("requirements.loading")}
      </p>
    );
  }
  if (direct.length === 0) {
    return (
      <div className="p-4 sm:p-5">
        <Alert tone="info" title={t("requirements.noBomTitle", { sku: product.sku })}>
          {t("requirements.noBomText")}
        </Alert>
      </div>
    );
  }

  const short = data.materials.filter((m) => m.short);
  const isShort = (c: (typeof direct)[number]) => {
    const onHand = stock.data?.get(c.productId);
    return onHand !== undefined && onHand < c.quantity;
  };
  // Raw components already appear in the raw-material shortages; only sub-assemblies add to them.
  const directShort = direct.filter((c) => c.children.length > 0 && isShort(c));

  return (
    <div aria-busy={isValidating} data-testid="requirements" className="space-y-5 p-4 sm:p-5">
      {stockReader &&
        (short.length || directShort.length ? (
          <Alert tone="error" title={t("requirements.shortTitle")}>
            {short.length > 0 && <p>{t("requirements.shortRaw", { list: short.map((m) => t("requirements.shortBy", { sku: m.sku, qty: formatQty(m.shortBy, m.uom) })).join(", ") })}</p>}
            {directShort.length > 0 && <p>{t("requirements.shortComponents", { list: directShort.map((c) => c.sku).join(", ") })}</p>}
            <p className="mt-1">{t("requirements.stillSave")}</p>
          </Alert>
        ) : (
          <Alert tone="success">{t("requirements.enough", { qty: formatQty(quantity, product.uom), sku: product.sku })}</Alert>
        ))}

      {planner && <RankedAvailability productId={product.id} quantity={quantity} priority={priority} deadline={deadline} />}

      <div>
        <h3 className="text-sm font-semibold text-neutral-900">{t("requirements.directTitle")}</h3>
        <p className="text-sm text-neutral-600">{t("requirements.directText")}</p>
        <div className="mt-2 overflow-x-auto rounded-md border border-neutral-200">
          <table className="min-w-full divide-y divide-neutral-200" data-testid="direct-components">
            <thead className="bg-neutral-50">
              <tr>
                <th scope="col" className={th}>{t("requirements.columns.component")}</th>
                <th scope="col" className={`${th} text-right`}>{t("materials.columns.perUnit")}</th>
                <th scope="col" className={`${th} text-right`}>{t("materials.columns.needed")}</th>
                {stockReader && <th scope="col" className={`${th} text-right`}>{t("materials.columns.onHand")}</th>}
              </tr>
            </thead>
            <tbody className="divide-y divide-neutral-100">
              {direct.map((c) => {
                const onHand = stock.data?.get(c.productId);
                const lacking = isShort(c);
                return (
                  <tr key={c.productId} className={lacking ? "bg-red-50" : ""}>
                    <td className={td}>
                      <span className="font-semibold">{c.sku}</span> <span className="text-neutral-700">{c.name}</span>
                      {c.children.length > 0 && <span className="ml-2"><Pill tone="neutral">{t("requirements.ownBom")}</Pill></span>}
                    </td>
                    <td className={`${td} whitespace-nowrap text-right tabular-nums`}>{formatQty(c.qtyPerUnit, c.uom)}</td>
                    <td className={`${td} whitespace-nowrap text-right font-medium tabular-nums`}>{formatQty(c.quantity, c.uom)}</td>
                    {stockReader && (
                      <td className={`${td} whitespace-nowrap text-right tabular-nums`}>
                        {onHand === undefined ? "…" : formatQty(onHand, c.uom)}
                        {lacking && <span className="ml-2"><Pill tone="red">{t("badges.short")}</Pill></span>}
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </div>

      <div>
        <h3 className="text-sm font-semibold text-neutral-900">{t("requirements.rawTitle")}</h3>
        <p className="text-sm text-neutral-600">{t("requirements.rawText")}</p>
        <div className="mt-2">
          <RawMaterialsTable materials={data.materials} />
        </div>
      </div>
    </div>
  );
}
