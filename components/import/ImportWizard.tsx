// The import wizard (/import): kind and template, file, column mapping with a preview, dry run with
// row errors, import. The file goes up with XMLHttpRequest so the upload shows real progress (bytes
// sent of the file's size); the server then checks and writes the rows in one transaction.
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { IMPORT_FIELDS, IMPORT_KINDS, KIND_PERMISSION, type ImportKind, type ImportResult } from "@/lib/import/schemas";
import { newIdempotencyKey } from "@/components/api";
import { formatNumber } from "@/components/format";
import { hasPermission, useSignedInUser } from "@/components/useMe";
import { Alert } from "@/components/ui/Alert";
import { Button, buttonClass } from "@/components/ui/Button";
import { SelectField } from "@/components/ui/Field";

type Phase = { kind: "idle" } | { kind: "uploading"; done: number; total: number } | { kind: "processing" };

interface Outcome {
  result: ImportResult;
  /** The import ran (not a dry run) and everything was written. */
  imported: boolean;
}

function mb(bytes: number): string {
  return `${formatNumber(Math.round((bytes / (1024 * 1024)) * 10) / 10)} MB`;
}

/** Sends the file; resolves with the status and JSON body, reporting upload progress. */
function send(url: string, form: FormData, onProgress: (done: number, total: number) => void, onSent: () => void): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.setRequestHeader("Idempotency-Key", newIdempotencyKey());
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded, e.total);
    xhr.upload.onload = onSent;
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      resolve({ status: xhr.status, body });
    };
    xhr.onerror = () => reject(new Error("network"));
    xhr.send(form);
  });
}

/** The wizard: one screen, four steps. */
export function ImportWizard() {
  const t = useTranslations("import");
  const me = useSignedInUser();
  const kinds = IMPORT_KINDS.filter((k) => hasPermission(me, KIND_PERMISSION[k]));
  const [kind, setKind] = useState<ImportKind>(kinds[0] ?? "products");
  const [file, setFile] = useState<File | null>(null);
  const [decimal, setDecimal] = useState<"." | ",">(".");
  const [mapping, setMapping] = useState<Record<string, string> | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [checked, setChecked] = useState(false);
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const [failure, setFailure] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const reset = () => {
    setOutcome(null);
    setChecked(false);
    setFailure(null);
  };

  async function run(dryRun: boolean) {
    if (!file) {
      setFailure(t("chooseFile"));
      return;
    }
    setFailure(null);
    const form = new FormData();
    form.append("decimal", decimal);
    if (mapping) form.append("mapping", JSON.stringify(Object.fromEntries(IMPORT_FIELDS[kind].map((f) => [f.key, mapping[f.key] ?? ""]))));
    form.append("file", file, file.name);
    setPhase({ kind: "uploading", done: 0, total: file.size });
    try {
      const { status, body } = await send(
        `/api/import/${kind}?dryRun=${dryRun ? 1 : 0}`,
        form,
        (done, total) => setPhase({ kind: "uploading", done, total }),
        () => setPhase({ kind: "processing" }),
      );
      const err = (body as { error?: { code: string; message: string; details?: unknown } } | null)?.error;
      const result = status === 200 ? (body as ImportResult) : err?.code === "VALIDATION_FAILED" && (err.details as ImportResult | undefined)?.kind ? (err.details as ImportResult) : null;
      if (!result) {
        setFailure(err?.message ?? `HTTP ${status}`);
        return;
      }
      setOutcome({ result, imported: !dryRun && result.ok });
      setMapping(result.mapping);
      setChecked(dryRun && result.ok);
    } catch {
      setFailure(t("chooseFile"));
    } finally {
      setPhase({ kind: "idle" });
    }
  }

  const result = outcome?.result ?? null;
  const fields = IMPORT_FIELDS[kind];
  const busy = phase.kind !== "idle";

  return (
    <div className="space-y-8">
      <p className="max-w-3xl text-neutral-700">{t("intro")}</p>

      <section aria-labelledby="import-step-kind" className="space-y-3">
        <h2 id="import-step-kind" className="text-lg font-semibold">
          {t("steps.kind")}
        </h2>
        <SelectField
          label={t("kindLabel")}
          value={kind}
          className="max-w-md"
          onChange={(e) => {
            setKind(e.target.value as ImportKind);
            setMapping(null);
            reset();
          }}
        >
          {kinds.map((k) => (
            <option key={k} value={k}>
              {t(`kinds.${k}`)}
            </option>
          ))}
        </SelectField>
        <p className="max-w-3xl text-sm text-neutral-600">{t(`kindHelp.${kind}`)}</p>
        <p className="flex flex-wrap items-center gap-3 text-sm">
          <span>{t("template")}</span>
          <a className={buttonClass("secondary")} href={`/api/import/${kind}/template?format=csv`} download>
            {t("templateCsv")}
          </a>
          <a className={buttonClass("secondary")} href={`/api/import/${kind}/template?format=xlsx`} download>
            {t("templateXlsx")}
          </a>
        </p>
      </section>

      <section aria-labelledby="import-step-file" className="space-y-3">
        <h2 id="import-step-file" className="text-lg font-semibold">
          {t("steps.file")}
        </h2>
        <div className="flex flex-wrap items-end gap-4">
          <div>
            <label htmlFor="import-file" className="mb-1.5 block text-sm font-medium text-neutral-800">
              {t("fileLabel")}
            </label>
            <input
              id="import-file"
              ref={fileInput}
              type="file"
              accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              className="block text-sm"
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                reset();
              }}
            />
          </div>
          <SelectField label={t("decimalLabel")} value={decimal} className="w-56" onChange={(e) => (setDecimal(e.target.value as "." | ","), reset())}>
            <option value=".">{t("decimalDot")}</option>
            <option value=",">{t("decimalComma")}</option>
          </SelectField>
          <Button variant="secondary" onClick={() => void run(true)} busy={busy} disabled={!file}>
            {t("read")}
          </Button>
        </div>
        {phase.kind === "uploading" && (
          <div role="status" className="space-y-1">
            <progress className="w-full max-w-md" value={phase.done} max={phase.total || 1} />
            <p className="text-sm text-neutral-600">{t("uploading", { done: mb(phase.done), total: mb(phase.total) })}</p>
          </div>
        )}
        {phase.kind === "processing" && (
          <p role="status" className="text-sm text-neutral-600">
            {t("processing", { rows: result?.rows ?? 0 })}
          </p>
        )}
        {failure && <Alert tone="error">{failure}</Alert>}
      </section>

      {result && mapping && (
        <section aria-labelledby="import-step-mapping" className="space-y-3">
          <h2 id="import-step-mapping" className="text-lg font-semibold">
            {t("steps.mapping")}
          </h2>
          <p className="text-sm text-neutral-600">{t("mappingHint")}</p>
          <div className="grid max-w-3xl gap-3 sm:grid-cols-2">
            {fields.map((f) => (
              <SelectField
                key={f.key}
                label={f.required ? t("required", { field: f.key }) : f.key}
                value={mapping[f.key] ?? ""}
                data-testid={`map-${f.key}`}
                onChange={(e) => {
                  setMapping({ ...mapping, [f.key]: e.target.value });
                  setChecked(false);
                }}
              >
                <option value="">{t("notMapped")}</option>
                {result.headers.map((h) => (
                  <option key={h} value={h}>
                    {h}
                  </option>
                ))}
              </SelectField>
            ))}
          </div>
          {result.ignoredColumns.length > 0 && <p className="text-sm text-neutral-600">{t("ignored", { columns: result.ignoredColumns.join(", ") })}</p>}
          {result.preview.length > 0 && (
            <div className="overflow-x-auto">
              <h3 className="mb-2 font-medium">{t("preview")}</h3>
              <table className="min-w-full text-sm" data-testid="import-preview">
                <caption className="sr-only">{t("previewCaption")}</caption>
                <thead>
                  <tr className="border-b text-left">
                    <th scope="col" className="py-2 pr-4">
                      {t("rowCol")}
                    </th>
                    {fields.map((f) => (
                      <th key={f.key} scope="col" className="py-2 pr-4">
                        {f.key}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {result.preview.map((r) => (
                    <tr key={r.row} className="border-b">
                      <td className="py-2 pr-4 tabular-nums">{r.row}</td>
                      {fields.map((f) => (
                        <td key={f.key} className="py-2 pr-4">
                          {r.values[f.key] ?? ""}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}

      {result && (
        <section aria-labelledby="import-step-check" className="space-y-3">
          <h2 id="import-step-check" className="text-lg font-semibold">
            {t("steps.check")}
          </h2>
          <div data-testid="import-summary" className="space-y-2">
            <p>{t("summary", { rows: result.rows, created: result.created, updated: result.updated, unchanged: result.unchanged })}</p>
            {outcome?.imported ? (
              <Alert tone="success">{t("imported", { created: result.created, updated: result.updated, unchanged: result.unchanged })}</Alert>
            ) : result.ok ? (
              <Alert tone="info">{t("dryRunOk")}</Alert>
            ) : (
              <Alert tone="error">{result.dryRun ? t("dryRunErrors", { count: result.errorCount }) : t("failed", { count: result.errorCount })}</Alert>
            )}
          </div>
          {result.errors.length > 0 && (
            <div className="overflow-x-auto">
              <table className="min-w-full text-sm" data-testid="import-errors">
                <caption className="mb-2 text-left font-medium">{t("errorsCaption")}</caption>
                <thead>
                  <tr className="border-b text-left">
                    <th scope="col" className="py-2 pr-4">
                      {t("colRow")}
                    </th>
                    <th scope="col" className="py-2 pr-4">
                      {t("colColumn")}
                    </th>
                    <th scope="col" className="py-2 pr-4">
                      {t("colMessage")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {result.errors.map((e, i) => (
                    <tr key={i} className="border-b">
                      <td className="py-2 pr-4 tabular-nums">{e.row}</td>
                      <td className="py-2 pr-4">{e.column ?? ""}</td>
                      <td className="py-2 pr-4">{e.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {result.errorCount > result.errors.length && <p className="text-sm text-neutral-600">{t("moreErrors", { shown: result.errors.length, count: result.errorCount })}</p>}
            </div>
          )}
          {!outcome?.imported && (
            <div className="flex gap-3">
              <Button variant="secondary" onClick={() => void run(true)} busy={busy}>
                {t("dryRun")}
              </Button>
              <Button onClick={() => void run(false)} busy={busy} disabled={!checked}>
                {t("import")}
              </Button>
            </div>
          )}
        </section>
      )}
    </div>
  );
}
