import { useTranslations } from "next-intl";
import type { Path } from "react-hook-form";
import type { ApiForm } from "../forms/useApiForm";
import { TextAreaField, TextField } from "../ui/Field";

/** The customer fields an order form has (what SALES may edit). */
export interface CustomerValues {
  customerName: string;
  customerRef: string;
  promisedDate: string;
  notes: string;
}

/** Customer name, reference, promised date and notes of an order (new or edited). */
export function CustomerFields<V extends CustomerValues>({ form, className = "grid gap-4 sm:grid-cols-2" }: { form: ApiForm<V>; className?: string }) {
  const t = useTranslations("mos");
  const { fieldError: err } = form;
  const register = (name: keyof CustomerValues) => form.register(name as Path<V>);
  return (
    <div className={className}>
      <TextField label={t("fields.customerName")} maxLength={200} {...register("customerName")} error={err("customerName")} />
      <TextField label={t("fields.customerRef")} maxLength={200} {...register("customerRef")} error={err("customerRef")} />
      <TextField label={t("fields.promisedDate")} type="date" {...register("promisedDate")} error={err("promisedDate")} />
      <div className="sm:col-span-2">
        <TextAreaField label={t("fields.notes")} maxLength={4000} {...register("notes")} error={err("notes")} />
      </div>
    </div>
  );
}
