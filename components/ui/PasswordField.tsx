import { useTranslations } from "next-intl";
import { useState, type InputHTMLAttributes, type ReactNode, type Ref } from "react";
import { Field } from "./Field";
import { focusRing, inputClass } from "./styles";

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, "type"> & { label: string; hint?: string; error?: string; ref?: Ref<HTMLInputElement> };

// The words only screen readers hear ("Show password" for a button that shows "Show").
const sr = (chunks: ReactNode) => <span className="sr-only">{chunks}</span>;

/** A labelled password input with a show/hide toggle (typing on a tablet is error-prone). */
export function PasswordField({ label, hint, error, id, className = "", ...rest }: Props) {
  const t = useTranslations("ui");
  const [visible, setVisible] = useState(false);
  return (
    <Field label={label} hint={hint} error={error} id={id}>
      {(c) => (
        <div className="relative">
          <input {...c} type={visible ? "text" : "password"} className={`${inputClass} pr-20 ${className}`} {...rest} />
          <button
            type="button"
            onClick={() => setVisible((v) => !v)}
            aria-pressed={visible}
            aria-controls={c.id}
            className={`absolute inset-y-0 right-0 my-1 mr-1 rounded px-3 text-sm font-medium text-neutral-600 hover:bg-neutral-100 hover:text-neutral-900 ${focusRing}`}
          >
            {visible ? t.rich("password.hide", { sr }) : t.rich("password.show", { sr })}
          </button>
        </div>
      )}
    </Field>
  );
}
