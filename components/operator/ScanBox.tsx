import { useRouter } from "next/router";
import { useId, useRef, useState, type FormEvent } from "react";
import { ApiError, apiFetch, errorMessage } from "../api";
import { useApiAction } from "../forms/useApiAction";
import { Spinner } from "../ui/Spinner";
import { focusRing } from "../ui/styles";
import { woDetailUrl } from "../workorders/detail/useWoDetail";
import type { WoDetail } from "../workorders/detail/types";
import { parseWoCode } from "./scanCode";
import { useScanFocus } from "./useScanFocus";

/**
 * The box a keyboard-wedge scanner types into: a WO code followed by Enter opens that work order.
 * It keeps the focus while nothing else is going on, so a scan always lands. The on-screen keyboard
 * stays down (inputmode="none") because the scanner is the keyboard; "Type a code" brings it up.
 */
export function ScanBox({ ownOnly, compact = false }: { ownOnly: boolean; /** One line, for pages where the scan box is secondary. */ compact?: boolean }) {
  const router = useRouter();
  const ref = useRef<HTMLInputElement>(null);
  const id = useId();
  const [value, setValue] = useState("");
  const [typing, setTyping] = useState(false);
  const lookup = useApiAction<"open">();
  const busy = lookup.busy !== null;
  const [message, setMessage] = useState<string | null>(null);
  useScanFocus(ref);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const raw = value;
    setValue("");
    ref.current?.focus();
    if (!raw.trim()) return;
    const code = parseWoCode(raw);
    if (!code) {
      setMessage(`“${raw.trim().slice(0, 40)}” is not a work order code. Codes look like WO-000123.`);
      return;
    }
    setMessage(null);
    // A lookup (GET): the action key is not sent, the hook only keeps the busy state.
    const found = await lookup.run("open", code, () => apiFetch<WoDetail>(woDetailUrl(code)));
    if (found.ok) {
      await router.push(`/workorders/${found.value.id}`);
      return;
    }
    const err = found.error;
    if (err instanceof ApiError && err.status === 404) {
      setMessage(ownOnly ? `${code} was not found, or it is not assigned to you. Check the code, or ask your planner.` : `There is no work order ${code}. Check the code.`);
    } else {
      setMessage(`Could not open ${code}: ${errorMessage(err)}`);
    }
  }

  return (
    <form onSubmit={onSubmit} role="search" aria-label="Scan a work order" className={`rounded-xl bg-white shadow-sm ${compact ? "border border-neutral-300 p-3" : "border-2 border-neutral-900 p-4"}`} data-testid="scan-box">
      <label htmlFor={`${id}-code`} className={compact ? "sr-only" : "flex items-center gap-2 text-base font-semibold text-neutral-900"}>
        {!compact && <ScanIcon />}
        Scan a work order sheet
      </label>
      <div className={`flex items-center gap-3 ${compact ? "" : "mt-3"}`}>
        {compact && <ScanIcon />}
        <div className="relative flex-1">
          <input
            ref={ref}
            id={`${id}-code`}
            name="code"
            value={value}
            onChange={(e) => {
              setValue(e.target.value);
              // A new scan starts: the last one's message no longer applies.
              setMessage(null);
            }}
            inputMode={typing ? "text" : "none"}
            autoComplete="off"
            autoCorrect="off"
            autoCapitalize="characters"
            spellCheck={false}
            enterKeyHint="go"
            placeholder={compact ? "Scan the next sheet" : "WO-000123"}
            aria-describedby={`${id}-hint${message ? ` ${id}-msg` : ""}`}
            aria-invalid={message ? true : undefined}
            className="block h-14 w-full rounded-lg border-2 border-neutral-400 bg-white px-4 font-mono text-xl text-neutral-900 placeholder:text-neutral-400 focus:border-blue-700 focus:outline-none focus:ring-4 focus:ring-blue-600/30 aria-[invalid=true]:border-red-700"
          />
          {busy && <Spinner className="absolute right-4 top-4.5 h-5 w-5 text-neutral-600" />}
        </div>
        <button
          type="button"
          onClick={() => {
            setTyping((t) => !t);
            ref.current?.focus();
          }}
          className={`h-14 shrink-0 rounded-lg border-2 border-neutral-400 bg-white px-4 text-base font-medium text-neutral-900 hover:bg-neutral-100 ${focusRing}`}
        >
          {typing ? "Hide keyboard" : "Type a code"}
        </button>
      </div>
      <p id={`${id}-hint`} className={compact ? "sr-only" : "mt-2 text-sm text-neutral-600"}>
        Point the scanner at the barcode or QR code of the sheet, or type the code and press Enter.
      </p>
      <div aria-live="assertive">
        {message && (
          <p id={`${id}-msg`} data-testid="scan-message" className="mt-3 rounded-md border border-red-300 bg-red-50 px-4 py-3 text-base font-medium text-red-900">
            {message}
          </p>
        )}
      </div>
    </form>
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
