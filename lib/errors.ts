// Domain errors: what a use case refuses, in the domain's words. They know nothing of HTTP; the one
// mapper in lib/http/errors.ts turns them into responses (status + { error: { code, message, details } }).
// Every message is safe to show to the person who caused the error.
import type { DomainEvent } from "./realtime/events";

/** Stable codes clients may branch on (the `error.code` of a response). */
export type DomainErrorCode = "VALIDATION_FAILED" | "FORBIDDEN" | "NOT_FOUND" | "INVALID_STATE" | "INSUFFICIENT_STOCK" | "CONFLICT";

/** A refusal of the domain: a stable code, a safe message and optional structured details. */
export abstract class DomainError extends Error {
  abstract readonly code: DomainErrorCode;
  /** Events of side records committed despite the refusal (e.g. shortage notifications), published by the API layer. */
  events: DomainEvent[] = [];

  constructor(
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A field of a request and what is wrong with it. */
export interface FieldIssue {
  path: string;
  message: string;
}

/** The input is wrong in a way the schema could not see (e.g. an assignee who is not active). */
export class ValidationError extends DomainError {
  readonly code = "VALIDATION_FAILED";
  constructor(message: string, details?: FieldIssue[] | unknown) {
    super(message, details);
  }
}

/** The actor may not do this (beyond the route's permission, e.g. fields only some roles may change). */
export class ForbiddenError extends DomainError {
  readonly code = "FORBIDDEN";
  constructor(message = "You are not allowed to do this.") {
    super(message);
  }
}

/** The record does not exist, or the actor may not see it (scopes answer 404, never 403). */
export class NotFoundError extends DomainError {
  readonly code = "NOT_FOUND";
  constructor(readonly what = "Record") {
    super(`${what} not found.`);
  }
}

/** The record's state does not allow this transition or change. */
export class InvalidStateError extends DomainError {
  readonly code = "INVALID_STATE";
}

/** The change collides with other data (a duplicate, a record still in use, a limit). */
export class ConflictError extends DomainError {
  readonly code = "CONFLICT";
}

/** One product a posting would take below zero. */
export interface Shortage {
  productId: string;
  sku: string;
  name: string;
  uom: string;
  onHand: number;
  required: number;
  shortBy: number;
  /** The location and lot that would go negative (a posting per location and lot, docs/locations.md). */
  locationId?: string;
  locationCode?: string;
  lotId?: string | null;
  lotCode?: string | null;
}

/** A stock posting was refused, naming every short product; thrown before anything is written. */
export class InsufficientStockError extends DomainError {
  readonly code = "INSUFFICIENT_STOCK";
  constructor(readonly shortages: Shortage[]) {
    super(`Not enough stock: ${shortages.map((s) => `${s.sku} short by ${s.shortBy} ${s.uom}`).join(", ")}.`, { shortages });
  }
}

/** ValidationError with optional field details. */
export const badRequest = (message: string, details?: unknown) => new ValidationError(message, details);
/** ForbiddenError, with the default message unless given. */
export const forbidden = (message?: string) => new ForbiddenError(message);
/** NotFoundError: "<what> not found.". */
export const notFound = (what = "Record") => new NotFoundError(what);
/** InvalidStateError with optional details (e.g. the current state). */
export const invalidState = (message: string, details?: unknown) => new InvalidStateError(message, details);
/** ConflictError with optional details. */
export const conflict = (message: string, details?: unknown) => new ConflictError(message, details);
