// Free text as the database and the audit log can store it. Postgres refuses a NUL byte in text
// (22021) and a lone UTF-16 surrogate cannot become UTF-8 (22P05 once it reaches the audit JSON): both
// are refused here, as a 400 naming the field, before anything runs. Browser-safe.
import { z } from "zod";

// A high surrogate not followed by a low one, or a low surrogate not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why `s` cannot be stored as text, or null when it can. */
export function unstorableText(s: string): string | null {
  if (s.includes("\u0000")) return "must not contain NUL characters";
  if (LONE_SURROGATE.test(s)) return "must not contain unpaired surrogates (invalid Unicode)";
  return null;
}

/** A string that Postgres can store (no NUL, well-formed UTF-16); no trimming, no length rules. */
export const storableString = () =>
  z.string({ error: "must be a string" }).superRefine((s, ctx) => {
    const why = unstorableText(s);
    if (why) ctx.addIssue({ code: "custom", message: why });
  });

export interface TextOptions {
  /** Longest length after trimming. */
  max: number;
  /** Shortest length after trimming (default 1: empty text is refused). */
  min?: number;
  /** Message when shorter than `min` (default "must not be empty"). */
  emptyMessage?: string;
}

/** Trimmed, storable text of 1..max characters (or min..max). */
export function text({ max, min = 1, emptyMessage = "must not be empty" }: TextOptions) {
  return storableString().trim().min(min, emptyMessage).max(max, `must be at most ${max} characters`);
}

/** `text`, or absent. */
export const optionalText = (opts: TextOptions) => text(opts).optional();

/** A search filter (`?q=`): trimmed, storable, may be empty (matches everything). */
export const searchText = (max = 100) => text({ max, min: 0 });
