import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import useSWR from "swr";
import type { ApiError } from "../api";
import { inputClass } from "../ui/styles";
import { ErrorState, LoadingState } from "../ui/States";
import { OperationView } from "./OperationView";
import { SchemaView } from "./SchemaView";
import { METHODS, type HttpMethod, type OpenApiDoc, type Operation } from "./types";

/** The document itself (an API route, not a page: a plain link). */
const DOC_URL = "/api/openapi.json";

interface Entry {
  path: string;
  method: HttpMethod;
  op: Operation;
}

/** The API reference: GET /api/openapi.json rendered by tag, with a filter. */
export function ApiDocs() {
  const t = useTranslations("apidocs");
  const { data, error, isLoading, mutate } = useSWR<OpenApiDoc, ApiError>(DOC_URL);
  const [q, setQ] = useState("");

  const groups = useMemo(() => {
    if (!data) return [];
    const needle = q.trim().toLowerCase();
    const entries: Entry[] = Object.entries(data.paths).flatMap(([path, item]) => METHODS.filter((m) => item[m]).map((method) => ({ path, method, op: item[method]! })));
    const shown = needle ? entries.filter((e) => `${e.method} ${e.path} ${e.op.summary} ${e.op["x-permission"]}`.toLowerCase().includes(needle)) : entries;
    return data.tags.map((tag) => ({ tag: tag.name, entries: shown.filter((e) => e.op.tags.includes(tag.name)) })).filter((g) => g.entries.length);
  }, [data, q]);

  if (error) return <ErrorState title={t("loadFailed")} message={error.message} onRetry={() => void mutate()} />;
  if (isLoading || !data) return <LoadingState label={t("loading")} />;

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-neutral-900 sm:text-3xl">{t("title")}</h1>
        <p className="mt-1 text-base text-neutral-600">{t("intro", { version: data.openapi })}</p>
        <p className="mt-2 text-sm">
          <a className="font-medium text-blue-700 underline" href={DOC_URL}>
            {t("download")}
          </a>
        </p>
      </div>

      <section aria-label={t("authLabel")} className="rounded-lg border border-neutral-200 bg-white p-4 shadow-sm">
        <h2 className="text-lg font-semibold text-neutral-900">{t("authTitle")}</h2>
        <p className="mt-1 text-sm text-neutral-700">{t("authIntro")}</p>
        <ul className="mt-2 list-disc pl-5 text-sm text-neutral-700">
          <li>{t("authCookie")}</li>
          <li>{t.rich("authBearer", { code: (c) => <code>{c}</code> })}</li>
        </ul>
        <h3 className="mt-3 text-sm font-semibold text-neutral-900">{t("errorShape")}</h3>
        <SchemaView schema={data.components.schemas.ErrorBody ?? {}} />
      </section>

      <div className="max-w-md">
        <label htmlFor="api-filter" className="mb-1.5 block text-sm font-medium text-neutral-800">
          {t("filter")}
        </label>
        <input id="api-filter" type="search" className={inputClass} value={q} onChange={(e) => setQ(e.target.value)} placeholder={t("filterPlaceholder")} />
      </div>

      {groups.length === 0 && <p className="text-sm text-neutral-600">{t("noMatch")}</p>}
      {groups.map((g) => (
        <section key={g.tag} aria-label={g.tag} className="space-y-2">
          <h2 className="text-lg font-semibold text-neutral-900">{g.tag}</h2>
          {g.entries.map((e) => (
            <OperationView key={`${e.method} ${e.path}`} path={e.path} method={e.method} op={e.op} />
          ))}
        </section>
      ))}
    </div>
  );
}
