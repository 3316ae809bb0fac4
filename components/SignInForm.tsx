import { useTranslations } from "next-intl";
import { useRef, useState, type FormEvent } from "react";
import { useErrorText } from "./forms/messages";
import { signInWithPassword } from "./auth";
import { Alert } from "./ui/Alert";
import { Button } from "./ui/Button";
import { TextField } from "./ui/Field";
import { PasswordField } from "./ui/PasswordField";

/** Email + password form; calls `onSignedIn` once the session cookie is set. */
export function SignInForm({ initialError, onSignedIn }: { initialError: string | null; onSignedIn: () => void }) {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(initialError);
  const passwordRef = useRef<HTMLInputElement>(null);
  const t = useTranslations("common");
  const errorText = useErrorText();

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signInWithPassword(email.trim(), password);
      onSignedIn();
    } catch (err) {
      setError(errorText(err));
      setPassword("");
      setBusy(false);
      passwordRef.current?.focus();
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-5" aria-describedby={error ? "signin-error" : undefined}>
      {error && (
        <div id="signin-error">
          <Alert tone="error">{error}</Alert>
        </div>
      )}
      <TextField
        label={t("signin.email")}
        name="email"
        type="email"
        inputMode="email"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        required
        value={email}
        onChange={(e) => setEmail(e.target.value)}
      />
      <PasswordField ref={passwordRef} label={t("signin.password")} name="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
      <Button type="submit" size="lg" busy={busy} className="w-full">
        {busy ? t("signin.submitting") : t("signin.submit")}
      </Button>
    </form>
  );
}
