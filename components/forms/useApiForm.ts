// The one way a screen sends a form to the API: react-hook-form validated by the API's own zod schema
// (lib/*/schemas.ts, browser-safe), so the browser refuses what the server would, with the same rules.
// It keeps the busy state, sends through sendJson with one idempotency key per user action, puts the
// API's field errors next to their fields, and keeps unsent input in sessionStorage (forms/draft.ts).
import { toNestErrors } from "@hookform/resolvers";
import { useCallback, useEffect, useRef, useState, type FormEvent } from "react";
import { useForm, type DefaultValues, type FieldError, type FieldErrors, type FieldValues, type Path, type Resolver, type UseFormReturn } from "react-hook-form";
import type { z } from "zod";
import { parseNumber } from "../format";
import { clearDraft, readDraft, writeDraft } from "./draft";
import { detailIssues, useFormMessages, type DetailIssue, type Labels } from "./messages";
import { ActionKeys } from "./actionKey";

/** The key (and only it) of an error that is not about one field: shown above the form. */
export const FORM_ERROR = "_form";

export interface ApiFormOptions<V extends FieldValues, B, R> {
  /** Names the kept draft (unique per form and record, e.g. `mo-edit:<id>`); null keeps none. */
  id: string | null;
  /** The API's schema for the body (the same one the route parses). */
  schema: z.ZodType;
  defaultValues: V;
  /** Field labels, for messages ("Quantity must be greater than 0") and the summary. */
  labels: Labels;
  /** Fields where a person types a number: anything else there is "Enter a number". */
  numbers?: readonly Path<V>[];
  /** API paths that belong to another field of the form (e.g. `change` → `quantity`). */
  aliases?: Readonly<Record<string, Path<V>>>;
  /** Fields never kept in the draft (passwords). */
  notKept?: readonly Path<V>[];
  /** Checks the schema cannot make (e.g. "choose a direction"), with finished sentences. */
  check?: (values: V) => Partial<Record<Path<V>, string>>;
  /** The body for the API; null when there is nothing to send (an edit that changed nothing). */
  toBody: (values: V) => B | null;
  /** Sends the body; `key` is this action's idempotency key. */
  send: (body: B, idempotencyKey: string) => Promise<R>;
  onSuccess: (result: R, values: V) => unknown;
  /** Called instead of sending when toBody gives null. */
  onUnchanged?: () => void;
}

export interface ApiForm<V extends FieldValues> {
  form: UseFormReturn<V>;
  register: UseFormReturn<V>["register"];
  /** The form's onSubmit. */
  onSubmit: (e?: FormEvent<HTMLFormElement>) => Promise<void>;
  busy: boolean;
  /** What went wrong that is not about one field (a conflict, the network…), or null. */
  formError: string | null;
  /** Which fields to check, when the refusal was about fields (their messages are next to them). */
  summary: string | null;
  /** What the API answered when it refused (for screens that show more, e.g. a shortage list). */
  failure: unknown;
  /** The message next to a field, with its label. */
  fieldError: (name: string) => string | undefined;
  /** Whether the form was filled from a kept draft (the screen says so and offers to discard it). */
  restored: boolean;
  /** Empties the form back to its defaults and forgets the draft (Cancel, Discard). */
  discard: () => void;
}

/**
 * Messages for issues the schema leaves to zod's defaults ("Invalid input: expected number, received
 * undefined"): a missing value is "is required", a value of the wrong kind "is not valid".
 */
function fallbackMessage(issue: { code?: string; input?: unknown }): string | undefined {
  if (issue.code !== "invalid_type") return undefined;
  return issue.input === undefined || issue.input === null ? "is required" : "is not valid";
}

/** A zod issue as the form layer reads it (its bounds for the translated messages). */
function issueOf(issue: z.core.$ZodIssue): DetailIssue {
  const i = issue as z.core.$ZodIssue & { minimum?: number | bigint; maximum?: number | bigint; origin?: string; format?: string };
  return {
    path: issue.path.join("."),
    message: issue.message,
    code: issue.code,
    ...(i.minimum !== undefined ? { minimum: Number(i.minimum) } : {}),
    ...(i.maximum !== undefined ? { maximum: Number(i.maximum) } : {}),
    ...(typeof i.origin === "string" ? { origin: i.origin } : {}),
    ...(typeof i.format === "string" ? { format: i.format } : {}),
    missing: issue.code === "invalid_type" && issue.message === "is required",
  };
}

/** Every leaf error of a nested errors object, by dotted path. */
function flatten(errors: FieldErrors, prefix = ""): [string, FieldError][] {
  const out: [string, FieldError][] = [];
  for (const [k, v] of Object.entries(errors)) {
    if (!v || typeof v !== "object") continue;
    const path = prefix ? `${prefix}.${k}` : k;
    if (typeof (v as FieldError).message === "string" && "type" in v) out.push([path, v as FieldError]);
    else out.push(...flatten(v as FieldErrors, path));
  }
  return out;
}

/** Reads a dotted path of a plain object. */
function at(values: unknown, path: string): unknown {
  return path.split(".").reduce<unknown>((o, k) => (o && typeof o === "object" ? (o as Record<string, unknown>)[k] : undefined), values);
}

/** A form bound to one API call: see the module comment. */
export function useApiForm<V extends FieldValues, B, R>(opts: ApiFormOptions<V, B, R>): ApiForm<V> {
  // The latest options, for the resolver and the submit handler (they run on events, after commit).
  const optsRef = useRef(opts);
  useEffect(() => {
    optsRef.current = opts;
  });
  const [busy, setBusy] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [summary, setSummary] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [restored, setRestored] = useState(false);
  const key = useRef(new ActionKeys());
  // The person's language for every message (a ref: the resolver and handlers run after commit).
  const messages = useFormMessages();
  const messagesRef = useRef(messages);
  useEffect(() => {
    messagesRef.current = messages;
  });

  // The field a path of the API belongs to (itself, an alias, or its top-level key for nested lists).
  const fieldOf = useCallback((path: string): string => {
    const { aliases = {}, labels } = optsRef.current;
    const mapped = (aliases as Record<string, string>)[path] ?? path;
    if (labels[mapped] !== undefined) return mapped;
    const top = mapped.split(".")[0]!;
    return labels[top] !== undefined ? mapped : FORM_ERROR;
  }, []);

  // Field names in the order the form lists them (its labels), for a summary that reads top to bottom.
  const inFormOrder = useCallback((fields: string[]): string[] => {
    const order = Object.keys(optsRef.current.labels);
    const rank = (f: string) => {
      const i = order.indexOf(f.split(".")[0]!);
      return i < 0 ? order.length : i;
    };
    return [...fields].sort((a, b) => rank(a) - rank(b));
  }, []);

  const labelOf = useCallback((field: string): string | undefined => {
    const { labels } = optsRef.current;
    return labels[field] ?? labels[field.split(".").slice(-1)[0]!];
  }, []);

  const resolver = useCallback<Resolver<V>>(
    async (values, _context, options) => {
      const { numbers = [], check, toBody, schema } = optsRef.current;
      const { fieldText, enterNumber } = messagesRef.current;
      const flat: Record<string, FieldError> = {};
      // "abc" in a number field is "Enter a number", not the schema's range message about NaN.
      for (const name of numbers) {
        const raw = at(values, name);
        if (typeof raw === "string" && Number.isNaN(parseNumber(raw))) flat[name] = { type: "number", message: enterNumber };
      }
      for (const [name, message] of Object.entries(check?.(values) ?? {})) if (message && !flat[name]) flat[name] = { type: "check", message: message as string };
      const body = toBody(values);
      if (body !== null) {
        // The schema itself (not a resolver) so each issue keeps its code and bounds for the translation.
        const result = await schema.safeParseAsync(body, { error: fallbackMessage });
        for (const issue of result.success ? [] : result.error.issues) {
          const path = issue.path.join(".");
          const field = fieldOf(path);
          if (flat[field]) continue;
          const label = field === FORM_ERROR ? path : labelOf(field);
          flat[field] = { type: issue.code, message: fieldText(label, issueOf(issue)) };
        }
      }
      if (!Object.keys(flat).length) return { values, errors: {} };
      return { values: {}, errors: toNestErrors(flat, options) };
    },
    [fieldOf, labelOf],
  );

  const form = useForm<V>({ defaultValues: opts.defaultValues as DefaultValues<V>, resolver, mode: "onSubmit", reValidateMode: "onChange" });
  const { reset, subscribe, setError, setFocus, handleSubmit } = form;

  // Bring back a kept draft once, after hydration (sessionStorage does not exist on the server).
  useEffect(() => {
    const { id, defaultValues } = optsRef.current;
    if (!id) return;
    const kept = readDraft<Partial<V>>(id);
    if (!kept || !Object.keys(kept).length) return;
    const next = { ...defaultValues, ...kept };
    if (JSON.stringify(next) === JSON.stringify(defaultValues)) return;
    reset(next, { keepDefaultValues: true });
    setRestored(true);
  }, [reset]);

  // Keep what is typed, so an ended session does not lose it (passwords are never kept).
  useEffect(
    () =>
      subscribe({
        formState: { values: true, isDirty: true },
        callback: ({ values, isDirty }) => {
          const { id, notKept = [] } = optsRef.current;
          if (!id) return;
          // Back to the saved state (a reset after saving, or typed back): nothing to keep.
          if (isDirty === false) return clearDraft(id);
          const kept: Record<string, unknown> = { ...values };
          for (const name of notKept) delete kept[name];
          writeDraft(id, kept);
        },
      }),
    [subscribe],
  );

  const discard = useCallback(() => {
    const { id, defaultValues } = optsRef.current;
    if (id) clearDraft(id);
    reset(defaultValues);
    setRestored(false);
    setFormError(null);
    setSummary(null);
    setFailure(null);
  }, [reset]);

  const onValid = async (values: V) => {
    const { toBody, send, onSuccess, onUnchanged, id } = optsRef.current;
    const body = toBody(values);
    if (body === null) {
      if (id) clearDraft(id);
      onUnchanged?.();
      return;
    }
    setFormError(null);
    setSummary(null);
    setFailure(null);
    setBusy(true);
    // One key per user action: pressing the button again with the same input after a lost answer is
    // the same action (the server replays its first answer); changed input is a new action.
    const k = key.current.forBody(body);
    let result: R;
    try {
      result = await send(body, k);
    } catch (err) {
      key.current.failed(err);
      setBusy(false);
      showFailure(err);
      return;
    }
    key.current.done();
    if (id) clearDraft(id);
    setRestored(false);
    // Busy until the screen has moved on (e.g. to the new record), so a second tap sends nothing.
    try {
      await onSuccess(result, values);
    } finally {
      setBusy(false);
    }
  };

  // The API's refusal: field messages next to their fields, the rest (or a summary) above the form.
  const showFailure = (err: unknown) => {
    setFailure(err);
    const fields: string[] = [];
    const rest: string[] = [];
    for (const issue of detailIssues(err)) {
      const field = fieldOf(issue.path);
      if (field === FORM_ERROR) {
        rest.push(messagesRef.current.fieldText(issue.path, issue));
        continue;
      }
      setError(field as Path<V>, { type: "server", message: messagesRef.current.fieldText(labelOf(field), issue) });
      fields.push(field);
    }
    if (fields.length) {
      setFocus(inFormOrder(fields)[0] as Path<V>);
      setSummary(messagesRef.current.checkFields(inFormOrder(fields).map((f) => labelOf(f) ?? f)));
    }
    if (rest.length) setFormError(rest.join(" "));
    else if (!fields.length) setFormError(messagesRef.current.errorText(err));
  };

  const onSubmit = (e?: FormEvent<HTMLFormElement>) =>
    handleSubmit(onValid, (errors) => {
      const local = flatten(errors as FieldErrors);
      const own = local.find(([p]) => p === FORM_ERROR);
      const labels = inFormOrder(local.filter(([p]) => p !== FORM_ERROR).map(([p]) => p)).map((p) => labelOf(p) ?? p);
      setFailure(null);
      setFormError(own ? (own[1].message ?? null) : null);
      setSummary(labels.length ? messagesRef.current.checkFields(labels) : null);
    })(e);

  const fieldError = (name: string): string | undefined => {
    const e = at(form.formState.errors, name) as FieldError | undefined;
    return typeof e?.message === "string" ? e.message : undefined;
  };

  return { form, register: form.register, onSubmit, busy, formError, summary, failure, fieldError, restored, discard };
}

