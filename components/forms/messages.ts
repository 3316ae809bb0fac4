// Turning validation messages into sentences people read next to a field: the schemas say "is
// required" or "must be 0 or more" about a key; the form says "SKU is required" under the SKU box.
// And in the person's language: the API keeps a stable `code` and English `message` (and zod's issue
// code per field in `details`); English screens show the API's own words, other languages translate
// by code (errors namespace: `code.*` for a refusal, `field.*` for a field), falling back to the
// English message only for a code or message this file does not know.
import { useLocale, useTranslations } from "next-intl";
import { useCallback } from "react";
import { ApiError } from "../api";

/** The labels of a form's fields, by field name (the API's body key). */
export type Labels = Readonly<Record<string, string>>;

/**
 * A message about a field as a sentence with the field's label: "is required" → "SKU is required".
 * Messages that are already sentences ("Enter a number", "Metal Table is counted in pcs: …") stay.
 */
export function labelled(label: string | undefined, message: string): string {
  const text = message.trim().replace(/\.$/, "");
  if (!label || !/^[a-z]/.test(text)) return text;
  return `${label} ${text}`;
}

/**
 * A field error from the API or the form's own check: which field (the body's key, e.g. "quantity" or
 * "components.0.qtyPerUnit"), the English message, and, when zod made it, its issue code and bounds.
 */
export interface DetailIssue {
  path: string;
  message: string;
  code?: string;
  minimum?: number;
  maximum?: number;
  origin?: string;
  format?: string;
  /** Whether the value was missing (an invalid_type of undefined/null is "is required"). */
  missing?: boolean;
}

/** The `details` of a 400 (`[{ path, message, code, … }]`), or [] for any other failure. */
export function detailIssues(err: unknown): DetailIssue[] {
  if (!(err instanceof ApiError) || !Array.isArray(err.details)) return [];
  const out: DetailIssue[] = [];
  for (const d of err.details as unknown[]) {
    if (typeof d !== "object" || d === null) continue;
    const { path, message, code, minimum, maximum, origin, format } = d as Record<string, unknown>;
    const key = Array.isArray(path) ? path.join(".") : typeof path === "string" ? path : null;
    if (key === null || typeof message !== "string") continue;
    out.push({
      path: key,
      message,
      ...(typeof code === "string" ? { code } : {}),
      ...(typeof minimum === "number" ? { minimum } : {}),
      ...(typeof maximum === "number" ? { maximum } : {}),
      ...(typeof origin === "string" ? { origin } : {}),
      ...(typeof format === "string" ? { format } : {}),
    });
  }
  return out;
}

/** "the marked field: Quantity" / "the marked fields: SKU, Name" for the summary above a form (English; see useFormMessages). */
export function checkFieldsMessage(labels: string[]): string {
  const unique = [...new Set(labels)];
  return unique.length === 1 ? `Check the marked field: ${unique[0]}.` : `Check the marked fields: ${unique.join(", ")}.`;
}

/** next-auth's `?error=` codes (and ours) that have their own message in errors `code.*`; others are "SIGNIN_FAILED". */
const SIGN_IN_CODES = new Set(["CredentialsSignin", "AccessDenied", "SessionRequired", "AccountDeactivated"]);

/** The errors-catalog code of a sign-in failure (`/signin?error=…`). */
export function signInErrorCode(code: string): string {
  return SIGN_IN_CODES.has(code) ? code : "SIGNIN_FAILED";
}

/** Codes with a message in the errors namespace (`code.<CODE>`): API codes and the browser's own. */
const KNOWN_CODES = new Set([
  "VALIDATION_FAILED",
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "METHOD_NOT_ALLOWED",
  "INVALID_STATE",
  "INSUFFICIENT_STOCK",
  "CONFLICT",
  "PAYLOAD_TOO_LARGE",
  "UNSUPPORTED_MEDIA_TYPE",
  "RATE_LIMITED",
  "SERVICE_UNAVAILABLE",
  "IDEMPOTENCY_MISMATCH",
  "IN_PROGRESS",
  "INTERNAL",
  "NETWORK",
  "CSRF",
  "SIGNIN_FAILED",
  ...SIGN_IN_CODES,
]);

/**
 * The schemas' own English messages (lib/**\/schemas.ts, lib/validation) and the key of their
 * translation in errors `field.msg.*`; a message not listed is translated by its zod issue code.
 */
const KNOWN_MESSAGES: Readonly<Record<string, string>> = {
  "is required": "required",
  "must not be empty (send null to clear it)": "required",
  "must be a valid id": "invalidId",
  "must be a valid product id": "invalidId",
  "must be greater than 0": "positive",
  "must be greater than zero": "positive",
  "must be 0 or more": "nonNegative",
  "must be 1 or more": "atLeastOne",
  "must not be zero": "notZero",
  "must have at most 4 decimals": "maxDecimals",
  "must be a whole number": "wholeNumber",
  "must be a number": "number",
  "must be a date": "date",
  "must be an email address": "email",
  "must be at least 8 characters": "passwordLength",
  "must be at most 72 bytes": "passwordBytes",
  "must contain a letter and a digit": "passwordMix",
  "must not contain NUL characters or unpaired surrogates": "badCharacters",
  "must be text": "text",
  "is too large": "tooLarge",
  "nothing to change": "nothingToChange",
  "must not be before from": "notBeforeFrom",
  "must be after from": "afterFrom",
  "the period may span at most 5 years": "periodTooLong",
  "no such product": "noSuchProduct",
  "no such work center": "noSuchWorkCenter",
  "no such active work center": "noSuchWorkCenter",
  "no such user": "noSuchUser",
  "not active": "notActive",
  "not an active operator, manager or admin": "notAssignable",
  "product is archived": "archived",
  "Enter a number": "enterNumber",
};

type Translate = ReturnType<typeof useTranslations<"errors">>;

/** The short products of an INSUFFICIENT_STOCK refusal's details, or []. */
function shortagesOf(details: unknown): { sku: string; shortBy: number; uom: string }[] {
  const list = (details as { shortages?: unknown } | undefined)?.shortages;
  if (!Array.isArray(list)) return [];
  return list.flatMap((s: unknown) => {
    const { sku, shortBy, uom } = (s ?? {}) as Record<string, unknown>;
    return typeof sku === "string" && typeof shortBy === "number" && typeof uom === "string" ? [{ sku, shortBy, uom }] : [];
  });
}

/** The message of any failure in `locale`: see the module comment. */
export function errorTextIn(err: unknown, te: Translate, locale: string): string {
  if (!(err instanceof ApiError)) return te("code.UNKNOWN");
  if (locale === "en") return err.message;
  // A non-JSON answer (a proxy's error page): errorFromResponse names it HTTP_<status>.
  if (/^HTTP_\d{3}$/.test(err.code)) return te("code.HTTP", { status: err.status });
  // A refused posting names what is short (details.shortages): say which, not only that.
  const shortages = err.code === "INSUFFICIENT_STOCK" ? shortagesOf(err.details) : [];
  if (shortages.length) return te("stock.short", { items: shortages.map((s) => te("stock.item", s)).join(", ") });
  return KNOWN_CODES.has(err.code) ? te(`code.${err.code}`) : err.message;
}

/** The predicate of a field message in `locale` ("is required" / "is verplicht"), before the label. */
export function fieldTextIn(issue: DetailIssue, te: Translate, locale: string): string {
  if (locale === "en") return issue.message;
  const known = KNOWN_MESSAGES[issue.message.trim().replace(/\.$/, "")];
  if (known) return te(`field.msg.${known}`);
  const bound = { minimum: issue.minimum ?? 0, maximum: issue.maximum ?? 0 };
  const kind = issue.origin === "string" ? "String" : issue.origin === "array" ? "Array" : "";
  switch (issue.code) {
    case "invalid_type":
      return te(issue.missing || /required/.test(issue.message) ? "field.code.required" : "field.code.invalid_type");
    case "too_small":
      return issue.minimum === undefined ? te("field.code.invalid") : te(`field.code.too_small${kind}`, bound);
    case "too_big":
      return issue.maximum === undefined ? te("field.code.invalid") : te(`field.code.too_big${kind}`, bound);
    case "invalid_format":
      return te(issue.format === "email" ? "field.msg.email" : "field.code.invalid_format");
    case "invalid_value":
      return te("field.code.invalid_value");
    case "not_multiple_of":
    case "custom":
    case "unrecognized_keys":
      return te("field.code.invalid");
    default:
      // A message this file cannot read: the API's own English words rather than a wrong guess.
      return issue.message;
  }
}

/** What the form layer says, in the person's language: failures, field messages and the summary. */
export function useFormMessages() {
  const te = useTranslations("errors");
  const locale = useLocale();
  const errorText = useCallback((err: unknown) => errorTextIn(err, te, locale), [te, locale]);
  const fieldText = useCallback((label: string | undefined, issue: DetailIssue) => labelled(label, fieldTextIn(issue, te, locale)), [te, locale]);
  const checkFields = useCallback((labels: string[]) => {
    const unique = [...new Set(labels)];
    return te("form.checkFields", { count: unique.length, fields: unique.join(", ") });
  }, [te]);
  return { errorText, fieldText, checkFields, enterNumber: te("field.msg.enterNumber") };
}

/** The message of a failure (an ApiError by its code, anything else "Something went wrong"), translated. */
export function useErrorText(): (err: unknown) => string {
  return useFormMessages().errorText;
}
