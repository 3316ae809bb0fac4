import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { TouchButton } from "../workorders/detail/TouchButton";
import { focusRing } from "../ui/styles";

const DIGITS = ["1", "2", "3", "4", "5", "6", "7", "8", "9"] as const;

/**
 * A large numeric pad for a 4–8 digit PIN (gloved fingers; no on-screen keyboard), which also takes
 * a hardware keyboard's digits. The digits are never shown, only how many were entered.
 */
export function PinPad({ name, busy, error, onSubmit, onCancel }: { name: string; busy: boolean; error: string | null; onSubmit: (pin: string) => void; onCancel: () => void }) {
  const t = useTranslations("station");
  const [pin, setPin] = useState("");
  const add = (d: string) => setPin((p) => (p.length < 8 ? p + d : p));
  const submit = () => {
    if (pin.length >= 4 && !busy) {
      onSubmit(pin);
      setPin("");
    }
  };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (/^\d$/.test(e.key)) add(e.key);
      else if (e.key === "Backspace") setPin((p) => p.slice(0, -1));
      else if (e.key === "Enter") submit();
      else if (e.key === "Escape") onCancel();
      else return;
      e.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });
  const key = `h-20 rounded-xl border-2 border-neutral-300 bg-white text-3xl font-semibold text-neutral-900 hover:bg-neutral-100 active:bg-neutral-200 disabled:opacity-50 ${focusRing}`;
  return (
    <section aria-labelledby="pin-title" className="mx-auto max-w-md space-y-4" data-testid="pin-pad">
      <h2 id="pin-title" className="text-2xl font-semibold text-neutral-900">
        {t("pin.title", { name })}
      </h2>
      <div role="status" aria-label={t("pin.label")} className="flex h-16 items-center justify-center gap-3 rounded-xl border-2 border-neutral-900 bg-white" data-testid="pin-dots">
        {Array.from({ length: Math.max(4, pin.length) }, (_, i) => (
          <span key={i} aria-hidden="true" className={`h-5 w-5 rounded-full ${i < pin.length ? "bg-neutral-900" : "border-2 border-neutral-400"}`} />
        ))}
        <span className="sr-only">{t("pin.entered", { count: pin.length })}</span>
      </div>
      {error && (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-base font-medium text-red-900" data-testid="pin-error">
          {error}
        </p>
      )}
      <div className="grid grid-cols-3 gap-3">
        {DIGITS.map((d) => (
          <button key={d} type="button" className={key} disabled={busy} onClick={() => add(d)} aria-label={t("pin.digit", { digit: d })}>
            {d}
          </button>
        ))}
        <button type="button" className={`${key} text-lg`} disabled={busy} onClick={() => setPin("")}>
          {t("pin.clear")}
        </button>
        <button type="button" className={key} disabled={busy} onClick={() => add("0")} aria-label={t("pin.digit", { digit: "0" })}>
          0
        </button>
        <button type="button" className={`${key} text-lg`} disabled={busy} onClick={() => setPin((p) => p.slice(0, -1))} aria-label={t("pin.back")}>
          ⌫
        </button>
      </div>
      <div className="flex gap-3">
        <TouchButton size="xl" tone="neutral" className="flex-1" onClick={onCancel}>
          {t("pin.cancel")}
        </TouchButton>
        <TouchButton size="xl" tone="start" className="flex-1" busy={busy} disabled={pin.length < 4} onClick={submit}>
          {t("pin.ok")}
        </TouchButton>
      </div>
    </section>
  );
}
