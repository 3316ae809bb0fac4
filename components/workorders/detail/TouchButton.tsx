import type { ButtonHTMLAttributes } from "react";
import { Spinner } from "../../ui/Spinner";
import { focusRing } from "../../ui/styles";

type Tone = "start" | "pause" | "complete" | "neutral";
type Size = "lg" | "xl";

// High-contrast fills that stay readable in a bright workshop; each action has its own colour
// AND its own word, so colour is never the only signal.
const TONES: Record<Tone, string> = {
  start: "bg-blue-700 text-white hover:bg-blue-800 disabled:bg-neutral-400",
  pause: "bg-amber-400 text-neutral-950 hover:bg-amber-500 disabled:bg-neutral-300 disabled:text-neutral-600",
  complete: "bg-green-700 text-white hover:bg-green-800 disabled:bg-neutral-400",
  neutral: "border-2 border-neutral-400 bg-white text-neutral-900 hover:bg-neutral-100 disabled:text-neutral-400",
};

// lg 48px (desk), xl 64px (the gloved tablet): both at or above the 48px floor of the operator view.
const SIZES: Record<Size, string> = {
  lg: "h-12 min-w-32 px-5 text-base",
  xl: "h-16 min-w-40 px-6 text-lg",
};

export interface TouchButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  tone?: Tone;
  size?: Size;
  busy?: boolean;
}

/** The large action buttons of work order execution (start / pause / resume / complete). */
export function TouchButton({ tone = "neutral", size = "xl", busy = false, disabled, className = "", children, type = "button", ...rest }: TouchButtonProps) {
  return (
    <button
      type={type}
      disabled={disabled || busy}
      aria-busy={busy || undefined}
      className={`inline-flex items-center justify-center gap-2 rounded-lg font-semibold shadow-sm transition-colors disabled:cursor-not-allowed ${TONES[tone]} ${SIZES[size]} ${focusRing} ${className}`}
      {...rest}
    >
      {busy && <Spinner className="h-5 w-5" />}
      {children}
    </button>
  );
}
