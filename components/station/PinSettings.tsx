// One's own station PIN (the profile page): set or replace it, or remove it, each with one's password.
import { useTranslations } from "next-intl";
import { useState } from "react";
import useSWR from "swr";
import { setPinInput } from "@/lib/stations/schemas";
import { errorMessage, type ApiError } from "../api";
import { FormActions } from "../forms/FormActions";
import { FormError } from "../forms/FormError";
import { sendWithKey } from "../forms/send";
import { useApiAction } from "../forms/useApiAction";
import { useApiForm } from "../forms/useApiForm";
import { Button } from "../ui/Button";
import { TextField } from "../ui/Field";
import { Notice } from "../ui/Notice";
import { PasswordField } from "../ui/PasswordField";
import { ErrorState, LoadingState } from "../ui/States";

type PinStatus = { hasPin: boolean; hasBadge: boolean };

/** The PIN section of the profile page. */
export function PinSettings() {
  const t = useTranslations("station.profile");
  const status = useSWR<PinStatus, ApiError>("/api/me/pin");
  const [done, setDone] = useState<string | null>(null);
  const remove = useApiAction<"remove">();
  const labels = { pin: t("pin"), currentPassword: t("currentPassword") };
  const empty = { pin: "", currentPassword: "" };
  const f = useApiForm({
    id: null,
    schema: setPinInput,
    defaultValues: empty,
    labels,
    notKept: ["pin", "currentPassword"],
    toBody: (v) => ({ pin: v.pin, currentPassword: v.currentPassword }),
    send: (body, key) => sendWithKey<PinStatus>("/api/me/pin", "PATCH", body, key),
    onSuccess: async () => {
      f.form.reset(empty);
      setDone(t("saved"));
      await status.mutate();
    },
  });

  async function onRemove() {
    setDone(null);
    const currentPassword = f.form.getValues("currentPassword");
    const r = await remove.run("remove", { currentPassword }, (key) => sendWithKey("/api/me/pin", "DELETE", { currentPassword }, key));
    if (r.ok) {
      f.form.reset(empty);
      setDone(t("removed"));
      await status.mutate();
    }
  }

  return (
    <section aria-labelledby="pin-settings-title" className="space-y-4 rounded-md border border-neutral-200 bg-white p-4" data-testid="pin-settings">
      <div>
        <h2 id="pin-settings-title" className="text-lg font-semibold text-neutral-900">
          {t("pinTitle")}
        </h2>
        <p className="mt-1 text-neutral-600">{t("pinDescription")}</p>
      </div>
      {status.error ? (
        <ErrorState message={errorMessage(status.error)} onRetry={() => void status.mutate()} />
      ) : !status.data ? (
        <LoadingState />
      ) : (
        <p className="text-neutral-800" data-testid="pin-status">
          {status.data.hasPin ? t("hasPin") : t("noPin")} {status.data.hasBadge ? t("hasBadge") : t("noBadge")}
        </p>
      )}
      {done && <Notice testId="pin-notice" notice={{ tone: "success", text: done }} onDismiss={() => setDone(null)} />}
      {remove.errorText && <Notice testId="pin-remove-error" notice={{ tone: "error", text: remove.errorText }} onDismiss={remove.clearError} />}
      <form onSubmit={f.onSubmit} noValidate aria-label={t("pinTitle")} className="space-y-4">
        <FormError form={f} title={t("failed")} />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField label={labels.pin} hint={t("pinHint")} type="password" inputMode="numeric" autoComplete="off" pattern="[0-9]*" maxLength={8} required {...f.register("pin")} error={f.fieldError("pin")} />
          <PasswordField label={labels.currentPassword} autoComplete="current-password" required {...f.register("currentPassword")} error={f.fieldError("currentPassword")} />
        </div>
        <div className="flex flex-wrap gap-3">
          <FormActions form={f} submit={t("save")} onCancel={() => f.form.reset(empty)} />
          {status.data?.hasPin && (
            <Button variant="secondary" busy={remove.busy === "remove"} onClick={() => void onRemove()}>
              {t("remove")}
            </Button>
          )}
        </div>
      </form>
    </section>
  );
}
