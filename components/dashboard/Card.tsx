import type { ReactNode } from "react";

/** A titled panel of a dashboard. */
export function Panel({ title, action, children, testId }: { title: string; action?: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <section className="rounded-lg border border-neutral-200 bg-white p-5 shadow-sm" data-testid={testId}>
      <div className="mb-3 flex items-center justify-between gap-3">
        <h2 className="text-base font-semibold text-neutral-900">{title}</h2>
        {action}
      </div>
      {children}
    </section>
  );
}

/** One KPI figure. */
export function Stat({ label, value, hint, tone = "neutral", testId }: { label: string; value: ReactNode; hint?: string; tone?: "neutral" | "bad" | "good"; testId?: string }) {
  const color = tone === "bad" ? "text-red-700" : tone === "good" ? "text-green-700" : "text-neutral-900";
  return (
    <div className="rounded-lg border border-neutral-200 bg-white p-4 shadow-sm" data-testid={testId}>
      <p className="text-sm text-neutral-600">{label}</p>
      <p className={`mt-1 text-3xl font-semibold tabular-nums ${color}`}>{value}</p>
      {hint && <p className="mt-1 text-xs text-neutral-500">{hint}</p>}
    </div>
  );
}
