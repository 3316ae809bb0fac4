// The admin's webhooks (/admin/webhooks, docs/webhooks.md): subscribe a URL to event names (the
// secret is shown once, right after), switch a webhook off or on, give it a new secret, delete it,
// and read its delivery log (status, response code, duration, attempts, error) with a redelivery.
import { useTranslations } from "next-intl";
import { useState } from "react";
import useSWR from "swr";
import type { DeliveryView } from "@/lib/webhooks/deliveries";
import type { WebhookView, WebhookWithSecret } from "@/lib/webhooks/manage";
import { createWebhookInput, WEBHOOK_EVENTS } from "@/lib/webhooks/schemas";
import type { Jsonify } from "@/types/json";
import type { ApiError } from "../api";
import { errorMessage } from "../api";
import { formatDateTime, formatNumber } from "../format";
import { FormActions } from "../forms/FormActions";
import { FormError } from "../forms/FormError";
import { sendWithKey } from "../forms/send";
import { useApiAction } from "../forms/useApiAction";
import { useApiForm } from "../forms/useApiForm";
import { Badge } from "../ui/Badge";
import { Button } from "../ui/Button";
import { ConfirmDialog } from "../ui/ConfirmDialog";
import { TextField } from "../ui/Field";
import { Notice } from "../ui/Notice";
import { ErrorState, LoadingState } from "../ui/States";

type Hook = Jsonify<WebhookView>;
type Delivery = Jsonify<DeliveryView>;

/** The secret, once: the admin copies it now or makes a new one later. */
function SecretOnce({ secret, onDone }: { secret: string; onDone: () => void }) {
  const t = useTranslations("webhooks");
  return (
    <div role="status" data-testid="webhook-secret" className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-4">
      <p className="font-medium text-amber-900">{t("secret.title")}</p>
      <p className="text-sm text-amber-900">{t("secret.hint")}</p>
      <code className="block break-all rounded bg-white p-2 font-mono text-sm text-neutral-900">{secret}</code>
      <Button variant="secondary" onClick={onDone}>
        {t("secret.done")}
      </Button>
    </div>
  );
}

function CreateForm({ onCreated }: { onCreated: (h: Jsonify<WebhookWithSecret>) => unknown }) {
  const t = useTranslations("webhooks");
  const labels = { url: t("form.url"), description: t("form.description"), events: t("form.events") };
  const empty = { url: "", description: "", events: [] as string[] };
  const f = useApiForm({
    id: null,
    schema: createWebhookInput,
    defaultValues: empty,
    labels,
    toBody: (v) => ({ url: v.url, events: v.events, ...(v.description ? { description: v.description } : {}) }),
    send: (body, key) => sendWithKey<Jsonify<WebhookWithSecret>>("/api/webhooks", "POST", body, key),
    onSuccess: async (h) => {
      f.form.reset(empty);
      await onCreated(h);
    },
  });
  return (
    <form onSubmit={f.onSubmit} noValidate aria-label={t("form.title")} className="space-y-3 rounded-md border border-neutral-200 bg-neutral-50 p-4">
      <FormError form={f} title={t("form.failed")} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label={labels.url} hint={t("form.urlHint")} type="url" autoComplete="off" required maxLength={2000} {...f.register("url")} error={f.fieldError("url")} />
        <TextField label={labels.description} autoComplete="off" maxLength={200} {...f.register("description")} error={f.fieldError("description")} />
      </div>
      <fieldset>
        <legend className="text-sm font-medium text-neutral-800">{labels.events}</legend>
        <div className="mt-2 flex flex-wrap gap-4">
          {WEBHOOK_EVENTS.map((e) => (
            <label key={e} className="flex items-center gap-2 text-sm text-neutral-800">
              <input type="checkbox" value={e} {...f.register("events")} />
              <span className="font-mono">{e}</span>
            </label>
          ))}
        </div>
        {f.fieldError("events") && <p className="mt-1 text-sm text-red-700">{f.fieldError("events")}</p>}
      </fieldset>
      <FormActions form={f} submit={t("form.add")} onCancel={() => f.form.reset(empty)} />
    </form>
  );
}

function DeliveryLog({ hook }: { hook: Hook }) {
  const t = useTranslations("webhooks");
  const log = useSWR<{ items: Delivery[]; total: number }, ApiError>(`/api/webhooks/${hook.id}/deliveries?pageSize=50`, { refreshInterval: 5000 });
  const { busy, errorText, run, clearError } = useApiAction<string>();
  if (log.error) return <ErrorState message={errorMessage(log.error)} onRetry={() => void log.mutate()} />;
  if (!log.data) return <LoadingState />;
  if (!log.data.items.length) return <p className="text-sm text-neutral-600">{t("log.empty")}</p>;
  const tone = (s: string) => (s === "DELIVERED" ? "green" : s === "PENDING" ? "blue" : "neutral");
  return (
    <div className="space-y-2">
      {errorText && <Notice testId="webhook-log-error" notice={{ tone: "error", text: errorText }} onDismiss={clearError} />}
      <div className="overflow-x-auto">
        <table className="min-w-full text-left text-sm" aria-label={t("log.label", { url: hook.url })}>
          <thead className="text-neutral-600">
            <tr>
              <th className="py-1 pr-3">{t("log.delivery")}</th>
              <th className="py-1 pr-3">{t("log.event")}</th>
              <th className="py-1 pr-3">{t("log.status")}</th>
              <th className="py-1 pr-3">{t("log.attempts")}</th>
              <th className="py-1 pr-3">{t("log.response")}</th>
              <th className="py-1 pr-3">{t("log.duration")}</th>
              <th className="py-1 pr-3">{t("log.error")}</th>
              <th className="py-1 pr-3">{t("log.created")}</th>
              <th className="py-1" />
            </tr>
          </thead>
          <tbody className="divide-y divide-neutral-100">
            {log.data.items.map((d) => (
              <tr key={d.id} data-testid="webhook-delivery">
                <td className="py-1 pr-3 font-mono">
                  {d.id}
                  {d.redeliveryOf ? <span className="text-neutral-500"> ({t("log.repeats", { id: d.redeliveryOf })})</span> : null}
                </td>
                <td className="py-1 pr-3 font-mono">{d.event}</td>
                <td className="py-1 pr-3">
                  <Badge tone={tone(d.status)}>{t(`status.${d.status}`)}</Badge>
                </td>
                <td className="py-1 pr-3">{formatNumber(d.attempts)}</td>
                <td className="py-1 pr-3">{d.lastStatusCode ?? "—"}</td>
                <td className="py-1 pr-3">{d.lastDurationMs == null ? "—" : t("log.ms", { ms: formatNumber(d.lastDurationMs) })}</td>
                <td className="max-w-xs truncate py-1 pr-3" title={d.lastError ?? undefined}>
                  {d.lastError ?? "—"}
                </td>
                <td className="py-1 pr-3">{formatDateTime(d.createdAt)}</td>
                <td className="py-1">
                  {d.status !== "PENDING" && hook.active && (
                    <Button
                      variant="secondary"
                      busy={busy === String(d.id)}
                      onClick={() =>
                        void run(String(d.id), {}, (key) => sendWithKey(`/api/webhooks/${hook.id}/deliveries/${d.id}/redeliver`, "POST", {}, key)).then(() => log.mutate())
                      }
                    >
                      {t("log.redeliver")}
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function HookRow({ hook, onChanged, onSecret }: { hook: Hook; onChanged: () => unknown; onSecret: (s: string) => void }) {
  const t = useTranslations("webhooks");
  const [open, setOpen] = useState(false);
  const [confirm, setConfirm] = useState(false);
  const { busy, errorText, run, clearError } = useApiAction<"toggle" | "secret" | "delete">();
  const toggle = async () => {
    const r = await run("toggle", { active: !hook.active }, (key) => sendWithKey(`/api/webhooks/${hook.id}`, "PATCH", { active: !hook.active }, key));
    if (r.ok) await onChanged();
  };
  const secret = async () => {
    const r = await run("secret", {}, (key) => sendWithKey<Jsonify<WebhookWithSecret>>(`/api/webhooks/${hook.id}/secret`, "POST", {}, key));
    if (r.ok) {
      onSecret(r.value.secret);
      await onChanged();
    }
  };
  const remove = async () => {
    const r = await run("delete", {}, (key) => sendWithKey(`/api/webhooks/${hook.id}`, "DELETE", undefined, key));
    if (r.ok) {
      setConfirm(false);
      await onChanged();
    }
  };
  return (
    <li className="space-y-3 px-4 py-3" data-testid="webhook">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0 space-y-1">
          <p className="break-all font-mono text-sm font-semibold text-neutral-900">{hook.url}</p>
          {hook.description && <p className="text-sm text-neutral-600">{hook.description}</p>}
          <p className="text-sm text-neutral-600">
            {t("list.events")}: <span className="font-mono">{hook.events.join(", ")}</span>
          </p>
          <p className="text-sm text-neutral-600">
            {t("list.secret", { hint: hook.secretHint })} · {t("list.queue", { pending: hook.pending, failed: hook.failed })}
          </p>
          <div className="flex flex-wrap gap-2">
            <Badge tone={hook.active ? "green" : "neutral"}>{hook.active ? t("list.on") : t("list.off")}</Badge>
            {!hook.active && hook.disabledAt && <Badge>{t("list.autoOff", { at: formatDateTime(hook.disabledAt) })}</Badge>}
            {hook.active && hook.failingSince && <Badge>{t("list.failingSince", { at: formatDateTime(hook.failingSince) })}</Badge>}
          </div>
        </div>
        <div className="flex flex-wrap gap-2">
          <Button variant="secondary" busy={busy === "toggle"} onClick={() => void toggle()}>
            {hook.active ? t("list.switchOff") : t("list.switchOn")}
          </Button>
          <Button variant="secondary" busy={busy === "secret"} onClick={() => void secret()}>
            {t("list.newSecret")}
          </Button>
          <Button variant="secondary" aria-expanded={open} onClick={() => setOpen(!open)}>
            {open ? t("list.hideLog") : t("list.showLog")}
          </Button>
          <Button variant="secondary" onClick={() => setConfirm(true)}>
            {t("list.delete")}
          </Button>
        </div>
      </div>
      {errorText && !confirm && <Notice testId="webhook-error" notice={{ tone: "error", text: errorText }} onDismiss={clearError} />}
      {open && <DeliveryLog hook={hook} />}
      {confirm && (
        <ConfirmDialog title={t("delete.title")} confirmLabel={t("delete.confirm")} danger busy={busy === "delete"} error={errorText} onConfirm={() => void remove()} onCancel={() => setConfirm(false)}>
          {t("delete.body", { url: hook.url })}
        </ConfirmDialog>
      )}
    </li>
  );
}

/** Every webhook with its state and log, and the form to add one. */
export function WebhooksAdmin() {
  const t = useTranslations("webhooks");
  const list = useSWR<{ items: Hook[] }, ApiError>("/api/webhooks?pageSize=200");
  const [secret, setSecret] = useState<string | null>(null);
  const reload = () => list.mutate();
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-neutral-900">{t("title")}</h1>
        <p className="mt-1 text-neutral-600">{t("description")}</p>
      </div>
      {secret && <SecretOnce secret={secret} onDone={() => setSecret(null)} />}
      <CreateForm
        onCreated={async (h) => {
          setSecret(h.secret);
          await reload();
        }}
      />
      {list.error ? (
        <ErrorState message={errorMessage(list.error)} onRetry={() => void reload()} />
      ) : !list.data ? (
        <LoadingState />
      ) : !list.data.items.length ? (
        <p className="text-neutral-600">{t("list.empty")}</p>
      ) : (
        <ul className="divide-y divide-neutral-200 rounded-md border border-neutral-200 bg-white" aria-label={t("list.label")}>
          {list.data.items.map((h) => (
            <HookRow key={`${h.id}-${h.updatedAt}`} hook={h} onChanged={reload} onSecret={setSecret} />
          ))}
        </ul>
      )}
    </div>
  );
}
