import { lazy, Suspense, useState, type ReactNode, type RefObject } from "react";
import { Spinner } from "../ui/Spinner";
import { focusRing } from "../ui/styles";

// The camera and its decoder load when the camera is first opened, not with the page (it renders
// only after a tap, never on the server, so React's own lazy is enough).
const CameraScanner = lazy(() => import("../operator/CameraScanner"));

interface Props {
  inputRef: RefObject<HTMLInputElement | null>;
  /** The input's id (its label's htmlFor). */
  id: string;
  value: string;
  /** A keystroke (a scanner types too): the new value. */
  onChange: (value: string) => void;
  busy: boolean;
  placeholder: string;
  describedBy: string;
  invalid: boolean;
  camera: boolean;
  onToggleCamera: () => void;
  labels: { typeCode: string; hideKeyboard: string; camera: string };
  /** The row's own classes (its margin in the box). */
  className?: string;
  /** Before the input (the compact box's scan icon). */
  leading?: ReactNode;
  cameraTestId?: string;
}

/**
 * The input a keyboard-wedge scanner types into, with "Type a code" and "Camera" beside it: one row
 * for the operator's scan box and the station's (components/operator/ScanBox.tsx,
 * components/station/StationScanBox.tsx), which keep what a scan does. The on-screen keyboard stays
 * down (inputmode="none") because the scanner is the keyboard; "Type a code" brings it up.
 */
export function ScanInput({ inputRef, id, value, onChange, busy, placeholder, describedBy, invalid, camera, onToggleCamera, labels, className = "", leading, cameraTestId }: Props) {
  const [typing, setTyping] = useState(false);
  return (
    <div className={`flex items-center gap-3 ${className}`}>
      {leading}
      <div className="relative flex-1">
        <input
          ref={inputRef}
          id={id}
          name="code"
          value={value}
          onChange={(e) => onChange(e.target.value)}
          inputMode={typing ? "text" : "none"}
          autoComplete="off"
          autoCorrect="off"
          autoCapitalize="characters"
          spellCheck={false}
          enterKeyHint="go"
          placeholder={placeholder}
          aria-describedby={describedBy}
          aria-invalid={invalid ? true : undefined}
          className="block h-14 w-full rounded-lg border-2 border-neutral-400 bg-white px-4 font-mono text-xl text-neutral-900 placeholder:text-neutral-400 focus:border-blue-700 focus:outline-none focus:ring-4 focus:ring-blue-600/30 aria-[invalid=true]:border-red-700"
        />
        {busy && <Spinner className="absolute right-4 top-4.5 h-5 w-5 text-neutral-600" />}
      </div>
      <button
        type="button"
        onClick={() => {
          setTyping((t) => !t);
          inputRef.current?.focus();
        }}
        className={`h-14 shrink-0 rounded-lg border-2 border-neutral-400 bg-white px-4 text-base font-medium text-neutral-900 hover:bg-neutral-100 ${focusRing}`}
      >
        {typing ? labels.hideKeyboard : labels.typeCode}
      </button>
      <button
        type="button"
        aria-pressed={camera}
        data-testid={cameraTestId}
        onClick={onToggleCamera}
        className={`inline-flex h-14 shrink-0 items-center gap-2 rounded-lg border-2 px-4 text-base font-medium ${camera ? "border-blue-800 bg-blue-50 text-blue-900" : "border-neutral-400 bg-white text-neutral-900 hover:bg-neutral-100"} ${focusRing}`}
      >
        <CameraIcon />
        {labels.camera}
      </button>
    </div>
  );
}

/** The camera panel under the row, loaded on demand (components/operator/CameraScanner.tsx). */
export function ScanCamera({ onScan, onClose, hint, children }: { onScan: (text: string) => void; onClose: () => void; hint?: string; children?: ReactNode }) {
  return (
    <Suspense
      fallback={
        <div className="mt-4 flex h-24 items-center justify-center rounded-lg border-2 border-neutral-300 bg-neutral-50">
          <Spinner className="h-6 w-6 text-neutral-600" />
        </div>
      }
    >
      <CameraScanner onScan={onScan} onClose={onClose} hint={hint}>
        {children}
      </CameraScanner>
    </Suspense>
  );
}

function CameraIcon() {
  return (
    <svg viewBox="0 0 24 24" className="h-6 w-6" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      <path d="M4 8h3l2-3h6l2 3h3a1 1 0 0 1 1 1v9a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V9a1 1 0 0 1 1-1Z" />
      <circle cx="12" cy="13" r="3.5" />
    </svg>
  );
}
