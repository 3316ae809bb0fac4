import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { FieldValues } from "react-hook-form";
import { Alert } from "../ui/Alert";
import { Button } from "../ui/Button";
import type { ApiForm } from "./useApiForm";

interface Props<V extends FieldValues> {
  form: ApiForm<V>;
  /** What did not happen ("Could not create the user"). */
  title: string;
  className?: string;
  /** Leave out "check the marked fields" (a one-field form: the message is right there). */
  onlyOther?: boolean;
  /** More about the failure (e.g. the shortage list of a refused withdrawal). */
  children?: ReactNode;
}

/** Above a form: a kept draft brought back, and why the last submit was refused. */
export function FormError<V extends FieldValues>({ form, title, className = "", onlyOther = false, children }: Props<V>) {
  const t = useTranslations("ui");
  const message = form.formError ?? (onlyOther ? null : form.summary);
  return (
    <>
      {form.restored && (
        <div className={`flex flex-wrap items-center gap-3 ${className}`} data-testid="draft-restored">
          <Alert tone="info" className="flex-1">
            {t("draft.restored")}
          </Alert>
          <Button variant="ghost" onClick={form.discard}>
            {t("draft.discard")}
          </Button>
        </div>
      )}
      {message && (
        <Alert tone="error" title={title} className={className}>
          {message}
          {children}
        </Alert>
      )}
    </>
  );
}
