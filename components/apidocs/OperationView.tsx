import { useTranslations } from "next-intl";
import { SchemaView, typeLabel } from "./SchemaView";
import type { HttpMethod, Operation } from "./types";

const METHOD_TONE: Record<HttpMethod, string> = {
  get: "bg-blue-100 text-blue-900",
  post: "bg-green-100 text-green-900",
  put: "bg-amber-100 text-amber-900",
  patch: "bg-amber-100 text-amber-900",
  delete: "bg-red-100 text-red-900",
};

/** One operation: method, path, permission, parameters, body and answers. */
export function OperationView({ path, method, op }: { path: string; method: HttpMethod; op: Operation }) {
  const t = useTranslations("apidocs");
  const body = op.requestBody?.content["application/json"]?.schema;
  const permission = op["x-permission"];
  return (
    <details id={op.operationId} className="rounded-md border border-neutral-200 bg-white" data-testid="api-operation">
      <summary className="flex cursor-pointer flex-wrap items-center gap-3 p-3">
        <span className={`w-16 rounded px-2 py-0.5 text-center font-mono text-xs font-bold uppercase ${METHOD_TONE[method]}`}>{method}</span>
        <code className="font-mono text-sm text-neutral-900">{path}</code>
        <span className="text-sm text-neutral-600">{op.summary}</span>
      </summary>
      <div className="space-y-4 border-t border-neutral-200 p-4">
        {op.description && <p className="text-sm text-neutral-700">{op.description}</p>}
        <p className="text-sm">
          <span className="font-medium text-neutral-800">{t("permission")}: </span>
          <code>{permission === "public" ? t("public") : permission === "authenticated" ? t("authenticated") : permission}</code>
        </p>
        {op.parameters.length > 0 && (
          <section>
            <h4 className="text-sm font-semibold text-neutral-900">{t("parameters")}</h4>
            <table className="mt-1 w-full text-left text-sm">
              <thead>
                <tr className="text-neutral-600">
                  <th className="py-1 pr-3 font-medium">{t("name")}</th>
                  <th className="py-1 pr-3 font-medium">{t("in")}</th>
                  <th className="py-1 pr-3 font-medium">{t("type")}</th>
                  <th className="py-1 font-medium">{t("requiredColumn")}</th>
                </tr>
              </thead>
              <tbody>
                {op.parameters.map((p) => (
                  <tr key={`${p.in}:${p.name}`} className="border-t border-neutral-100 align-top">
                    <td className="py-1 pr-3">
                      <code>{p.name}</code>
                    </td>
                    <td className="py-1 pr-3">{t(`where.${p.in}`)}</td>
                    <td className="py-1 pr-3">
                      <SchemaView schema={p.schema} />
                    </td>
                    <td className="py-1">{p.required ? t("yes") : t("no")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        )}
        {body && (
          <section>
            <h4 className="text-sm font-semibold text-neutral-900">{op.requestBody?.required ? t("body") : t("bodyOptional")}</h4>
            <div className="mt-1">
              <SchemaView schema={body} />
            </div>
          </section>
        )}
        <section>
          <h4 className="text-sm font-semibold text-neutral-900">{t("responses")}</h4>
          <ul className="mt-1 space-y-1 text-sm">
            {Object.entries(op.responses).map(([status, r]) => {
              const types = Object.entries(r.content ?? {});
              return (
                <li key={status}>
                  <code className={Number(status) >= 400 ? "font-semibold text-red-800" : "font-semibold text-green-800"}>{status}</code> <span className="text-neutral-700">{r.description}</span>
                  {types.length > 0 && <span className="text-neutral-500"> · {types.map(([type, c]) => `${type}: ${typeLabel(c.schema)}`).join(", ")}</span>}
                </li>
              );
            })}
          </ul>
        </section>
      </div>
    </details>
  );
}
