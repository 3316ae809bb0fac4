import { useTranslations } from "next-intl";
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

/** What the last scan came to, kept as data so it reads in the current language when shown. */
type ScanMessage =
  | { kind: "notACode"; text: string }
  | { kind: "notFoundOwn" | "notFound"; code: string }
  | { kind: "failed"; code: string; error: string };

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
  const [scanned, setScanned] = useState<ScanMessage | null>(null);
  const t = useTranslations("operator");
  useScanFocus(ref);

  function messageText(m: ScanMessage): string {
    switch (m.kind) {
      case "notACode":
        return t("scan.notACode", { text: m.text });
      case "notFoundOwn":
        return t("scan.notFoundOwn", { code: m.code });
      case "notFound":
        return t("scan.notFound", { code: m.code });
      case "failed":
        return t("scan.failed", { code: m.code, error: m.error });
    }
  }
  const message = scanned === null ? null : messageText(scanned);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const raw = value;
    setValue("");
    ref.current?.focus();
    if (!raw.trim()) return;
    const code = parseWoCode(raw);
    if (!code) {
      setScanned({ kind: "notACode", text: raw.trim().slice(0, 40) });
      return;
    }
    setScanned(null);
    // A lookup (GET): the action key is not sent, the hook only keeps the busy state.
    const found = await lookup.run("open", code, () => apiFetch<WoDetail>(woDetailUrl(code)));
    if (found.ok) {
      await router.push(`/workorders/${found.value.id}`);
      return;
    }
    const err = found.error;
    if (err instanceof ApiError && err.status === 404) {
      setScanned({ kind: ownOnly ? "notFoundOwn" : "notFound", code });
    } else {
      setScanned({ kind: "failed", code, error: errorMessage(err) });
    }
  }

  return (
    <form onSubmit={onSubmit} role="search" aria-label={t("scan.formLabel")} className={`rounded-xl bg-white shadow-sm ${compact ? "border border-neutral-300 p-3" : "border-2 border-neutral-900 p-4"}`} data-testid="scan-box">
      <label htmlFor={`${id}-code`} className={compact ? "sr-only" : "flex items-center gap-2 text-base font-semibold text-neutral-900"}>
        {!compact && <ScanIcon />}
        {t("scan.label")}
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
              setScanned(null);
            }}
            inputMode={typing ? "text" : "none"}
            autoComplete="off"
            autoCorrect="off"
            autoCapitalize="characters"
            spellCheck={false}
            enterKeyHint="go"
            placeholder={compact ? t("scan.placeholderCompact") : t("scan.placeholder")}
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
          {typing ? t("scan.hideKeyboard") : t("scan.typeCode")}
        </button>
      </div>
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
