import { useTranslations } from "next-intl";
import Head from "next/head";
import { useEffect, useState } from "react";
import useSWR from "swr";
import { ApiError, errorMessage } from "../api";
import { flush } from "../offline/sync";
import { STATION_SIGNED_OUT } from "../redirect";
import type { Me } from "../types";
import { ErrorState, LoadingState } from "../ui/States";
import { focusRing } from "../ui/styles";
import { TouchButton } from "../workorders/detail/TouchButton";
import { PinPad } from "./PinPad";
import { StationQueue } from "./StationQueue";
import { StationScanBox } from "./StationScanBox";
import { StationWaiting } from "./StationWaiting";
import { identify, release } from "./stationApi";
import type { StationOperator, StationQueue as Queue, StationState } from "./types";
import { rememberName, useDeviceQueue, waitingOf } from "./useDeviceQueue";
import { useIdleDrop } from "./useIdleDrop";

function clock(ms: number): string {
  const s = Math.ceil(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

/**
 * The station screen (/station): a shared tablet for its work centers. Nobody signed in: the scan box
 * (badges) and the names to tap for the PIN pad, above the queue. Someone signed in: their name, one
 * tap to switch or sign out, an idle timer, and the queue with the operator tablet's large actions,
 * acting as them (docs/stations.md).
 */
export function StationScreen() {
  const t = useTranslations("station");
  const state = useSWR<StationState, ApiError>("/api/station", {
    refreshInterval: 60_000,
    // Who signed in here, for the actions of theirs still waiting after they left (StationWaiting).
    onSuccess: (s) => s.operator && rememberName(s.operator.id, s.operator.name),
  });
  const op = state.data?.operator ?? null;
  const me = useSWR<Me, ApiError>(op ? `/api/me?operator=${op.id}` : null);
  const operators = useSWR<{ items: StationOperator[] }, ApiError>(state.data && !op ? "/api/station/operators" : null);
  const queue = useSWR<Queue, ApiError>(state.data ? "/api/station/queue" : null);
  const [picked, setPicked] = useState<StationOperator | null>(null);
  const [pinError, setPinError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [scanMessage, setScanMessage] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [highlight, setHighlight] = useState<string | null>(null);
  const waiting = useDeviceQueue();

  const refresh = () => Promise.all([state.mutate(), me.mutate()]);
  const left = useIdleDrop(state.data?.operatorExpiresAt ?? null, () => {
    if (op) setNotice(t("operator.dropped", { name: op.name }));
    void state.mutate();
  });

  useEffect(() => {
    // An API call found the operator gone (components/redirect.ts): back to the names and the badge box.
    const onSignedOut = () => void state.mutate();
    window.addEventListener(STATION_SIGNED_OUT, onSignedOut);
    return () => window.removeEventListener(STATION_SIGNED_OUT, onSignedOut);
  }, [state]);

  async function signIn(body: { operatorId: string; pin: string } | { badge: string }) {
    setBusy(true);
    setPinError(null);
    setScanMessage(null);
    setNotice(null);
    try {
      await identify(body);
      setPicked(null);
      await refresh();
      await queue.mutate();
    } catch (err) {
      const text =
        err instanceof ApiError && err.status === 0
          ? t("scan.offline")
          : err instanceof ApiError && err.status === 401
          ? "badge" in body
            ? t("scan.unknownBadge")
            : t("pin.wrong")
          : err instanceof ApiError && err.status === 429
            ? t("pin.throttled", { minutes: Math.max(1, Math.ceil(Number((err.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds ?? 60) / 60)) })
            : t("pin.failed", { error: errorMessage(err) });
      if ("badge" in body) setScanMessage(text);
      else setPinError(text);
    } finally {
      setBusy(false);
    }
  }

  async function signOut() {
    setBusy(true);
    try {
      // The operator's queued taps can be sent only under their session: send them first, and stay
      // signed in while any still wait (otherwise they would wait until this person signs in again).
      if (op && (await waitingOf(op.id)).length) {
        if (navigator.onLine !== false) await flush(op.id);
        const left = await waitingOf(op.id);
        if (left.length) {
          setNotice(t("operator.waitForQueue", { name: op.name, count: left.length }));
          return;
        }
      }
      try {
        await release();
      } catch (err) {
        if (err instanceof ApiError && err.status === 0) {
          // Without a network the server still has this operator: say so rather than seem to switch.
          setNotice(t("operator.switchOffline"));
          return;
        }
        // Otherwise already gone (idle or revoked): the state below says so either way.
      }
      setNotice(null);
      await state.mutate();
    } finally {
      setBusy(false);
    }
  }

  function jumpTo(code: string) {
    if (!queue.data?.items.some((w) => w.code === code)) {
      setScanMessage(t("scan.notInQueue", { code }));
      return;
    }
    setHighlight(code);
    document.getElementById(`queue-${code}`)?.scrollIntoView({ behavior: "smooth", block: "start" });
    setTimeout(() => setHighlight((h) => (h === code ? null : h)), 4000);
  }

  if (!state.data) {
    return (
      <main className="min-h-screen bg-neutral-50 p-6">
        {state.error ? (
          <ErrorState title={t("loadError")} message={state.error.status === 401 || state.error.status === 403 ? t("notStation") : state.error.message} onRetry={() => void state.mutate()} />
        ) : (
          <LoadingState label={t("loading")} />
        )}
      </main>
    );
  }
  const { station } = state.data;
  const signedIn = op !== null && me.data !== undefined;

  return (
    <main className="min-h-screen bg-neutral-50" data-testid="station-screen">
      <Head>
        <title>{t("documentTitle", { station: station.name })}</title>
      </Head>
      <header className="border-b border-neutral-200 bg-white">
        <div className="mx-auto flex max-w-4xl flex-wrap items-center justify-between gap-4 px-4 py-3 sm:px-6">
          <div>
            <h1 className="text-2xl font-bold tracking-tight text-neutral-900" data-testid="station-name">
              {station.name}
            </h1>
            <p className="text-base text-neutral-700">{t("workCenters", { names: station.workCenters.map((w) => w.name).join(", ") })}</p>
          </div>
          {op && (
            <div className="flex flex-wrap items-center gap-3">
              <div className="text-right">
                <p className="text-lg font-semibold text-neutral-900" data-testid="station-operator">
                  {t("operator.signedIn", { name: op.name })}
                </p>
                {left !== null && <p className="text-sm text-neutral-700">{t("operator.idleLeft", { time: clock(Math.min(left, state.data.idleMinutes * 60_000)) })}</p>}
              </div>
              <TouchButton size="lg" tone="neutral" busy={busy} onClick={() => void signOut()} data-testid="switch-operator">
                {t("operator.switch")}
              </TouchButton>
            </div>
          )}
        </div>
      </header>

      <div className="mx-auto max-w-4xl space-y-6 px-4 py-6 sm:px-6">
        {notice && (
          <p role="status" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-base font-medium text-amber-900">
            {notice}
          </p>
        )}
        <StationScanBox
          enabled={!picked}
          busy={busy}
          message={scanMessage}
          onMessage={setScanMessage}
          onBadge={(badge) => void signIn({ badge })}
          onWoCode={jumpTo}
        />

        {!op &&
          (picked ? (
            <PinPad name={picked.name} busy={busy} error={pinError} onSubmit={(pin) => void signIn({ operatorId: picked.id, pin })} onCancel={() => { setPicked(null); setPinError(null); }} />
          ) : (
            <section aria-labelledby="who-title" className="space-y-3" data-testid="station-who">
              <h2 id="who-title" className="text-2xl font-semibold text-neutral-900">
                {t("who.title")}
              </h2>
              <p className="text-base text-neutral-700">{t("who.hint")}</p>
              {operators.data && operators.data.items.length === 0 && <p className="text-base text-neutral-700">{t("who.noOperators")}</p>}
              <ul aria-label={t("who.operatorsLabel")} className="grid grid-cols-2 gap-3 sm:grid-cols-3">
                {operators.data?.items.map((o) => (
                  <li key={o.id}>
                    <button
                      type="button"
                      onClick={() => setPicked(o)}
                      className={`flex h-20 w-full items-center justify-center rounded-xl border-2 border-neutral-300 bg-white px-3 text-center text-xl font-semibold text-neutral-900 shadow-sm hover:bg-neutral-100 ${focusRing}`}
                    >
                      {o.name}
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          ))}

        <StationWaiting entries={waiting.filter((e) => e.userId !== op?.id)} />

        <StationQueue me={signedIn ? me.data! : null} highlight={highlight} onChanged={refresh} />

        {!op && (
          <p className="text-sm text-neutral-600">
            <a href={`/signin?${new URLSearchParams({ callbackUrl: "/station/setup" })}`} className={`underline ${focusRing}`}>
              {t("managerSetup")}
            </a>
          </p>
        )}
      </div>
    </main>
  );
}
