import { useTranslations } from "next-intl";
import { lazy, Suspense, useCallback, useEffect, useId, useRef, useState, type FormEvent } from "react";
import { resolveScan, type ScannedCode } from "../operator/scanCode";
import { useScanFocus } from "../operator/useScanFocus";
import { Spinner } from "../ui/Spinner";
import { focusRing } from "../ui/styles";

// The camera and its decoder load when the camera is first opened (as in the operator's scan box).
const CameraScanner = lazy(() => import("../operator/CameraScanner"));

/**
 * The station's scan box (a keyboard-wedge scanner types into it, then Enter), with the camera beside
 * it: a badge signs its owner in, a work order code jumps to that work order in the queue. It keeps
 * the focus while nothing else is going on (inputmode="none" keeps the on-screen keyboard down; "Type
 * a code" brings it up). The camera stays open between scans, so the next person scans their badge
 * without a tap.
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
  const [typing, setTyping] = useState(false);
  const [camera, setCamera] = useState(false);
  useScanFocus(ref, enabled && !camera);

  /** What a scan does, by its kind (lib/scan/codes.ts). A new kind gets its case here. */
  function route(scan: ScannedCode, raw: string) {
    switch (scan.kind) {
      case "badge":
        return onBadge(scan.code);
      case "wo":
        return onWoCode(scan.code);
      case "lot":
      case "location":
        // Labels of stock: nothing a station does with them; answered as any other unknown code.
        return onMessage(t("scan.notACode", { text: raw.trim().slice(0, 40) }));
      default: {
        const unrouted: never = scan.kind;
        return unrouted;
      }
    }
  }

  function handle(raw: string) {
    if (!raw.trim()) return;
    const scan = resolveScan(raw);
    if (scan) return route(scan, raw);
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
      <div className="mt-2 flex items-center gap-3">
        <div className="relative flex-1">
          <input
            ref={ref}
            id={`${id}-code`}
            name="code"
            value={value}
            onChange={(e) => {
              setValue(e.target.value);
              onMessage(null);
            }}
            inputMode={typing ? "text" : "none"}
            autoComplete="off"
            autoCorrect="off"
            autoCapitalize="characters"
            spellCheck={false}
            enterKeyHint="go"
            placeholder={t("scan.placeholder")}
            aria-describedby={`${id}-hint${message ? ` ${id}-msg` : ""}`}
            aria-invalid={message ? true : undefined}
            className="block h-14 w-full rounded-lg border-2 border-neutral-400 bg-white px-4 font-mono text-xl text-neutral-900 placeholder:text-neutral-400 focus:border-blue-700 focus:outline-none focus:ring-4 focus:ring-blue-600/30 aria-[invalid=true]:border-red-700"
          />
          {busy && <Spinner className="absolute right-4 top-4.5 h-5 w-5 text-neutral-600" />}
        </div>
        <button
          type="button"
          onClick={() => {
            setTyping((v) => !v);
            ref.current?.focus();
          }}
          className={`h-14 shrink-0 rounded-lg border-2 border-neutral-400 bg-white px-4 text-base font-medium text-neutral-900 hover:bg-neutral-100 ${focusRing}`}
        >
          {typing ? t("scan.hideKeyboard") : t("scan.typeCode")}
        </button>
        <button
          type="button"
          aria-pressed={camera}
          data-testid="station-camera"
          onClick={() => setCamera((c) => !c)}
          className={`h-14 shrink-0 rounded-lg border-2 px-4 text-base font-medium ${camera ? "border-blue-800 bg-blue-50 text-blue-900" : "border-neutral-400 bg-white text-neutral-900 hover:bg-neutral-100"} ${focusRing}`}
        >
          {tc("open")}
        </button>
      </div>
      {camera && (
        <Suspense
          fallback={
            <div className="mt-4 flex h-24 items-center justify-center rounded-lg border-2 border-neutral-300 bg-neutral-50">
              <Spinner className="h-6 w-6 text-neutral-600" />
            </div>
          }
        >
          <CameraScanner onScan={onCameraScan} onClose={() => setCamera(false)} hint={t("scan.cameraHint")} />
        </Suspense>
      )}
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
    </form>
  );
}
