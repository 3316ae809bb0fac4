import { useId, type TextareaHTMLAttributes } from "react";

type Props = TextareaHTMLAttributes<HTMLTextAreaElement> & { label: string; hint?: string; error?: string };

/** A labelled multi-line text input, styled like the shared TextField. */
export function TextAreaField({ label, hint, error, id, className = "", ...rest }: Props) {
  const auto = useId();
  const fieldId = id ?? auto;
  const noteId = error ? `${fieldId}-error` : hint ? `${fieldId}-hint` : undefined;
  return (
    <div>
      <label htmlFor={fieldId} className="mb-1.5 block text-sm font-medium text-neutral-800">
        {label}
      </label>
      <textarea
        id={fieldId}
        aria-invalid={error ? true : undefined}
        aria-describedby={noteId}
        className={`block min-h-24 w-full rounded-md border border-neutral-300 bg-white px-3 py-2.5 text-base text-neutral-900 shadow-sm placeholder:text-neutral-400 focus:border-blue-600 focus:outline-none focus:ring-2 focus:ring-blue-600/30 disabled:cursor-not-allowed disabled:bg-neutral-100 aria-[invalid=true]:border-red-600 ${className}`}
        {...rest}
      />
      {noteId && (
        <p id={noteId} className={`mt-1.5 text-sm ${error ? "text-red-700" : "text-neutral-500"}`}>
          {error ?? hint}
        </p>
      )}
    </div>
  );
}
