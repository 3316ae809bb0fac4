import { useTranslations } from "next-intl";
import { errorFromResponse } from "../../api";
import { useApiAction } from "../../forms/useApiAction";
import { Button } from "../../ui/Button";

type SheetFormat = "pdf" | "xlsx" | "csv";
const FORMATS: readonly SheetFormat[] = ["pdf", "xlsx", "csv"];
// The formats' names are the same in every language (product names, not words).
const NAMES: Record<SheetFormat, string> = { pdf: "PDF", xlsx: "Excel", csv: "CSV" };

function filenameFrom(disposition: string | null, fallback: string): string {
  const m = disposition?.match(/filename\*?=(?:UTF-8'')?"?([^";]+)"?/i);
  return m ? decodeURIComponent(m[1]!) : fallback;
}

/**
 * Download buttons for the blind count sheet of a location (GET /api/stock/counts/sheet): to print
 * and fill in on a clipboard. Shows "Preparing…" while the server builds the file and the API's
 * message when it refuses.
 */
export function SheetDownload({ locationId }: { locationId: string }) {
  const t = useTranslations("moves");
  const { busy, errorText, run } = useApiAction<SheetFormat>();

  // A download (GET): the action key is not sent; the hook keeps the busy state and the failure.
  const download = (format: SheetFormat) =>
    run(format, { locationId }, async () => {
      const res = await fetch(`/api/stock/counts/sheet?${new URLSearchParams({ locationId, format })}`, { credentials: "same-origin" });
      if (!res.ok) throw await errorFromResponse(res);
      const url = URL.createObjectURL(await res.blob());
      const a = document.createElement("a");
      a.href = url;
      a.download = filenameFrom(res.headers.get("content-disposition"), `count-sheet.${format}`);
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    });

  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="count-sheet-download">
      <span className="text-sm text-neutral-600">{t("count.sheetLabel")}</span>
      {FORMATS.map((f) => (
        <Button key={f} variant="secondary" busy={busy === f} disabled={busy !== null && busy !== f} onClick={() => void download(f)} aria-label={t("count.sheetButton", { format: NAMES[f] })}>
          {busy === f ? t("count.preparing") : NAMES[f]}
        </Button>
      ))}
      {errorText && (
        <p role="alert" className="w-full text-sm text-red-700">
          {errorText}
        </p>
      )}
    </div>
  );
}
