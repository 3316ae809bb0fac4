import { useState, type FormEvent } from "react";
import { ApiError, errorMessage, sendJson } from "../api";
import type { Role, UserItem } from "../types";
import { Alert } from "../ui/Alert";
import { Button } from "../ui/Button";
import { SelectField, TextField } from "../ui/Field";
import { PasswordField } from "../ui/PasswordField";
import { RoleOptions } from "./RoleOptions";

export const PASSWORD_HINT = "At least 8 characters, with a letter and a digit.";

type FieldName = "name" | "email" | "role" | "password";
const EMPTY = { name: "", email: "", role: "OPERATOR" as Role, password: "" };

/** Per-field messages from a 400's `details` ([{ path, message }]). */
function fieldErrors(err: unknown): Partial<Record<FieldName, string>> {
  if (!(err instanceof ApiError) || !Array.isArray(err.details)) return {};
  const out: Partial<Record<FieldName, string>> = {};
  for (const d of err.details as unknown[]) {
    if (typeof d !== "object" || d === null) continue;
    const { path, message } = d as { path?: unknown; message?: unknown };
    if ((path === "name" || path === "email" || path === "role" || path === "password") && typeof message === "string") out[path] ??= message;
  }
  return out;
}

/** The "new user" form: POST /api/users. */
export function CreateUserForm({ onCreated, onCancel }: { onCreated: (user: UserItem) => void; onCancel: () => void }) {
  const [values, setValues] = useState(EMPTY);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Partial<Record<FieldName, string>>>({});

  const set = (k: FieldName) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [k]: e.target.value }));

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setFields({});
    try {
      const user = await sendJson<UserItem>("/api/users", "POST", values);
      setValues(EMPTY);
      onCreated(user);
    } catch (err) {
      setError(errorMessage(err));
      setFields(fieldErrors(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={onSubmit} aria-labelledby="create-user-title" className="rounded-lg border border-neutral-200 bg-white p-5 shadow-sm sm:p-6">
      <h2 id="create-user-title" className="text-lg font-semibold text-neutral-900">
        New user
      </h2>
      <p className="mt-1 text-sm text-neutral-600">They sign in with this email and password; ask them to keep the password to themselves.</p>
      {error && (
        <Alert tone="error" title="Could not create the user" className="mt-4">
          {error}
        </Alert>
      )}
      <div className="mt-5 grid gap-4 sm:grid-cols-2">
        <TextField label="Name" name="name" autoComplete="off" required maxLength={120} value={values.name} onChange={set("name")} error={fields.name} />
        <TextField label="Email" name="email" type="email" autoComplete="off" autoCapitalize="none" spellCheck={false} required value={values.email} onChange={set("email")} error={fields.email} />
        <SelectField label="Role" name="role" value={values.role} onChange={set("role")} error={fields.role}>
          <RoleOptions />
        </SelectField>
        <PasswordField label="Password" name="password" autoComplete="new-password" required value={values.password} onChange={set("password")} hint={PASSWORD_HINT} error={fields.password} />
      </div>
      <div className="mt-6 flex flex-wrap gap-3">
        <Button type="submit" size="lg" busy={busy}>
          Create user
        </Button>
        <Button variant="secondary" size="lg" onClick={onCancel} disabled={busy}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
