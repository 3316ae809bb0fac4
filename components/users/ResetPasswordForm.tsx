import { useState, type FormEvent } from "react";
import { errorMessage } from "../api";
import type { UserItem } from "../types";
import { Button } from "../ui/Button";
import { PasswordField } from "../ui/PasswordField";
import { PASSWORD_HINT } from "./CreateUserForm";
import { patchUser } from "./userActions";
import type { Notice } from "./useUsers";

/** Sets a new password for a user (PATCH { password }). */
export function ResetPasswordForm({ user, onDone, onCancel }: { user: UserItem; onDone: (n: Notice) => void; onCancel: () => void }) {
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await patchUser(user.id, { password });
      onDone({ tone: "success", text: `The password of ${user.name} was reset. Give them the new password in person.` });
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  }

  return (
    <form onSubmit={onSubmit} aria-label={`Reset the password of ${user.name}`} className="flex flex-wrap items-start gap-3">
      <div className="min-w-64 flex-1">
        <PasswordField label={`New password for ${user.name}`} autoComplete="new-password" required autoFocus value={password} onChange={(e) => setPassword(e.target.value)} hint={PASSWORD_HINT} error={error ?? undefined} />
      </div>
      <div className="flex gap-2 pt-6.5">
        <Button type="submit" size="lg" busy={busy}>
          Save password
        </Button>
        <Button variant="secondary" size="lg" onClick={onCancel} disabled={busy}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
