import { useId, useState, type InputHTMLAttributes, type Ref } from "react";
import { focusRing, inputClass } from "./styles";

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, "type"> & { label: string; hint?: string; error?: string; ref?: Ref<HTMLInputElement> };

/** A labelled password input with a show/hide toggle (typing on a tablet is error-prone). */
export function PasswordField({ label, hint, error, id, className = "", ...rest }: Props) {
  const auto = useId();
  const fieldId = id ?? auto;
  const [visible, setVisible] = useState(false);
  const note = error ? { id: `${fieldId}-error`, text: error, cls: "text-red-700" } : hint ? { id: `${fieldId}-hint`, text: hint, cls: "text-neutral-500" } : null;
  return (
    <div>
      <label htmlFor={fieldId} className="mb-1.5 block text-sm font-medium text-neutral-800">
        {label}
      </label>
      <div className="relative">
        <input
          id={fieldId}
          type={visible ? "text" : "password"}
          aria-invalid={error ? true : undefined}
          aria-describedby={note?.id}
          className={`${inputClass} pr-20 ${className}`}
          {...rest}
        />
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
      {note && (
        <p id={note.id} className={`mt-1.5 text-sm ${note.cls}`}>
          {note.text}
        </p>
      )}
    </div>
  );
}
