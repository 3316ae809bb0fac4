// The camera half of the scan box. Loaded on demand (ScanBox imports it with React.lazy when the
// camera button is tapped), so zxing stays out of the tablet page's first load.
import { BrowserCodeReader, type IScannerControls } from "@zxing/browser";
import { ChecksumException, FormatException, NotFoundException } from "@zxing/library";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { createRepeatFilter } from "@/lib/scan/codes";
import { createDecoder, scanHints } from "@/lib/scan/decode";
import { Spinner } from "../ui/Spinner";
import { focusRing } from "../ui/styles";

/** The same code seen again within this time (still in view, or barely moved away) is not a new scan. */
const REPEAT_QUIET_MS = 1500;
/** Time between decode attempts: fast enough to feel instant, light enough for a tablet's CPU. */
const ATTEMPT_MS = 200;

type CameraState = "starting" | "scanning" | "denied" | "noCamera" | "insecure" | "inUse" | "failed";

/** A getUserMedia refusal, by the DOMException's name (the spec's names, and Chrome's older ones). */
function refusal(err: unknown): CameraState {
  const name = err instanceof Error ? err.name : "";
  if (name === "NotAllowedError" || name === "PermissionDeniedError" || name === "SecurityError") return "denied";
  if (name === "NotFoundError" || name === "DevicesNotFoundError" || name === "OverconstrainedError") return "noCamera";
  if (name === "NotReadableError" || name === "TrackStartError" || name === "AbortError") return "inUse";
  return "failed";
}

/** A frame without a readable code: the loop tries the next one. */
const retryable = (err: unknown): boolean => err instanceof NotFoundException || err instanceof ChecksumException || err instanceof FormatException;

/**
 * The live camera: it stays open between scans and hands each newly seen code to `onScan` once
 * (the same code again only after it was out of view for a moment), until `onClose`. Refusals (no
 * permission, no camera, camera busy, no https) are said plainly, with a way to try again.
 */
export default function CameraScanner({ onScan, onClose, hint, children }: { onScan: (text: string) => void; onClose: () => void; /** What to hold up (default: a sheet). */ hint?: string; /** What the last scan came to. */ children?: ReactNode }) {
  const t = useTranslations("operator");
  const video = useRef<HTMLVideoElement>(null);
  const [state, setState] = useState<CameraState>("starting");
  const [error, setError] = useState("");
  const [attempt, setAttempt] = useState(0);
  const onScanRef = useRef(onScan);
  useEffect(() => {
    onScanRef.current = onScan;
  }, [onScan]);

  useEffect(() => {
    let cancelled = false;
    let controls: IScannerControls | null = null;
    const isNew = createRepeatFilter(REPEAT_QUIET_MS);

    async function start() {
      setState("starting");
      // Browsers offer the camera only to secure pages (https, or localhost).
      if (!window.isSecureContext) return setState("insecure");
      if (!navigator.mediaDevices?.getUserMedia) return setState("noCamera");
      let stream: MediaStream;
      try {
        // The back camera of a tablet when there is one; any camera otherwise.
        stream = await navigator.mediaDevices.getUserMedia({ audio: false, video: { facingMode: { ideal: "environment" }, width: { ideal: 1280 }, height: { ideal: 720 } } });
      } catch (err) {
        if (!cancelled) {
          setError(err instanceof Error ? err.message : String(err));
          setState(refusal(err));
        }
        return;
      }
      if (cancelled || !video.current) {
        stream.getTracks().forEach((track) => track.stop());
        return;
      }
      const reader = new BrowserCodeReader(createDecoder(), scanHints(), { delayBetweenScanAttempts: ATTEMPT_MS, delayBetweenScanSuccess: ATTEMPT_MS });
      try {
        controls = await reader.decodeFromStream(stream, video.current, (result, err) => {
          if (cancelled) return;
          if (result) {
            const text = result.getText();
            // A throw here would end zxing's loop: the handler's own failures stay in the handler.
            if (isNew(text, Date.now())) {
              try {
                onScanRef.current(text);
              } catch (e) {
                console.error(e);
              }
            }
          } else if (err && !retryable(err)) {
            // zxing stopped the loop and released the camera.
            setError(err.message);
            setState("failed");
          }
        });
      } catch (err) {
        stream.getTracks().forEach((track) => track.stop());
        if (!cancelled) {
          setError(err instanceof Error ? err.message : String(err));
          setState("failed");
        }
        return;
      }
      if (cancelled) controls.stop();
      else setState("scanning");
    }

    void start();
    return () => {
      cancelled = true;
      controls?.stop();
    };
  }, [attempt]);

  const problem = state === "denied" || state === "noCamera" || state === "insecure" || state === "inUse" || state === "failed";

  return (
    <section aria-label={t("camera.label")} data-testid="camera-scanner" data-state={state} className="mt-4 rounded-lg border-2 border-neutral-300 bg-neutral-50 p-3">
      <div className="relative overflow-hidden rounded-md bg-neutral-900" hidden={problem}>
        <video ref={video} muted playsInline autoPlay aria-label={t("camera.preview")} className="mx-auto aspect-[4/3] max-h-64 w-full object-contain" />
        {/* The aiming frame: a rectangle to put the code in. */}
        <div aria-hidden="true" className="pointer-events-none absolute inset-x-[20%] inset-y-[15%] rounded-lg border-4 border-white/70" />
        {state === "starting" && (
          <p role="status" className="absolute inset-0 flex items-center justify-center gap-3 text-base text-white">
            <Spinner /> {t("camera.starting")}
          </p>
        )}
      </div>
      {problem ? (
        <div role="alert" data-testid="camera-problem" className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-base text-red-900">
          <p className="font-semibold">{t(`camera.problem.${state}`)}</p>
          {state === "failed" && error && <p className="mt-1 text-sm">{error}</p>}
        </div>
      ) : (
        <p className="mt-2 text-sm text-neutral-700">{hint ?? t("camera.hint")}</p>
      )}
      {children}
      <div className="mt-3 flex flex-wrap gap-3">
        {problem && (
          <button type="button" onClick={() => setAttempt((n) => n + 1)} className={`h-12 rounded-lg border-2 border-neutral-400 bg-white px-4 text-base font-medium text-neutral-900 hover:bg-neutral-100 ${focusRing}`}>
            {t("camera.retry")}
          </button>
        )}
        <button type="button" onClick={onClose} className={`h-12 rounded-lg border-2 border-neutral-900 bg-white px-4 text-base font-semibold text-neutral-900 hover:bg-neutral-100 ${focusRing}`}>
          {t("camera.close")}
        </button>
      </div>
    </section>
  );
}
