import { useTranslations } from "next-intl";
import { useRouter } from "next/router";
import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from "react";
import { resolveScan, type ScannedCode } from "@/lib/scan/codes";
import { ApiError, apiFetch, errorMessage } from "../api";
import { useApiAction } from "../forms/useApiAction";
import { LabelShownCard } from "../scan/LabelCard";
import { ScanCamera, ScanInput } from "../scan/ScanInput";
import { useLabelScan } from "../scan/useLabelScan";
import { woDetailUrl } from "../workorders/detail/useWoDetail";
import type { WoDetail } from "../workorders/detail/types";
import { useScanFocus } from "./useScanFocus";

/** Where a scan came from: the wedge scanner (or typing) into the box, or the camera. */
type ScanSource = "keyboard" | "camera";

/** What the last scan came to, kept as data so it reads in the current language when shown. */
type ScanMessage =
  | { kind: "notACode"; text: string }
  | { kind: "badgeHere" }
  | { kind: "notFoundOwn" | "notFound"; code: string }
  | { kind: "labelNotKnown" }
  | { kind: "failed"; code: string; error: string };

/** The last camera scan that found something: shown in the camera panel as the confirmation. */
interface Confirmed {
  code: string;
  title: string;
  /** How many camera scans were handled since the camera opened (each code once while in view). */
  count: number;
}

interface Props {
  ownOnly: boolean;
  /** One line, for pages where the scan box is secondary. */
  compact?: boolean;
  /**
   * The page shows the scanned work order itself (the operator's landing page brings its card to the
   * top): camera scans call this instead of opening the WO's page, so the camera stays open.
   */
  onSelect?: (wo: WoDetail) => void;
  /**
   * The page deals with stock (the lot screens): a lot label opens the lot's page, a location label
   * the stock at that location. Elsewhere (the operator's screens) they show the lot's or location's
   * card under the box, or name the lot in an open Complete panel (docs/scanning.md).
   */
  stockCodes?: boolean;
  /** The box's placeholder where the page expects other codes than work order sheets. */
  placeholder?: string;
}

/**
 * The box a keyboard-wedge scanner types into: a WO code followed by Enter opens that work order.
 * It keeps the focus while nothing else is going on, so a scan always lands. The on-screen keyboard
 * stays down (inputmode="none") because the scanner is the keyboard; "Type a code" brings it up.
 * "Camera" opens a continuous camera scan beside it (CameraScanner, loaded on demand).
 */
export function ScanBox({ ownOnly, compact = false, onSelect, stockCodes = false, placeholder }: Props) {
  const router = useRouter();
  const ref = useRef<HTMLInputElement>(null);
  const id = useId();
  const [value, setValue] = useState("");
  const lookup = useApiAction<"open">();
  const labels = useLabelScan();
  const busy = lookup.busy !== null || labels.busy;
  const [scanned, setScanned] = useState<ScanMessage | null>(null);
  const [camera, setCamera] = useState(false);
  const [confirmed, setConfirmed] = useState<Confirmed | null>(null);
  const cameraScans = useRef(0);
  // Camera scans are handled one after another, in the order they were seen.
  const queue = useRef<Promise<void>>(Promise.resolve());
  const t = useTranslations("operator");
  useScanFocus(ref);

  function messageText(m: ScanMessage): string {
    switch (m.kind) {
      case "notACode":
        return t("scan.notACode", { text: m.text });
      case "badgeHere":
        return t("scan.badgeHere");
      case "notFoundOwn":
        return t("scan.notFoundOwn", { code: m.code });
      case "notFound":
        return t("scan.notFound", { code: m.code });
      case "labelNotKnown":
        return t("scan.labelNotKnown");
      case "failed":
        return t("scan.failed", { code: m.code, error: m.error });
    }
  }
  const message = scanned === null ? null : messageText(scanned);

  async function openWo(code: string, source: ScanSource) {
    // A lookup (GET): the action key is not sent, the hook only keeps the busy state.
    const found = await lookup.run("open", code, () => apiFetch<WoDetail>(woDetailUrl(code)));
    if (source === "camera") cameraScans.current += 1;
    if (found.ok) {
      if (source === "camera") {
        setConfirmed({ code: found.value.code, title: found.value.title, count: cameraScans.current });
        // The camera stays open only if the page shows the WO itself; otherwise its page opens.
        if (onSelect) return onSelect(found.value);
      }
      await router.push(`/workorders/${found.value.id}`);
      return;
    }
    if (source === "camera") setConfirmed(null);
    const err = found.error;
    if (err instanceof ApiError && err.status === 404) {
      setScanned({ kind: ownOnly ? "notFoundOwn" : "notFound", code });
    } else {
      setScanned({ kind: "failed", code, error: errorMessage(err) });
    }
  }

  /**
   * A lot or location label on the shop floor: its card under the box (GET /api/scan/label), or, for a
   * lot of a component of the open Complete panel, that component's lot (components/scan/lotTarget.ts).
   */
  async function showLabel(prefix: "LOT" | "LOC", labelId: string) {
    const outcome = await labels.lookUp(`${prefix}-${labelId}`);
    if (outcome.kind === "notKnown") setScanned({ kind: "labelNotKnown" });
    else if (outcome.kind === "failed") setScanned({ kind: "failed", code: `${prefix}-${labelId}`, error: outcome.error });
  }

  /** What a scan does, by its kind (lib/scan/codes.ts). A new kind gets its case here. */
  async function route(scan: ScannedCode, source: ScanSource) {
    switch (scan.kind) {
      case "wo":
        return openWo(scan.code, source);
      case "badge":
        // A badge signs its owner in on a station tablet; here someone is signed in already.
        if (source === "camera") {
          cameraScans.current += 1;
          setConfirmed(null);
        }
        setScanned({ kind: "badgeHere" });
        return;
      case "lot":
      case "location":
        if (source === "camera") {
          cameraScans.current += 1;
          setConfirmed(null);
        }
        if (!stockCodes) return showLabel(scan.kind === "lot" ? "LOT" : "LOC", scan.code);
        await router.push(scan.kind === "lot" ? `/stock/lots/${scan.code}` : `/stock/locations?location=${scan.code}`);
        return;
      default: {
        const unrouted: never = scan.kind;
        return unrouted;
      }
    }
  }

  async function handle(raw: string, source: ScanSource) {
    labels.clear();
    const scan = resolveScan(raw);
    if (!scan) {
      if (source === "camera") {
        cameraScans.current += 1;
        setConfirmed(null);
      }
      setScanned({ kind: "notACode", text: raw.trim().slice(0, 40) });
      return;
    }
    setScanned(null);
    await route(scan, source);
  }

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const raw = value;
    setValue("");
    ref.current?.focus();
    if (!raw.trim()) return;
    await handle(raw, "keyboard");
  }

  // Stable for the camera, calling this render's handler (the latest props and state).
  const handleRef = useRef(handle);
  useEffect(() => {
    handleRef.current = handle;
  });
  const onCameraScan = useCallback((text: string) => {
    queue.current = queue.current.then(() => handleRef.current(text, "camera")).catch(() => undefined);
  }, []);

  return (
    <form onSubmit={onSubmit} role="search" aria-label={t("scan.formLabel")} className={`rounded-xl bg-white shadow-sm ${compact ? "border border-neutral-300 p-3" : "border-2 border-neutral-900 p-4"}`} data-testid="scan-box">
      <label htmlFor={`${id}-code`} className={compact ? "sr-only" : "flex items-center gap-2 text-base font-semibold text-neutral-900"}>
        {!compact && <ScanIcon />}
        {t("scan.label")}
      </label>
      <ScanInput
        inputRef={ref}
        id={`${id}-code`}
        value={value}
        onChange={(v) => {
          setValue(v);
          // A new scan starts: the last one's message no longer applies.
          setScanned(null);
        }}
        busy={busy}
        placeholder={placeholder ?? (compact ? t("scan.placeholderCompact") : t("scan.placeholder"))}
        describedBy={`${id}-hint${message ? ` ${id}-msg` : ""}`}
        invalid={message !== null}
        camera={camera}
        onToggleCamera={() => {
          setCamera((c) => !c);
          setConfirmed(null);
          cameraScans.current = 0;
        }}
        labels={{ typeCode: t("scan.typeCode"), hideKeyboard: t("scan.hideKeyboard"), camera: t("camera.open") }}
        className={compact ? "" : "mt-3"}
        leading={compact ? <ScanIcon /> : undefined}
      />
      {camera && (
        <ScanCamera onScan={onCameraScan} onClose={() => setCamera(false)}>
            <div aria-live="polite">
              {confirmed && (
                <p data-testid="camera-last-scan" data-code={confirmed.code} data-count={confirmed.count} className="mt-3 flex items-center gap-2 rounded-md border border-green-300 bg-green-50 px-4 py-3 text-base font-medium text-green-900">
                  <CheckIcon />
                  {t("camera.scanned", { code: confirmed.code, title: confirmed.title })}
                </p>
              )}
            </div>
        </ScanCamera>
      )}
      <p id={`${id}-hint`} className={compact ? "sr-only" : "mt-2 text-sm text-neutral-600"}>
        {t("scan.hint")}
      </p>
      <div aria-live="assertive">
        {message && (
          <p id={`${id}-msg`} data-testid="scan-message" className="mt-3 rounded-md border border-red-300 bg-red-50 px-4 py-3 text-base font-medium text-red-900">
            {message}
          </p>
        )}
      </div>
      <div aria-live="polite">{labels.shown && <LabelShownCard shown={labels.shown} onClose={labels.clear} />}</div>
    </form>
  );
}

function CheckIcon() {
  return (
    <svg viewBox="0 0 20 20" className="h-5 w-5 shrink-0" fill="currentColor" aria-hidden="true">
      <path d="M16.7 5.3a1 1 0 0 1 0 1.4l-8 8a1 1 0 0 1-1.4 0l-4-4a1 1 0 1 1 1.4-1.4L8 12.6l7.3-7.3a1 1 0 0 1 1.4 0Z" />
    </svg>
  );
}

function ScanIcon() {
  return (
    <svg viewBox="0 0 24 24" className="h-6 w-6" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" aria-hidden="true">
      <path d="M4 8V5a1 1 0 0 1 1-1h3M16 4h3a1 1 0 0 1 1 1v3M20 16v3a1 1 0 0 1-1 1h-3M8 20H5a1 1 0 0 1-1-1v-3" />
      <path d="M8 8v8M11 8v8M14 8v8M17 8v8" />
    </svg>
  );
}
