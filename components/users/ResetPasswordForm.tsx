import { useTranslations } from "next-intl";
import { updateUserInput } from "@/lib/users/schemas";
import { FormError } from "../forms/FormError";
import { useApiForm } from "../forms/useApiForm";
import type { UserItem } from "../types";
import { PasswordField } from "../ui/PasswordField";
import { patchUser } from "./userActions";
import type { Notice } from "./useUsers";
import { FormActions } from "../forms/FormActions";

/** Sets a new password for a user (PATCH { password }); nothing of it is kept as a draft. */
export function ResetPasswordForm({ user, onDone, onCancel }: { user: UserItem; onDone: (n: Notice) => void; onCancel: () => void }) {
  const t = useTranslations("users");
  const f = useApiForm({
    id: null,
    schema: updateUserInput,
    defaultValues: { password: "" },
    labels: { password: t("reset.field") },
    toBody: (v) => ({ password: v.password }),
    send: (body, key) => patchUser(user.id, body, key),
    onSuccess: () => onDone({ tone: "success", text: t("reset.done", { name: user.name }) }),
  });

  return (
    <form onSubmit={f.onSubmit} noValidate aria-label={t("reset.formLabel", { name: user.name })} className="space-y-3">
      <FormError form={f} title={t("reset.failed")} onlyOther />
      <div className="flex flex-wrap items-start gap-3">
        <div className="min-w-64 flex-1">
          <PasswordField label={t("reset.label", { name: user.name })} autoComplete="new-password" required autoFocus {...f.register("password")} hint={t("passwordHint")} error={f.fieldError("password")} />
        </div>
        <FormActions form={f} submit={t("reset.submit")} onCancel={onCancel} className="flex gap-2 pt-6.5" />
      </div>
    </form>
  );
}
