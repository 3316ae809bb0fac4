import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Button } from "./Button";
import { Spinner } from "./Spinner";

/** What a screen shows while its data loads. */
export function LoadingState({ label }: { label?: string }) {
  const t = useTranslations("ui");
  return (
    <div role="status" className="flex items-center justify-center gap-3 py-16 text-neutral-600">
      <Spinner />
      <span>{label ?? t("loading")}</span>
    </div>
  );
}

/** What a screen shows when its data could not be loaded, with a way to try again. */
export function ErrorState({ title, message, onRetry }: { title?: string; message: string; onRetry?: () => void }) {
  const t = useTranslations("ui");
  return (
    <div role="alert" className="rounded-lg border border-red-200 bg-red-50 px-6 py-8 text-center">
      <p className="text-base font-semibold text-red-800">{title ?? t("loadFailed")}</p>
      <p className="mt-1 text-sm text-red-700">{message}</p>
      {onRetry && (
        <Button variant="secondary" className="mt-4" onClick={onRetry}>
          {t("tryAgain")}
        </Button>
      )}
    </div>
  );
}

/** What a list shows when it has nothing in it. */
export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="px-6 py-12 text-center">
      <p className="text-base font-medium text-neutral-900">{title}</p>
      {children && <div className="mt-1 text-sm text-neutral-600">{children}</div>}
    </div>
  );
}
