import { updateUserInput } from "@/lib/users/schemas";
import { FormError } from "../forms/FormError";
import { useApiForm } from "../forms/useApiForm";
import type { UserItem } from "../types";
import { PasswordField } from "../ui/PasswordField";
import { PASSWORD_HINT } from "./CreateUserForm";
import { patchUser } from "./userActions";
import type { Notice } from "./useUsers";
import { FormActions } from "../forms/FormActions";

/** Sets a new password for a user (PATCH { password }); nothing of it is kept as a draft. */
export function ResetPasswordForm({ user, onDone, onCancel }: { user: UserItem; onDone: (n: Notice) => void; onCancel: () => void }) {
  const label = `New password for ${user.name}`;
  const f = useApiForm({
    id: null,
    schema: updateUserInput,
    defaultValues: { password: "" },
    labels: { password: "The password" },
    toBody: (v) => ({ password: v.password }),
    send: (body, key) => patchUser(user.id, body, key),
    onSuccess: () => onDone({ tone: "success", text: `The password of ${user.name} was reset. Give them the new password in person.` }),
  });

  return (
    <form onSubmit={f.onSubmit} noValidate aria-label={`Reset the password of ${user.name}`} className="space-y-3">
      <FormError form={f} title="The password was not reset" onlyOther />
      <div className="flex flex-wrap items-start gap-3">
        <div className="min-w-64 flex-1">
          <PasswordField label={label} autoComplete="new-password" required autoFocus {...f.register("password")} hint={PASSWORD_HINT} error={f.fieldError("password")} />
        </div>
        <FormActions form={f} submit="Save password" onCancel={onCancel} className="flex gap-2 pt-6.5" />
      </div>
    </form>
  );
}
