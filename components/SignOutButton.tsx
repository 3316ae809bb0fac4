import { useState } from "react";
import { errorMessage } from "./api";
import { signOut } from "./auth";
import { Button } from "./ui/Button";

/** Ends the session and goes to the sign-in page. */
export function SignOutButton() {
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
      setError(errorMessage(err));
      setBusy(false);
    }
  }

  return (
    <div className="flex items-center gap-2">
      {error && (
        <p role="alert" className="max-w-48 text-xs text-red-700">
          Sign-out failed: {error}
        </p>
      )}
      <Button variant="secondary" busy={busy} onClick={onClick}>
        Sign out
      </Button>
    </div>
  );
}
