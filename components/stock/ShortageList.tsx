import { useTranslations } from "next-intl";
import type { Shortage } from "./shortages";
import { formatQty } from "../format";

/** What is short, product by product, as a 409 INSUFFICIENT_STOCK lists it. */
export function ShortageList({ shortages }: { shortages: Shortage[] }) {
  const t = useTranslations("stock");
  if (!shortages.length) return null;
  return (
    <ul className="mt-2 divide-y divide-red-200 rounded-md border border-red-200 bg-white" data-testid="shortage-list" aria-label={t("shortages.listLabel")}>
      {shortages.map((s) => (
        <li key={s.sku} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 px-3 py-2 text-sm text-neutral-800">
          <span>
            <span className="font-semibold">{s.sku}</span> {s.name}
          </span>
          <span>
            {t.rich("shortages.line", {
              onHand: formatQty(s.onHand),
              required: formatQty(s.required),
              shortBy: formatQty(s.shortBy),
              uom: s.uom,
              strong: (chunks) => <strong className="text-red-800">{chunks}</strong>,
            })}
          </span>
        </li>
      ))}
    </ul>
  );
}
