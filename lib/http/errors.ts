import { ZodError } from "zod";
import { isDatabaseUnavailable } from "../db/unavailable";
import { DomainError, type DomainErrorCode } from "../errors";
import type { DomainEvent } from "../realtime/events";

export type ErrorCode =
  | "VALIDATION_FAILED"
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "METHOD_NOT_ALLOWED"
  | "INVALID_STATE"
  | "INSUFFICIENT_STOCK"
  | "CONFLICT"
  | "PAYLOAD_TOO_LARGE"
  | "UNSUPPORTED_MEDIA_TYPE"
  | "RATE_LIMITED"
  | "SERVICE_UNAVAILABLE"
  | "IDEMPOTENCY_MISMATCH"
  | "IN_PROGRESS"
  | "INTERNAL";

/** An error whose message is safe to show to the person who caused it. */
export class HttpError extends Error {
  /** Events of side records committed despite the refusal (e.g. shortage notifications). */
  events: DomainEvent[] = [];

  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = "HttpError";
  }
}

export const badRequest = (message: string, details?: unknown) => new HttpError(400, "VALIDATION_FAILED", message, details);
export const unauthenticated = (message = "Sign in to continue.") => new HttpError(401, "UNAUTHENTICATED", message);
export const forbidden = (message = "You are not allowed to do this.") => new HttpError(403, "FORBIDDEN", message);
export const notFound = (what = "Record") => new HttpError(404, "NOT_FOUND", `${what} not found.`);
export const invalidState = (message: string, details?: unknown) => new HttpError(409, "INVALID_STATE", message, details);
export const conflict = (message: string, details?: unknown) => new HttpError(409, "CONFLICT", message, details);

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}

interface PrismaLikeError {
  code?: string;
  meta?: Record<string, unknown>;
  name?: string;
}

function prismaCode(err: unknown): string | undefined {
  if (typeof err !== "object" || err === null) return undefined;
  const e = err as PrismaLikeError;
  if (typeof e.code === "string" && /^P\d{4}$/.test(e.code)) return e.code;
  return undefined;
}

function uniqueTarget(meta: Record<string, unknown> | undefined): string | undefined {
  const t = meta?.target ?? (meta?.driverAdapterError as { cause?: { constraint?: { fields?: string[] } } } | undefined)?.cause?.constraint?.fields;
  if (Array.isArray(t)) return t.join(", ");
  return typeof t === "string" ? t : undefined;
}

/** The HTTP status of each domain refusal (lib/errors.ts). */
const DOMAIN_STATUS: Record<DomainErrorCode, number> = {
  VALIDATION_FAILED: 400,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  INVALID_STATE: 409,
  INSUFFICIENT_STOCK: 409,
  CONFLICT: 409,
};

/** Seconds a client should wait before retrying while the database is away. */
export const RETRY_AFTER_SECONDS = 5;

/** 503 with Retry-After: the database cannot be reached (the app reconnects by itself when it is back). */
export function serviceUnavailable(): { status: number; body: ErrorBody; headers: Record<string, string> } {
  return {
    status: 503,
    headers: { "Retry-After": String(RETRY_AFTER_SECONDS) },
    body: { error: { code: "SERVICE_UNAVAILABLE", message: "The database cannot be reached right now. Please try again in a few seconds." } },
  };
}

/** The bounds and kind of a too_small / too_big / invalid_format issue (numbers, so JSON keeps them). */
function issueBounds(issue: ZodError["issues"][number]): { minimum?: number; maximum?: number; origin?: string; format?: string } {
  const i = issue as { minimum?: unknown; maximum?: unknown; origin?: unknown; format?: unknown };
  const num = (v: unknown) => (typeof v === "number" || typeof v === "bigint" ? { value: Number(v) } : null);
  const min = num(i.minimum);
  const max = num(i.maximum);
  return {
    ...(min && Number.isFinite(min.value) ? { minimum: min.value } : {}),
    ...(max && Number.isFinite(max.value) ? { maximum: max.value } : {}),
    ...(typeof i.origin === "string" ? { origin: i.origin } : {}),
    ...(typeof i.format === "string" ? { format: i.format } : {}),
  };
}

/** Turns anything thrown into a status and the error body of docs/domain.md ("API contract"); unknown errors are logged, never leaked. */
export function toErrorResponse(err: unknown, log: (e: unknown) => void = (e) => console.error(e)): { status: number; body: ErrorBody; headers?: Record<string, string> } {
  if (err instanceof DomainError) {
    return {
      status: DOMAIN_STATUS[err.code],
      body: { error: { code: err.code, message: err.message, ...(err.details !== undefined ? { details: err.details } : {}) } },
    };
  }
  if (err instanceof HttpError) {
    return {
      status: err.status,
      headers: err.headers,
      body: { error: { code: err.code, message: err.message, ...(err.details !== undefined ? { details: err.details } : {}) } },
    };
  }
  if (err instanceof ZodError) {
    return {
      status: 400,
      body: {
        error: {
          code: "VALIDATION_FAILED",
          message: err.issues.map((i) => `${i.path.length ? i.path.join(".") + ": " : ""}${i.message}`).join("; "),
          // The bounds too, so a screen can say "must be 1 or more" in the person's language.
          details: err.issues.map((i) => ({ path: i.path.join("."), message: i.message, code: i.code, ...issueBounds(i) })),
        },
      },
    };
  }
  const code = prismaCode(err);
  if (code === "P2025") return { status: 404, body: { error: { code: "NOT_FOUND", message: "Record not found." } } };
  if (code === "P2002") {
    const target = uniqueTarget((err as PrismaLikeError).meta);
    return { status: 409, body: { error: { code: "CONFLICT", message: target ? `A record with this ${target} already exists.` : "A record with these values already exists." } } };
  }
  if (code === "P2003") return { status: 400, body: { error: { code: "VALIDATION_FAILED", message: "A referenced record does not exist." } } };
  if (isDatabaseUnavailable(err)) {
    // One line, not a stack per request: during an outage every request lands here.
    log(`[db] unavailable: ${err instanceof Error ? err.message.trim().split("\n").pop() : String(err)}`);
    return serviceUnavailable();
  }
  log(err);
  return { status: 500, body: { error: { code: "INTERNAL", message: "Something went wrong on our side. It has been logged." } } };
}
