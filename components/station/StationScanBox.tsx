import { useTranslations } from "next-intl";
import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from "react";
import { resolveScan, type ScannedCode } from "../operator/scanCode";
import { useScanFocus } from "../operator/useScanFocus";
import { LabelShownCard } from "../scan/LabelCard";
import { ScanCamera, ScanInput } from "../scan/ScanInput";
import { useLabelScan } from "../scan/useLabelScan";

/**
 * The station's scan box (a keyboard-wedge scanner types into it, then Enter), with the camera beside
 * it: a badge signs its owner in, a work order code jumps to that work order in the queue, a lot or
 * location label shows its card (or names the lot in an open Complete panel; docs/scanning.md). It
 * keeps the focus while nothing else is going on (inputmode="none" keeps the on-screen keyboard down;
 * "Type a code" brings it up). The camera stays open between scans, so the next person scans their
 * badge without a tap.
 */
export function StationScanBox({ enabled, busy, message, onBadge, onWoCode, onMessage }: {
  enabled: boolean;
  busy: boolean;
  message: string | null;
  onBadge: (code: string) => void;
  onWoCode: (code: string) => void;
  onMessage: (text: string | null) => void;
}) {
  const t = useTranslations("station");
  const tc = useTranslations("operator.camera");
  const ref = useRef<HTMLInputElement>(null);
  const id = useId();
  const [value, setValue] = useState("");
  const [camera, setCamera] = useState(false);
  const labels = useLabelScan();
  useScanFocus(ref, enabled && !camera);

  /** A lot or location label: its card (someone must be signed in: the lookup is theirs). */
  async function showLabel(prefix: "LOT" | "LOC", code: string) {
    const outcome = await labels.lookUp(`${prefix}-${code}`);
    if (outcome.kind === "notKnown") onMessage(t("scan.labelNotKnown"));
    else if (outcome.kind === "failed") onMessage(outcome.error);
  }

  /** What a scan does, by its kind (lib/scan/codes.ts). A new kind gets its case here. */
  function route(scan: ScannedCode) {
    switch (scan.kind) {
      case "badge":
        return onBadge(scan.code);
      case "wo":
        return onWoCode(scan.code);
      case "lot":
        return void showLabel("LOT", scan.code);
      case "location":
        return void showLabel("LOC", scan.code);
      default: {
        const unrouted: never = scan.kind;
        return unrouted;
      }
    }
  }

  function handle(raw: string) {
    if (!raw.trim()) return;
    labels.clear();
    const scan = resolveScan(raw);
    if (scan) return route(scan);
    onMessage(t("scan.notACode", { text: raw.trim().slice(0, 40) }));
  }

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const raw = value;
    setValue("");
    handle(raw);
  }

  // Stable for the camera, calling this render's handler (the latest props).
  const handleRef = useRef(handle);
  useEffect(() => {
    handleRef.current = handle;
  });
  const onCameraScan = useCallback((text: string) => handleRef.current(text), []);

  return (
    <form onSubmit={onSubmit} role="search" aria-label={t("scan.label")} className="rounded-xl border-2 border-neutral-900 bg-white p-4 shadow-sm" data-testid="station-scan">
      <label htmlFor={`${id}-code`} className="text-base font-semibold text-neutral-900">
        {t("scan.label")}
      </label>
      <ScanInput
        inputRef={ref}
        id={`${id}-code`}
        value={value}
        onChange={(v) => {
          setValue(v);
          onMessage(null);
        }}
        busy={busy || labels.busy}
        placeholder={t("scan.placeholder")}
        describedBy={`${id}-hint${message ? ` ${id}-msg` : ""}`}
        invalid={message !== null}
        camera={camera}
        onToggleCamera={() => setCamera((c) => !c)}
        labels={{ typeCode: t("scan.typeCode"), hideKeyboard: t("scan.hideKeyboard"), camera: tc("open") }}
        className="mt-2"
        cameraTestId="station-camera"
      />
      {camera && <ScanCamera onScan={onCameraScan} onClose={() => setCamera(false)} hint={t("scan.cameraHint")} />}
      <p id={`${id}-hint`} className="mt-2 text-sm text-neutral-600">
        {t("scan.hint")}
      </p>
      <div aria-live="assertive">
        {message && (
          <p id={`${id}-msg`} data-testid="station-scan-message" className="mt-3 rounded-md border border-red-300 bg-red-50 px-4 py-3 text-base font-medium text-red-900">
            {message}
          </p>
        )}
      </div>
      <div aria-live="polite">{labels.shown && <LabelShownCard shown={labels.shown} onClose={labels.clear} />}</div>
    </form>
  );
}
