import { useTranslations } from "next-intl";
import { createUserInput } from "@/lib/users/schemas";
import { useApiForm } from "../forms/useApiForm";
import { FormError } from "../forms/FormError";
import { sendWithKey } from "../forms/send";
import type { Role, UserItem } from "../types";
import { SelectField, TextField } from "../ui/Field";
import { PasswordField } from "../ui/PasswordField";
import { RoleOptions } from "./RoleOptions";
import { FormActions } from "../forms/FormActions";

const EMPTY = { name: "", email: "", role: "OPERATOR" as Role, password: "" };

/** The "new user" form: POST /api/users. */
export function CreateUserForm({ onCreated, onCancel }: { onCreated: (user: UserItem) => void; onCancel: () => void }) {
  const t = useTranslations("users");
  const labels = { name: t("create.name"), email: t("create.email"), role: t("create.role"), password: t("create.password") };
  const f = useApiForm({
    id: "user-create",
    schema: createUserInput,
    defaultValues: EMPTY,
    labels,
    notKept: ["password"],
    toBody: (v) => v,
    send: (body, key) => sendWithKey<UserItem>("/api/users", "POST", body, key),
    onSuccess: (user) => {
      f.discard();
      onCreated(user);
    },
  });

  return (
    <form onSubmit={f.onSubmit} noValidate aria-labelledby="create-user-title" className="rounded-lg border border-neutral-200 bg-white p-5 shadow-sm sm:p-6">
      <h2 id="create-user-title" className="text-lg font-semibold text-neutral-900">
        {t("create.title")}
      </h2>
      <p className="mt-1 text-sm text-neutral-600">{t("create.intro")}</p>
      <FormError form={f} title={t("create.failed")} className="mt-4" />
      <div className="mt-5 grid gap-4 sm:grid-cols-2">
        <TextField label={labels.name} autoComplete="off" required maxLength={120} {...f.register("name")} error={f.fieldError("name")} />
        <TextField label={labels.email} type="email" autoComplete="off" autoCapitalize="none" spellCheck={false} required {...f.register("email")} error={f.fieldError("email")} />
        <SelectField label={labels.role} {...f.register("role")} error={f.fieldError("role")}>
          <RoleOptions />
        </SelectField>
        <PasswordField label={labels.password} autoComplete="new-password" required {...f.register("password")} hint={t("passwordHint")} error={f.fieldError("password")} />
      </div>
      <FormActions form={f} submit={t("create.submit")} onCancel={onCancel} className="mt-6 flex flex-wrap gap-3" />
    </form>
  );
}
