import { useTranslations } from "next-intl";
import type { JsonSchema } from "./types";

/** The short type of a schema: `string (uuid)`, `integer`, `A | B`, `array of string`, `null`… */
export function typeLabel(s: JsonSchema): string {
  if (s.$ref) return s.$ref.split("/").pop() ?? s.$ref;
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(" | ");
  if (s.const !== undefined) return JSON.stringify(s.const);
  const alts = s.anyOf ?? s.oneOf;
  if (alts) return [...new Set(alts.map(typeLabel))].join(" | ");
  if (s.type === "array") return `${typeLabel(s.items ?? {})}[]`;
  const t = Array.isArray(s.type) ? s.type.join(" | ") : (s.type ?? "any");
  return s.format ? `${t} (${s.format})` : t;
}

/** The object schema inside a schema (itself, or the object branch of a `X | null`), for nesting. */
function objectOf(s: JsonSchema): JsonSchema | undefined {
  if (s.properties) return s;
  if (s.type === "array" && s.items) return objectOf(s.items);
  return (s.anyOf ?? s.oneOf)?.map(objectOf).find(Boolean);
}

/** The rules of a schema besides its type, in the reader's language. */
function Rules({ s }: { s: JsonSchema }) {
  const t = useTranslations("apidocs");
  const parts: string[] = [];
  if (s.minLength !== undefined && s.minLength > 0) parts.push(t("rule.minLength", { n: s.minLength }));
  if (s.maxLength !== undefined) parts.push(t("rule.maxLength", { n: s.maxLength }));
  if (s.minimum !== undefined) parts.push(t("rule.minimum", { n: s.minimum }));
  if (s.exclusiveMinimum !== undefined) parts.push(t("rule.exclusiveMinimum", { n: s.exclusiveMinimum }));
  if (s.maximum !== undefined) parts.push(t("rule.maximum", { n: s.maximum }));
  if (s.exclusiveMaximum !== undefined) parts.push(t("rule.exclusiveMaximum", { n: s.exclusiveMaximum }));
  if (s.minItems !== undefined && s.minItems > 0) parts.push(t("rule.minItems", { n: s.minItems }));
  if (s.maxItems !== undefined) parts.push(t("rule.maxItems", { n: s.maxItems }));
  if (s.default !== undefined) parts.push(t("rule.default", { value: JSON.stringify(s.default) }));
  if (!parts.length) return null;
  return <span className="text-neutral-600"> · {parts.join(" · ")}</span>;
}

/** An object schema as a nested list of its fields: name, type, required, rules. */
export function SchemaView({ schema, depth = 0 }: { schema: JsonSchema; depth?: number }) {
  const t = useTranslations("apidocs");
  const obj = objectOf(schema);
  if (!obj?.properties) {
    return (
      <p className="font-mono text-sm text-neutral-800">
        {typeLabel(schema)}
        <Rules s={schema} />
      </p>
    );
  }
  const required = new Set(obj.required ?? []);
  return (
    <ul className={depth ? "ml-4 border-l border-neutral-200 pl-3" : ""}>
      {Object.entries(obj.properties).map(([name, prop]) => {
        const nested = depth < 4 ? objectOf(prop) : undefined;
        return (
          <li key={name} className="py-1 text-sm">
            <code className="font-semibold text-neutral-900">{name}</code> <code className="text-blue-800">{typeLabel(prop)}</code>{" "}
            {required.has(name) ? <span className="text-xs font-medium text-red-700">{t("required")}</span> : <span className="text-xs text-neutral-500">{t("optional")}</span>}
            <Rules s={prop} />
            {nested && <SchemaView schema={nested} depth={depth + 1} />}
          </li>
        );
      })}
      {obj.additionalProperties === false && depth === 0 && <li className="py-1 text-xs text-neutral-500">{t("closed")}</li>}
    </ul>
  );
}
