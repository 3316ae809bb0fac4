import { useId, type InputHTMLAttributes, type ReactNode, type Ref, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";
import { inputClass } from "./styles";

/** What a control needs to be tied to its label, hint and error (for screen readers and tests). */
export interface FieldControl {
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
}

interface FieldProps {
  label: ReactNode;
  hint?: ReactNode;
  /** The message next to the field; it already names the field ("Quantity must be greater than 0"). */
  error?: string;
  /** Warnings do not block saving (e.g. a deadline in the past); shown when there is no error. */
  warning?: string;
  id?: string;
  className?: string;
  /** Renders the control with the ids it must carry. */
  children: (control: FieldControl) => ReactNode;
}

/** One form field: label, the control, then its hint, warning or error right below it. */
export function Field({ label, hint, error, warning, id, className, children }: FieldProps) {
  const auto = useId();
  const fieldId = id ?? auto;
  const note = error ? "error" : warning ? "warning" : hint ? "hint" : null;
  const noteId = note ? `${fieldId}-${note}` : undefined;
  return (
    <div className={className}>
      <label htmlFor={fieldId} className="mb-1.5 block text-sm font-medium text-neutral-800">
        {label}
      </label>
      {children({ id: fieldId, "aria-invalid": error ? true : undefined, "aria-describedby": noteId })}
      {note === "error" && (
        <p id={noteId} className="mt-1.5 text-sm text-red-700">
          {error}
        </p>
      )}
      {note === "warning" && (
        <p id={noteId} className="mt-1.5 text-sm font-medium text-amber-800" data-testid="field-warning">
          {warning}
        </p>
      )}
      {note === "hint" && (
        <p id={noteId} className="mt-1.5 text-sm text-neutral-500">
          {hint}
        </p>
      )}
    </div>
  );
}

type Shared = { label: string; hint?: string; error?: string; warning?: string };

type TextFieldProps = InputHTMLAttributes<HTMLInputElement> & Shared & { ref?: Ref<HTMLInputElement> };

/** A labelled text input with an optional hint, warning or error below it. */
export function TextField({ label, hint, error, warning, id, className = "", ...rest }: TextFieldProps) {
  return (
    <Field label={label} hint={hint} error={error} warning={warning} id={id}>
      {(c) => <input {...c} className={`${inputClass} ${className}`} {...rest} />}
    </Field>
  );
}

type SelectFieldProps = SelectHTMLAttributes<HTMLSelectElement> & Shared & { ref?: Ref<HTMLSelectElement> };

/** A labelled select. */
export function SelectField({ label, hint, error, warning, id, className = "", children, ...rest }: SelectFieldProps) {
  return (
    <Field label={label} hint={hint} error={error} warning={warning} id={id}>
      {(c) => (
        <select {...c} className={`${inputClass} ${className}`} {...rest}>
          {children}
        </select>
      )}
    </Field>
  );
}

type TextAreaFieldProps = TextareaHTMLAttributes<HTMLTextAreaElement> & Shared & { ref?: Ref<HTMLTextAreaElement> };

const textareaClass =
  "block min-h-24 w-full rounded-md border border-neutral-300 bg-white px-3 py-2.5 text-base text-neutral-900 shadow-sm placeholder:text-neutral-400 focus:border-blue-600 focus:outline-none focus:ring-2 focus:ring-blue-600/30 disabled:cursor-not-allowed disabled:bg-neutral-100 aria-[invalid=true]:border-red-600";

/** A labelled multi-line text input, styled like TextField. */
export function TextAreaField({ label, hint, error, warning, id, className = "", ...rest }: TextAreaFieldProps) {
  return (
    <Field label={label} hint={hint} error={error} warning={warning} id={id}>
      {(c) => <textarea {...c} className={`${textareaClass} ${className}`} {...rest} />}
    </Field>
  );
}

/** The error of a group of radios or a custom control (a fieldset), with the same look as Field's. */
export function FieldError({ id, error }: { id?: string; error?: string }) {
  if (!error) return null;
  return (
    <p id={id} className="mt-1.5 text-sm text-red-700">
      {error}
    </p>
  );
}
