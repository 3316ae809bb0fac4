import type { ReactNode } from "react";

type Tone = "green" | "neutral" | "blue";

const TONES: Record<Tone, string> = {
  green: "bg-green-50 text-green-800 ring-green-600/20",
  neutral: "bg-neutral-100 text-neutral-700 ring-neutral-500/20",
  blue: "bg-blue-50 text-blue-800 ring-blue-600/20",
};

/** A small status label. */
export function Badge({ tone = "neutral", children }: { tone?: Tone; children: ReactNode }) {
  return <span className={`inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ring-inset ${TONES[tone]}`}>{children}</span>;
}
