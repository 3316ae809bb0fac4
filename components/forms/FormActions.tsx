import { useTranslations } from "next-intl";
import type { FieldValues } from "react-hook-form";
import { Button } from "../ui/Button";
import type { ApiForm } from "./useApiForm";

interface Props<V extends FieldValues> {
  form: ApiForm<V>;
  /** The submit button's words ("Create user"). */
  submit: string;
  /** The way out ("Back", "Keep the order"; default Cancel); it forgets the kept draft. */
  cancel?: string;
  onCancel: () => void;
  danger?: boolean;
  className?: string;
}

/** A form's two buttons: submit (busy while sending) and the way out, which drops the draft. */
export function FormActions<V extends FieldValues>({ form, submit, cancel, onCancel, danger = false, className = "flex flex-wrap gap-3" }: Props<V>) {
  const t = useTranslations("ui");
  return (
    <div className={className}>
      <Button type="submit" size="lg" variant={danger ? "danger" : "primary"} busy={form.busy}>
        {submit}
      </Button>
      <Button
        variant="secondary"
        size="lg"
        onClick={() => {
          form.discard();
          onCancel();
        }}
        disabled={form.busy}
      >
        {cancel ?? t("cancel")}
      </Button>
    </div>
  );
}
