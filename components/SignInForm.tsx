import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useErrorText } from "./forms/messages";
import { signInWithPassword } from "./auth";
import { Alert } from "./ui/Alert";
import { Button } from "./ui/Button";
import { TextField } from "./ui/Field";
import { PasswordField } from "./ui/PasswordField";

interface Values {
  email: string;
  password: string;
}

/**
 * Email + password form; calls `onSignedIn` once the session cookie is set. It uses react-hook-form
 * like every other form, but not useApiForm: sign-in posts next-auth's CSRF form, not our JSON API, and
 * keeps no draft (a password is never stored).
 */
export function SignInForm({ initialError, onSignedIn }: { initialError: string | null; onSignedIn: () => void }) {
  const { register, handleSubmit, resetField, setFocus, formState } = useForm<Values>({ defaultValues: { email: "", password: "" } });
  const [error, setError] = useState<string | null>(initialError);
  const [signedIn, setSignedIn] = useState(false);
  const t = useTranslations("common");
  const errorText = useErrorText();

  const onSubmit = handleSubmit(async ({ email, password }) => {
    setError(null);
    try {
      await signInWithPassword(email.trim(), password);
      setSignedIn(true);
      onSignedIn();
    } catch (err) {
      setError(errorText(err));
      resetField("password");
      setFocus("password");
    }
  });
  // Busy from the submit until the next page takes over (a success navigates away).
  const busy = formState.isSubmitting || signedIn;

  return (
    <form onSubmit={onSubmit} className="space-y-5" aria-describedby={error ? "signin-error" : undefined}>
      {error && (
        <div id="signin-error">
          <Alert tone="error">{error}</Alert>
        </div>
      )}
      <TextField
        label={t("signin.email")}
        type="email"
        inputMode="email"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        required
        {...register("email")}
      />
      <PasswordField label={t("signin.password")} autoComplete="current-password" required {...register("password")} />
      <Button type="submit" size="lg" busy={busy} className="w-full">
        {busy ? t("signin.submitting") : t("signin.submit")}
      </Button>
    </form>
  );
}
