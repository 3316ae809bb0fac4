import { useTranslations } from "next-intl";
import { useState } from "react";
import { signOut } from "./auth";
import { useErrorText } from "./forms/messages";
import { Button } from "./ui/Button";

/** Ends the session and goes to the sign-in page. */
export function SignOutButton() {
  const t = useTranslations("auth");
  const errorText = useErrorText();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function onClick() {
    setBusy(true);
    setError(null);
    try {
      await signOut();
      // A full page load (not router.push) drops every cached answer of the previous user.
      // eslint-disable-next-line @next/next/no-location-assign-relative-destination
      window.location.assign("/signin");
    } catch (err) {
      setError(errorText(err));
      setBusy(false);
    }
  }

  return (
    <div className="flex items-center gap-2">
      {error && (
        <p role="alert" className="max-w-48 text-xs text-red-700">
          {t("signOut.failed", { message: error })}
        </p>
      )}
      <Button variant="secondary" busy={busy} onClick={onClick}>
        {t("signOut.button")}
      </Button>
    </div>
  );
}
