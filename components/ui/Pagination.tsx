import { useTranslations } from "next-intl";
import { Button } from "./Button";

/**
 * "Showing 21–40 of 95 orders" with previous / next buttons; `noun` is the translated plural ("orders").
 * `capped`: the API stopped counting at `total` (lib/validation/paging.ts countCapped), so the text says
 * "of more than 10,000" and the next page stays reachable.
 */
export function Pagination({ page, pageSize, total, capped = false, noun, onPage }: { page: number; pageSize: number; total: number; capped?: boolean; noun: string; onPage: (page: number) => void }) {
  const t = useTranslations("ui");
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return (
    <nav aria-label={t("pagination.label")} className="flex flex-wrap items-center justify-between gap-3">
      <p className="text-sm text-neutral-600" aria-live="polite">
        {total === 0 ? t("pagination.none", { noun }) : capped ? t("pagination.showingMore", { from, to, total, noun }) : t("pagination.showing", { from, to, total, noun })}
      </p>
      <div className="flex items-center gap-2">
        <Button variant="secondary" disabled={page <= 1} onClick={() => onPage(page - 1)}>
          {t("pagination.previous")}
        </Button>
        <span className="px-2 text-sm text-neutral-600">
          {capped ? t("pagination.pageOnly", { page }) : t("pagination.page", { page, pages })}
        </span>
        <Button variant="secondary" disabled={!capped && page >= pages} onClick={() => onPage(page + 1)}>
          {t("pagination.next")}
        </Button>
      </div>
    </nav>
  );
}
