// The admin's badges (/admin/badges): issue a person a new badge (its code shown once, printable as
// QR and Code128), or withdraw it. Only the code's SHA-256 is kept, so a reprint is a new badge.
import { useTranslations } from "next-intl";
import { useState } from "react";
import useSWR from "swr";
import { ROLE_PERMISSIONS } from "@/lib/auth/permissions";
import { errorMessage, type ApiError } from "../api";
import { sendWithKey } from "../forms/send";
import { useApiAction } from "../forms/useApiAction";
import { Button } from "../ui/Button";
import { ConfirmDialog } from "../ui/ConfirmDialog";
import { Notice } from "../ui/Notice";
import { ErrorState, LoadingState } from "../ui/States";
import { Code128, QrCode } from "../workorders/detail/CodeImages";

type Person = { id: string; name: string; email: string; role: keyof typeof ROLE_PERMISSIONS; active: boolean };
type Issued = { user: { id: string; name: string }; code: string };

function PrintableBadge({ issued, onDone }: { issued: Issued; onDone: () => void }) {
  const t = useTranslations("station.badges");
  return (
    <section aria-label={t("badgeFor", { name: issued.user.name })} className="space-y-3" data-testid="printable-badge">
      <div className="inline-flex flex-col items-center gap-3 rounded-xl border-2 border-neutral-900 bg-white p-6">
        <p className="text-xl font-bold text-neutral-900">{issued.user.name}</p>
        <QrCode value={issued.code} size={160} />
        <Code128 value={issued.code} />
        <p className="font-mono text-sm text-neutral-900" data-testid="badge-code">
          {issued.code}
        </p>
      </div>
      <p className="text-sm font-medium text-amber-900 print:hidden">{t("codeNote")}</p>
      <div className="flex gap-3 print:hidden">
        <Button onClick={() => window.print()}>{t("print")}</Button>
        <Button variant="secondary" onClick={onDone}>
          {t("done")}
        </Button>
      </div>
    </section>
  );
}

function PersonRow({ person, onIssued }: { person: Person; onIssued: (i: Issued) => void }) {
  const t = useTranslations("station.badges");
  const { busy, errorText, run, clearError } = useApiAction<"issue" | "revoke">();
  const [confirm, setConfirm] = useState(false);
  const [revoked, setRevoked] = useState(false);
  async function issue() {
    const r = await run("issue", { id: person.id }, (key) => sendWithKey<Issued>(`/api/users/${person.id}/badge`, "POST", {}, key));
    setConfirm(false);
    if (r.ok) onIssued(r.value);
  }
  async function revoke() {
    const r = await run("revoke", { id: person.id }, (key) => sendWithKey(`/api/users/${person.id}/badge`, "DELETE", undefined, key));
    if (r.ok) setRevoked(true);
  }
  return (
    <li className="space-y-2 px-4 py-3" data-testid="badge-person" data-email={person.email}>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <p className="font-semibold text-neutral-900">{person.name}</p>
          <p className="text-sm text-neutral-600">{person.email}</p>
        </div>
        <div className="flex gap-2">
          <Button onClick={() => setConfirm(true)}>{t("issue")}</Button>
          <Button variant="secondary" busy={busy === "revoke"} disabled={revoked} onClick={() => void revoke()}>
            {t("revoke")}
          </Button>
        </div>
      </div>
      {errorText && !confirm && <Notice testId="badge-error" notice={{ tone: "error", text: t("failed", { error: errorText }) }} onDismiss={clearError} />}
      {confirm && (
        <ConfirmDialog title={t("issueTitle", { name: person.name })} confirmLabel={t("issue")} busy={busy === "issue"} error={errorText} onConfirm={() => void issue()} onCancel={() => setConfirm(false)}>
          {t("issueBody", { name: person.name })}
        </ConfirmDialog>
      )}
    </li>
  );
}

/** Everyone active who may run work orders, each with "Issue badge" and "Withdraw badge". */
export function BadgesAdmin() {
  const t = useTranslations("station.badges");
  const people = useSWR<{ items: Person[] }, ApiError>("/api/users?active=true&pageSize=200");
  const [issued, setIssued] = useState<Issued | null>(null);
  return (
    <div className="space-y-6">
      <div className="print:hidden">
        <h1 className="text-2xl font-semibold tracking-tight text-neutral-900">{t("title")}</h1>
        <p className="mt-1 text-neutral-600">{t("description")}</p>
      </div>
      {issued && <PrintableBadge issued={issued} onDone={() => setIssued(null)} />}
      <div className="print:hidden">
        {people.error ? (
          <ErrorState title={t("loadError")} message={errorMessage(people.error)} onRetry={() => void people.mutate()} />
        ) : !people.data ? (
          <LoadingState />
        ) : (
          <ul className="divide-y divide-neutral-200 rounded-md border border-neutral-200 bg-white" aria-label={t("listLabel")}>
            {people.data.items
              .filter((p) => ROLE_PERMISSIONS[p.role]["wo:execute"])
              .map((p) => (
                <PersonRow key={p.id} person={p} onIssued={setIssued} />
              ))}
          </ul>
        )}
      </div>
    </div>
  );
}
