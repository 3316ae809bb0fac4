// Create-or-edit forms of a simple record (a product, a work center): POST the whole body when new,
// PATCH only the changed fields when editing, the same buttons and the same error box.
import { useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { FieldValues, Path } from "react-hook-form";
import type { z } from "zod";
import { FormActions } from "./FormActions";
import { FormError } from "./FormError";
import { sendWithKey } from "./send";
import { useApiForm, type ApiForm } from "./useApiForm";
import type { Labels } from "./messages";

interface RecordFormOptions<T extends { id: string }, V extends FieldValues> {
  /** Names the draft ("product" → "product-new" / "product:<id>"). */
  kind: string;
  record: T | null;
  /** The collection URL (POST); a record is PATCHed at `${url}/${id}`. */
  url: string;
  createSchema: z.ZodType;
  updateSchema: z.ZodType;
  valuesOf: (record: T | null) => V;
  /** The full body of the values; undefined entries are left out. */
  bodyOf: (values: V) => Record<string, unknown>;
  labels: Labels;
  numbers?: readonly Path<V>[];
  onSaved: (saved: T) => void;
  onCancel: () => void;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** useApiForm for a record: POST when new (without empty optional fields), PATCH of the changes when editing. */
export function useRecordForm<T extends { id: string }, V extends FieldValues>(o: RecordFormOptions<T, V>): ApiForm<V> {
  const { record } = o;
  return useApiForm({
    id: record ? `${o.kind}:${record.id}` : `${o.kind}-new`,
    schema: record ? o.updateSchema : o.createSchema,
    defaultValues: o.valuesOf(record),
    labels: o.labels,
    numbers: o.numbers,
    toBody: (values) => {
      const body = o.bodyOf(values);
      if (!record) {
        for (const [k, v] of Object.entries(body)) if (v === null || v === undefined) delete body[k];
        return body;
      }
      const before = o.bodyOf(o.valuesOf(record));
      for (const k of Object.keys(body)) if (same(body[k], before[k])) delete body[k];
      return Object.keys(body).length ? body : null;
    },
    send: (body, key) => (record ? sendWithKey<T>(`${o.url}/${encodeURIComponent(record.id)}`, "PATCH", body, key) : sendWithKey<T>(o.url, "POST", body, key)),
    onSuccess: (saved) => o.onSaved(saved),
    onUnchanged: o.onCancel,
  });
}

interface ShellProps<V extends FieldValues> {
  form: ApiForm<V>;
  /** The form's accessible name ("New product", "Edit SKU-1"). */
  title: string;
  /** "product", "work center" (translated, lower case as inside a sentence): for the error title and the buttons. */
  noun: string;
  editing: boolean;
  onCancel: () => void;
  className?: string;
  children: ReactNode;
}

/** The frame of a record form: the error box, the fields, "Create …"/"Save …" and Cancel. */
export function RecordFormShell<V extends FieldValues>({ form, title, noun, editing, onCancel, className = "space-y-5 p-4 sm:p-5", children }: ShellProps<V>) {
  const t = useTranslations("ui");
  // Dutch puts the noun first ("product opslaan"): a sentence starts with a capital in every language.
  const locale = useLocale();
  const sentence = (text: string) => text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
  return (
    <form onSubmit={form.onSubmit} aria-label={title} noValidate className={className}>
      <FormError form={form} title={sentence(editing ? t("recordForm.saveFailed", { noun }) : t("recordForm.createFailed", { noun }))} />
      {children}
      <FormActions form={form} submit={sentence(editing ? t("recordForm.save", { noun }) : t("recordForm.create", { noun }))} onCancel={onCancel} />
    </form>
  );
}

/** A number field's text as the API's value: empty → null, else the number (NaN is caught before). */
export { parseNumber as numberOrNull } from "../format";
