// Shared class lists, so every control looks and focuses the same way.

/** Visible keyboard focus on every interactive element. */
export const focusRing = "focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-blue-600 focus-visible:ring-offset-2";

/** Text inputs and selects; 48px tall so they are easy to hit on a tablet. */
export const inputClass =
  "block h-12 w-full rounded-md border border-neutral-300 bg-white px-3 text-base text-neutral-900 shadow-sm placeholder:text-neutral-400 " +
  "focus:border-blue-600 focus:outline-none focus:ring-2 focus:ring-blue-600/30 disabled:cursor-not-allowed disabled:bg-neutral-100 disabled:text-neutral-500 " +
  "aria-[invalid=true]:border-red-600";
