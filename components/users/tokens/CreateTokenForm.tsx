import { useTranslations } from "next-intl";
import { createTokenInput } from "@/lib/auth/schemas";
import { endOfLocalDayIso } from "../../format";
import { FormActions } from "../../forms/FormActions";
import { FormError } from "../../forms/FormError";
import { sendWithKey } from "../../forms/send";
import { useApiForm } from "../../forms/useApiForm";
import { TextField } from "../../ui/Field";
import type { CreatedToken } from "./types";

/** The "new token" form: POST /api/tokens for the chosen user; the answer holds the token once. */
export function CreateTokenForm({ userId, userName, onCreated, onCancel }: { userId: string; userName: string; onCreated: (t: CreatedToken) => void; onCancel: () => void }) {
  const t = useTranslations("users");
  const labels = { name: t("tokens.name"), expiresAt: t("tokens.expires") };
  const f = useApiForm({
    id: null,
    schema: createTokenInput,
    defaultValues: { name: "", expiresAt: "" },
    labels,
    // A chosen day lasts until its end in the factory's time zone; no day: until revoked.
    toBody: (v) => ({ name: v.name, userId, ...(v.expiresAt ? { expiresAt: endOfLocalDayIso(v.expiresAt) ?? v.expiresAt } : {}) }),
    send: (body, key) => sendWithKey<CreatedToken>("/api/tokens", "POST", body, key),
    onSuccess: (made) => {
      f.discard();
      onCreated(made);
    },
  });

  return (
    <form onSubmit={f.onSubmit} noValidate aria-label={t("tokens.formLabel", { name: userName })} className="space-y-3 rounded-md border border-neutral-200 bg-neutral-50 p-4">
      <FormError form={f} title={t("tokens.createFailed")} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label={labels.name} hint={t("tokens.nameHint")} autoComplete="off" required maxLength={100} {...f.register("name")} error={f.fieldError("name")} />
        <TextField label={labels.expiresAt} hint={t("tokens.expiresHint")} type="date" {...f.register("expiresAt")} error={f.fieldError("expiresAt")} />
      </div>
      <FormActions form={f} submit={t("tokens.create")} onCancel={onCancel} />
    </form>
  );
}
