// Input schemas for manufacturing and work orders. Bodies are strict (typos fail loudly); queries
// extend pagingQuery and account for the dynamic route segment `id` that Next puts in req.query.
// Browser-safe: the UI may reuse these for its forms.
import { z } from "zod";
import { CommentKind, OrderState, Priority, ScrapReason, WorkStatus } from "../db/generated/enums";
import { MaterialStatus } from "../db/generated/enums";
import { inDateRange, isoInstant } from "../validation/dates";
import { nonNegativeDecimal, positiveDecimal, wholeNumber } from "../validation/numbers";
import { pagingQuery } from "../validation/paging";
import { searchText, text as storableText } from "../validation/text";

const id = z.uuid("must be a valid id");
const text = (max: number) => storableText({ max });

// Quantities and minutes are Decimal(18,4): the shared schemas refuse what would be rounded or overflow.
const positive = positiveDecimal();
const nonNegative = nonNegativeDecimal();

/** An ISO date (2026-12-01) or date-time with offset (2026-12-01T08:00:00Z), 1970..9999. */
const date = isoInstant();

/** `?x=A,B` or `?x=A&x=B`: a non-empty list of enum values (case-insensitive). */
function enumList<T extends Record<string, string>>(values: T) {
  return z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(",")).map((s) => s.trim().toUpperCase()).filter(Boolean))
    .pipe(z.array(z.enum(values)).min(1, "must name at least one value"));
}

const flag = z.enum(["1", "true", "0", "false"]).transform((v) => v === "1" || v === "true");

export const idParam = z.object({ id });

/** A work order by id or by its printed code (WO-000003), which is what a tablet's scanner types. */
export const woRef = z.object({
  id: z.union([id, z.string().trim().regex(/^wo-\d{1,12}$/i, "must be a work order id or code").transform((s) => s.toUpperCase())], {
    error: "must be a work order id or code",
  }),
});

/** The MO fields SALES may change (mo:edit-customer-fields); every other field needs mo:write. */
export const CUSTOMER_FIELDS = ["customerName", "customerRef", "promisedDate", "notes"] as const;

const customer = {
  customerName: text(200).nullable().optional(),
  customerRef: text(200).nullable().optional(),
  promisedDate: date.nullable().optional(),
  notes: text(4000).nullable().optional(),
};

/**
 * Where an MO takes its materials from and puts its output (docs/locations.md "Manufacturing orders"):
 * null/absent = consumption picked (STOCK first), output to FG.
 */
const moLocations = {
  sourceLocationId: id.nullable().optional(),
  destLocationId: id.nullable().optional(),
};

/**
 * What a completion that finishes the MO may say about lots: `outputLotCode` (lot-tracked output; default
 * the MO number) and `consumedLots` (named lots consumed before the rest is picked first-expiry-first-out).
 */
const completionLots = {
  outputLotCode: z.string({ error: "must be a string" }).trim().min(1, "must not be empty").max(100, "must be at most 100 characters").optional(),
  consumedLots: z
    .array(z.object({ productId: id, lotId: id, quantity: positive }).strict())
    .max(200, "must name at most 200 lots")
    .optional(),
};
export type CompletionLots = { outputLotCode?: string; consumedLots?: { productId: string; lotId: string; quantity: number }[] };

export const createMoInput = z
  .object({
    name: text(200),
    productId: id,
    quantity: positive,
    deadline: date.nullable().optional(),
    priority: z.enum(Priority).optional(),
    ...customer,
    /** Sub-assembly orders for components with a BOM of their own (child-orders.ts); default "shortage". */
    childOrders: z.enum(["none", "shortage", "all"]).optional(),
    ...moLocations,
  })
  .strict();
export type CreateMoInput = z.infer<typeof createMoInput>;

export const updateMoInput = z
  .object({
    name: text(200).optional(),
    productId: id.optional(),
    quantity: positive.optional(),
    deadline: date.nullable().optional(),
    priority: z.enum(Priority).optional(),
    ...customer,
    /** Only while PLANNED (409 after). */
    ...moLocations,
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, "nothing to change");
export type UpdateMoInput = z.infer<typeof updateMoInput>;

/**
 * POST /api/mos/:id/complete: `producedQty` (default the ordered quantity), `scrapQty` (default what
 * its work orders reported as scrap), `backorder: true` to plan the rest (quantity − producedQty) as
 * a new MO; the answer is then `{ mo, backorder }`. `outputLotCode` and `consumedLots`: see completionLots.
 */
export const completeMoInput = z.object({ producedQty: nonNegative.optional(), scrapQty: nonNegative.optional(), backorder: z.boolean().optional(), ...completionLots }).strict();
export type CompleteMoInput = z.infer<typeof completeMoInput>;

/** `cascade: true` also cancels the MO's PLANNED sub-assembly orders, recursively (running ones are named, not canceled). */
export const cancelMoInput = z.object({ reason: text(500).optional(), cascade: z.boolean().optional() }).strict();
export type CancelMoInput = z.infer<typeof cancelMoInput>;

export const listMosQuery = pagingQuery
  .extend({
    state: enumList(OrderState).optional(),
    q: searchText(100).optional(),
    /** READY, PARTIAL, WAITING (comma list): open MOs with that material status (availability.ts). */
    materialStatus: enumList(MaterialStatus).optional(),
  })
  .strict();
export type ListMosQuery = z.infer<typeof listMosQuery>;

/** GET /api/mos/availability: the creation preview of a draft order, ranked as if created now. */
export const availabilityPreviewQuery = z
  .object({
    productId: id,
    quantity: z.coerce.number().pipe(positive),
    priority: z.enum(Priority).default("NORMAL"),
    deadline: date.optional(),
  })
  .strict();
export type AvailabilityPreviewQuery = z.infer<typeof availabilityPreviewQuery>;

export const createWoInput = z
  .object({
    title: text(200),
    description: text(4000).nullable().optional(),
    assignedToId: id.nullable().optional(),
    workCenterId: id.nullable().optional(),
    plannedMin: positive.nullable().optional(),
  })
  .strict();
export type CreateWoInput = z.infer<typeof createWoInput>;

export const updateWoInput = z
  .object({
    title: text(200).optional(),
    description: text(4000).nullable().optional(),
    assignedToId: id.nullable().optional(),
    workCenterId: id.nullable().optional(),
    plannedMin: positive.nullable().optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, "nothing to change");
export type UpdateWoInput = z.infer<typeof updateWoInput>;

/**
 * `at`: when the action happened on the device (a tablet replaying what it queued offline): a date-time
 * with offset; the server books it within its checks (lib/manufacturing/action-time.ts). Absent: now.
 */
export const actionAt = z.iso
  .datetime({ offset: true, error: "must be a date-time with offset (2026-12-06T08:00:00.000Z)" })
  .refine((s) => inDateRange(new Date(s)), "must be between 1970-01-01 and 9999-12-31")
  .transform((s) => new Date(s));

/** start / pause / complete take no body but the device time: `{}` or `{ at }`, anything else is refused. */
export const transitionInput = z.object({ at: actionAt.optional() }).strict();
export type TransitionInput = z.infer<typeof transitionInput>;

/**
 * POST /api/workorders/:id/complete: good and scrapped units (defaults: scrap 0, good = what reached
 * the operation − scrap); the reason defaults to OTHER when units are scrapped. When it is the MO's last
 * open work order (the MO becomes DONE), `outputLotCode` and `consumedLots` apply as on the MO's complete;
 * on any other work order they are refused (400).
 */
export const completeWoInput = z
  .object({ goodQty: nonNegative.optional(), scrapQty: nonNegative.optional(), scrapReason: z.enum(ScrapReason).optional(), at: actionAt.optional(), ...completionLots })
  .strict();
export type CompleteWoInput = z.infer<typeof completeWoInput>;

export const listWosQuery = pagingQuery
  .extend({
    status: enumList(WorkStatus).optional(),
    mine: flag.optional(),
    moId: id.optional(),
    assignedToId: id.optional(),
  })
  .strict();
export type ListWosQuery = z.infer<typeof listWosQuery>;

/** GET /api/mos/:id/workorders: the MO's work orders. */
export const listMoWosQuery = pagingQuery.extend({ id, status: enumList(WorkStatus).optional() }).strict();

export const createCommentInput = z
  .object({ content: text(2000), kind: z.enum(CommentKind).default("COMMENT"), at: actionAt.optional() })
  .strict();
export type CreateCommentInput = z.infer<typeof createCommentInput>;

export const listCommentsQuery = pagingQuery.extend({ id: woRef.shape.id }).strict();

/** A pause reason's code: SETUP, MATERIAL … (upper-cased; letters, digits, _). */
export const pauseReasonCode = z
  .string({ error: "must be a string" })
  .trim()
  .toUpperCase()
  .regex(/^[A-Z][A-Z0-9_]{0,39}$/, "must be 1–40 letters, digits or _, starting with a letter");

/** POST /api/workorders/:id/pause: `{ reason }`, an active pause reason's code (absent: OTHER, for older clients). */
export const pauseWoInput = z.object({ reason: pauseReasonCode.optional(), at: actionAt.optional() }).strict();
export type PauseWoInput = z.infer<typeof pauseWoInput>;

export const createPauseReasonInput = z
  .object({ code: pauseReasonCode, name: text(120), sortOrder: wholeNumber(0, 1_000_000).optional(), active: z.boolean().optional() })
  .strict();
export type CreatePauseReasonInput = z.infer<typeof createPauseReasonInput>;

/** The code never changes (pauses and reports refer to it); name, order and active do. */
export const updatePauseReasonInput = z
  .object({ name: text(120).optional(), sortOrder: wholeNumber(0, 1_000_000).optional(), active: z.boolean().optional() })
  .strict()
  .refine((v) => Object.keys(v).length > 0, "nothing to change");
export type UpdatePauseReasonInput = z.infer<typeof updatePauseReasonInput>;

export const listPauseReasonsQuery = pagingQuery.extend({ active: z.enum(["true", "false"]).transform((v) => v === "true").optional() }).strict();
export type ListPauseReasonsQuery = z.infer<typeof listPauseReasonsQuery>;
