import { useTranslations } from "next-intl";
import { errorFromResponse } from "../api";
import { useApiAction } from "../forms/useApiAction";
import { Button } from "../ui/Button";

export type ReportName = "mos" | "ledger" | "levels" | "kpis" | "labor" | "costs" | "scrap" | "oee" | "downtime";
export type ExportFormat = "xlsx" | "pdf" | "csv";

// The formats' names are the same in every language (product names, not words).
const LABELS: Record<ExportFormat, string> = { xlsx: "Excel", pdf: "PDF", csv: "CSV" };

function filenameFrom(disposition: string | null, fallback: string): string {
  const m = disposition?.match(/filename\*?=(?:UTF-8'')?"?([^";]+)"?/i);
  return m ? decodeURIComponent(m[1]!) : fallback;
}

/**
 * Download buttons for one report with the screen's current filters (undefined/empty ones are
 * dropped). Shows "Preparing…" while the server builds the file, and the API's message on failure
 * (e.g. a PDF that would be too long).
 */
export function ExportMenu({ report, filters = {}, formats = ["xlsx", "csv", "pdf"] }: { report: ReportName; filters?: Record<string, string | undefined | null>; formats?: ExportFormat[] }) {
  const t = useTranslations("reports");
  const { busy, errorText: error, run } = useApiAction<ExportFormat>();

  // A download (GET): the action key is not sent, the hook keeps the busy state and the failure.
  const download = (format: ExportFormat) =>
    run(format, filters, async () => {
      const params = new URLSearchParams({ report, format });
      for (const [k, v] of Object.entries(filters)) if (v) params.set(k, v);
      const res = await fetch(`/api/reports/export?${params}`, { credentials: "same-origin" });
      if (!res.ok) throw await errorFromResponse(res);
      const blob = await res.blob();
      const url = URL.createObjectURL(blob);
      const a = document.createElement("a");
      a.href = url;
      a.download = filenameFrom(res.headers.get("content-disposition"), `${report}.${format}`);
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    });

  return (
    <div className="flex flex-wrap items-center gap-2" data-testid={`export-${report}`}>
      <span className="text-sm text-neutral-600">{t("export.label")}</span>
      {formats.map((f) => (
        <Button key={f} variant="secondary" busy={busy === f} disabled={busy !== null && busy !== f} onClick={() => void download(f)} aria-label={t("export.button", { report, format: LABELS[f] })}>
          {busy === f ? t("export.preparing") : LABELS[f]}
        </Button>
      ))}
      {error && (
        <p role="alert" className="w-full text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
