import { useId, useState, type InputHTMLAttributes, type Ref } from "react";
import { focusRing, inputClass } from "./styles";

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, "type"> & { label: string; hint?: string; ref?: Ref<HTMLInputElement> };

/** A labelled password input with a show/hide toggle (typing on a tablet is error-prone). */
export function PasswordField({ label, hint, id, className = "", ...rest }: Props) {
  const auto = useId();
  const fieldId = id ?? auto;
  const [visible, setVisible] = useState(false);
  return (
    <div>
      <label htmlFor={fieldId} className="mb-1.5 block text-sm font-medium text-neutral-800">
        {label}
      </label>
      <div className="relative">
        <input id={fieldId} type={visible ? "text" : "password"} aria-describedby={hint ? `${fieldId}-hint` : undefined} className={`${inputClass} pr-20 ${className}`} {...rest} />
        <button
          type="button"
          onClick={() => setVisible((v) => !v)}
          aria-pressed={visible}
          aria-controls={fieldId}
          className={`absolute inset-y-0 right-0 my-1 mr-1 rounded px-3 text-sm font-medium text-neutral-600 hover:bg-neutral-100 hover:text-neutral-900 ${focusRing}`}
        >
          {visible ? "Hide" : "Show"}
          <span className="sr-only"> password</span>
        </button>
      </div>
      {hint && (
        <p id={`${fieldId}-hint`} className="mt-1.5 text-sm text-neutral-500">
          {hint}
        </p>
      )}
    </div>
  );
}
