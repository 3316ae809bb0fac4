// The admin's list of pause reasons (/admin/pause-reasons): add a reason, rename it, change its
// place in the tablet's picker, deactivate or reactivate it. Codes never change and reasons are
// never deleted: pauses refer to them.
import { useTranslations } from "next-intl";
import { useState } from "react";
import useSWR from "swr";
import { createPauseReasonInput } from "@/lib/manufacturing/schemas";
import type { ApiError } from "../api";
import { errorMessage } from "../api";
import { FormActions } from "../forms/FormActions";
import { FormError } from "../forms/FormError";
import { sendWithKey } from "../forms/send";
import { useApiAction } from "../forms/useApiAction";
import { useApiForm } from "../forms/useApiForm";
import { usePauseReasonLabel, type PauseReasonItem } from "../operator/PauseReasonPicker";
import { Button } from "../ui/Button";
import { TextField } from "../ui/Field";
import { Notice } from "../ui/Notice";
import { ErrorState, LoadingState } from "../ui/States";

type Page = { items: PauseReasonItem[] };

function CreateReasonForm({ onCreated }: { onCreated: () => unknown }) {
  const t = useTranslations("pauseReasons");
  const labels = { code: t("form.code"), name: t("form.name") };
  const f = useApiForm({
    id: null,
    schema: createPauseReasonInput,
    defaultValues: { code: "", name: "" },
    labels,
    toBody: (v) => ({ code: v.code, name: v.name }),
    send: (body, key) => sendWithKey<PauseReasonItem>("/api/pause-reasons", "POST", body, key),
    onSuccess: async () => {
      f.discard();
      f.form.reset({ code: "", name: "" });
      await onCreated();
    },
  });
  return (
    <form onSubmit={f.onSubmit} noValidate aria-label={t("form.title")} className="space-y-3 rounded-md border border-neutral-200 bg-neutral-50 p-4">
      <FormError form={f} title={t("form.failed")} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label={labels.code} hint={t("form.codeHint")} autoComplete="off" required maxLength={40} {...f.register("code")} error={f.fieldError("code")} />
        <TextField label={labels.name} autoComplete="off" required maxLength={120} {...f.register("name")} error={f.fieldError("name")} />
      </div>
      <FormActions form={f} submit={t("form.add")} onCancel={() => f.form.reset({ code: "", name: "" })} />
    </form>
  );
}

function ReasonRow({ reason, onChanged }: { reason: PauseReasonItem; onChanged: () => unknown }) {
  const t = useTranslations("pauseReasons");
  const label = usePauseReasonLabel();
  const [name, setName] = useState(reason.name);
  const { busy, errorText, run, clearError } = useApiAction<"rename" | "toggle">();
  const patch = async (action: "rename" | "toggle", body: Record<string, unknown>) => {
    const r = await run(action, { id: reason.id, ...body }, (key) => sendWithKey(`/api/pause-reasons/${reason.id}`, "PATCH", body, key));
    if (r.ok) await onChanged();
  };
  return (
    <li className="space-y-2 px-4 py-3" data-testid="pause-reason" data-code={reason.code}>
      <div className="flex flex-wrap items-end gap-3">
        <div className="min-w-40">
          <p className="font-mono text-sm font-semibold text-neutral-900">{reason.code}</p>
          <p className="text-sm text-neutral-600">{reason.active ? label(reason) : t("list.inactive", { name: label(reason) })}</p>
        </div>
        <div className="min-w-56 flex-1">
          <TextField label={t("list.name", { code: reason.code })} value={name} maxLength={120} onChange={(e) => setName(e.target.value)} />
        </div>
        <Button variant="secondary" busy={busy === "rename"} disabled={name.trim() === reason.name || name.trim() === ""} onClick={() => void patch("rename", { name })}>
          {t("list.rename")}
        </Button>
        <Button variant="secondary" busy={busy === "toggle"} onClick={() => void patch("toggle", { active: !reason.active })}>
          {reason.active ? t("list.deactivate") : t("list.activate")}
        </Button>
      </div>
      {errorText && <Notice testId="pause-reason-error" notice={{ tone: "error", text: errorText }} onDismiss={clearError} />}
    </li>
  );
}

/** Every pause reason, active ones first in picker order, and the form to add one. */
export function PauseReasonsAdmin() {
  const t = useTranslations("pauseReasons");
  const list = useSWR<Page, ApiError>("/api/pause-reasons?pageSize=200");
  const reload = () => list.mutate();
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-neutral-900">{t("title")}</h1>
        <p className="mt-1 text-neutral-600">{t("description")}</p>
      </div>
      <CreateReasonForm onCreated={reload} />
      {list.error ? (
        <ErrorState message={errorMessage(list.error)} onRetry={() => void reload()} />
      ) : !list.data ? (
        <LoadingState />
      ) : (
        <ul className="divide-y divide-neutral-200 rounded-md border border-neutral-200 bg-white" aria-label={t("list.label")}>
          {[...list.data.items]
            .sort((a, b) => Number(b.active) - Number(a.active))
            .map((r) => (
              <ReasonRow key={`${r.id}-${r.updatedAt}`} reason={r} onChanged={reload} />
            ))}
        </ul>
      )}
    </div>
  );
}
