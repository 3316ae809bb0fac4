import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, type ReactNode } from "react";
import { createPortal } from "react-dom";
import { Alert } from "./Alert";
import { Button } from "./Button";

interface Props {
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  /** Red confirm button for what cannot be taken back lightly (deactivate, end sessions). */
  danger?: boolean;
  busy?: boolean;
  /** Why the last attempt failed, shown inside the dialog. */
  error?: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * A modal question before a consequential change (the browser's <dialog>: focus stays inside,
 * Escape cancels), portalled to <body> so it may be opened from inside a table row. Rendered only while open.
 */
export function ConfirmDialog({ title, children, confirmLabel, danger = false, busy = false, error, onConfirm, onCancel }: Props) {
  const t = useTranslations("ui");
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);

  return createPortal(
    <dialog
      ref={ref}
      aria-labelledby={`${id}-title`}
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onCancel();
      }}
      className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-lg border border-neutral-200 bg-white p-0 shadow-xl backdrop:bg-neutral-900/40"
    >
      <div className="space-y-4 p-5 sm:p-6">
        <h2 id={`${id}-title`} className="text-lg font-semibold text-neutral-900">
          {title}
        </h2>
        {children && <div className="text-sm text-neutral-700">{children}</div>}
        {error && <Alert tone="error">{error}</Alert>}
        <div className="flex flex-wrap justify-end gap-3">
          <Button variant="secondary" size="lg" onClick={onCancel} disabled={busy}>
            {t("cancel")}
          </Button>
          <Button variant={danger ? "danger" : "primary"} size="lg" busy={busy} onClick={onConfirm} autoFocus>
            {confirmLabel}
          </Button>
        </div>
      </div>
    </dialog>,
    document.body,
  );
}
