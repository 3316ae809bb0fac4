// The manager's station setup (/station/setup): create a station for some work centers, open one on
// the tablet in hand (this browser becomes it), or sign a station's tablets out.
import { useTranslations } from "next-intl";
import { useRouter } from "next/router";
import { useState } from "react";
import useSWR from "swr";
import { createStationInput } from "@/lib/stations/schemas";
import { errorMessage, type ApiError } from "../api";
import { FormActions } from "../forms/FormActions";
import { FormError } from "../forms/FormError";
import { sendWithKey } from "../forms/send";
import { useApiAction } from "../forms/useApiAction";
import { useApiForm } from "../forms/useApiForm";
import { Button } from "../ui/Button";
import { ConfirmDialog } from "../ui/ConfirmDialog";
import { FieldError, TextField } from "../ui/Field";
import { Notice } from "../ui/Notice";
import { ErrorState, LoadingState } from "../ui/States";
import type { StationItem } from "./types";

type WorkCenterRef = { id: string; name: string };

function CreateStationForm({ workCenters, onCreated }: { workCenters: WorkCenterRef[]; onCreated: (s: StationItem) => unknown }) {
  const t = useTranslations("station.setup");
  const labels = { name: t("name"), workCenterIds: t("workCenters") };
  const empty = { name: "", workCenterIds: [] as string[] };
  const f = useApiForm({
    id: null,
    schema: createStationInput,
    defaultValues: empty,
    labels,
    toBody: (v) => ({ name: v.name, workCenterIds: v.workCenterIds }),
    send: (body, key) => sendWithKey<StationItem>("/api/stations", "POST", body, key),
    onSuccess: async (s) => {
      f.discard();
      f.form.reset(empty);
      await onCreated(s);
    },
  });
  const wcError = f.fieldError("workCenterIds");
  return (
    <form onSubmit={f.onSubmit} noValidate aria-label={t("create")} className="space-y-4 rounded-md border border-neutral-200 bg-neutral-50 p-4">
      <h2 className="text-lg font-semibold text-neutral-900">{t("create")}</h2>
      <FormError form={f} title={t("failed")} />
      <TextField label={labels.name} hint={t("nameHint")} autoComplete="off" required maxLength={120} {...f.register("name")} error={f.fieldError("name")} />
      <fieldset aria-describedby="station-wc-hint" aria-invalid={wcError ? true : undefined}>
        <legend className="text-sm font-medium text-neutral-900">{labels.workCenterIds}</legend>
        <p id="station-wc-hint" className="text-sm text-neutral-600">
          {t("workCentersHint")}
        </p>
        <div className="mt-2 flex flex-wrap gap-3">
          {workCenters.map((w) => (
            <label key={w.id} className="flex min-h-12 items-center gap-2 rounded-md border border-neutral-300 bg-white px-3 text-base text-neutral-900">
              <input type="checkbox" value={w.id} className="h-5 w-5" {...f.register("workCenterIds")} />
              {w.name}
            </label>
          ))}
        </div>
        <FieldError id="station-wc-error" error={wcError} />
      </fieldset>
      <FormActions form={f} submit={t("add")} onCancel={() => f.form.reset(empty)} />
    </form>
  );
}

function StationRow({ station, onChanged }: { station: StationItem; onChanged: () => unknown }) {
  const t = useTranslations("station.setup");
  const router = useRouter();
  const { busy, errorText, run, clearError } = useApiAction<"open" | "revoke">();
  const [confirm, setConfirm] = useState<"open" | "revoke" | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function open() {
    const r = await run("open", { id: station.id }, (key) => sendWithKey(`/api/stations/${station.id}/open`, "POST", {}, key));
    // This browser is the station now: its screen is the only page it opens.
    if (r.ok) await router.replace("/station");
  }
  async function revoke() {
    const r = await run("revoke", { id: station.id }, (key) => sendWithKey<{ ended: number }>(`/api/stations/${station.id}/sessions`, "DELETE", undefined, key));
    setConfirm(null);
    if (r.ok) {
      setDone(t("revoked", { count: r.value.ended }));
      await onChanged();
    }
  }

  return (
    <li className="space-y-2 px-4 py-3" data-testid="station-row" data-name={station.name}>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <p className="text-lg font-semibold text-neutral-900">{station.name}</p>
          <p className="text-sm text-neutral-700">{station.workCenters.map((w) => w.name).join(", ")}</p>
          <p className="text-sm text-neutral-600">{t("tablets", { count: station.openSessions })}</p>
        </div>
        <div className="flex flex-wrap gap-2">
          <Button onClick={() => setConfirm("open")}>{t("open")}</Button>
          <Button variant="secondary" disabled={station.openSessions === 0} onClick={() => setConfirm("revoke")}>
            {t("revoke")}
          </Button>
        </div>
      </div>
      {done && <Notice testId="station-done" notice={{ tone: "success", text: done }} onDismiss={() => setDone(null)} />}
      {errorText && !confirm && <Notice testId="station-error" notice={{ tone: "error", text: t("actionFailed", { error: errorText }) }} onDismiss={clearError} />}
      {confirm === "open" && (
        <ConfirmDialog title={t("openTitle", { name: station.name })} confirmLabel={t("openConfirm")} busy={busy === "open"} error={errorText} onConfirm={() => void open()} onCancel={() => setConfirm(null)}>
          {t("openBody", { name: station.name })}
        </ConfirmDialog>
      )}
      {confirm === "revoke" && (
        <ConfirmDialog title={t("revokeTitle", { name: station.name })} confirmLabel={t("revokeConfirm")} danger busy={busy === "revoke"} error={errorText} onConfirm={() => void revoke()} onCancel={() => setConfirm(null)}>
          {t("revokeBody", { name: station.name })}
        </ConfirmDialog>
      )}
    </li>
  );
}

/** The stations, and the form to add one. */
export function StationSetup({ idleMinutes }: { idleMinutes: number }) {
  const t = useTranslations("station.setup");
  const list = useSWR<{ items: StationItem[] }, ApiError>("/api/stations");
  const centers = useSWR<{ items: WorkCenterRef[] }, ApiError>("/api/workcenters?active=true&pageSize=200");
  const [created, setCreated] = useState<string | null>(null);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-neutral-900">{t("title")}</h1>
        <p className="mt-1 text-neutral-600">{t("description", { minutes: idleMinutes })}</p>
      </div>
      {centers.data ? (
        <CreateStationForm
          workCenters={centers.data.items}
          onCreated={async (s) => {
            setCreated(t("created", { name: s.name }));
            await list.mutate();
          }}
        />
      ) : centers.error ? (
        <ErrorState message={errorMessage(centers.error)} onRetry={() => void centers.mutate()} />
      ) : (
        <LoadingState />
      )}
      {created && <Notice testId="station-created" notice={{ tone: "success", text: created }} onDismiss={() => setCreated(null)} />}
      {list.error ? (
        <ErrorState message={errorMessage(list.error)} onRetry={() => void list.mutate()} />
      ) : !list.data ? (
        <LoadingState />
      ) : list.data.items.length === 0 ? (
        <p className="text-neutral-700">{t("none")}</p>
      ) : (
        <ul className="divide-y divide-neutral-200 rounded-md border border-neutral-200 bg-white" aria-label={t("listLabel")}>
          {list.data.items.map((s) => (
            <StationRow key={s.id} station={s} onChanged={() => list.mutate()} />
          ))}
        </ul>
      )}
    </div>
  );
}
