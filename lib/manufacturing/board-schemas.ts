// Query of the stage board (GET /api/mos/board). Browser-safe: the board screen reuses the option lists.
import { z } from "zod";
import { Priority } from "../db/generated/enums";
import { searchText } from "../validation/text";

/** How the board's columns are made: by the current operation's title, or its work center. */
export const BOARD_GROUPS = ["operation", "workCenter"] as const;
export type BoardGroup = (typeof BOARD_GROUPS)[number];

/** The MO material statuses (DOMAIN-2 §1) the board can filter on. */
export const MATERIAL_STATUSES = ["READY", "PARTIAL", "WAITING"] as const;
export type MaterialStatus = (typeof MATERIAL_STATUSES)[number];

export const BOARD_DEFAULT_LIMIT = 25;
export const BOARD_MAX_LIMIT = 200;

/** `?x=A,B` or `?x=A&x=B`: a non-empty list of the given values (case-insensitive). */
function upperList<T extends string>(values: readonly [T, ...T[]]) {
  return z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(",")).map((s) => s.trim().toUpperCase()).filter(Boolean))
    .pipe(z.array(z.enum(values)).min(1, "must name at least one value"));
}

const uuidList = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(",")).map((s) => s.trim()).filter(Boolean))
  .pipe(z.array(z.uuid("must be a valid id")).min(1, "must name at least one value").max(50, "must name at most 50 values"));

export const boardQuery = z
  .object({
    groupBy: z.enum(BOARD_GROUPS).default("operation"),
    /** MOs with a remaining (not completed) operation at one of these work centers. */
    workCenterId: uuidList.optional(),
    priority: upperList(Object.values(Priority) as [Priority, ...Priority[]]).optional(),
    materialStatus: upperList(MATERIAL_STATUSES).optional(),
    /** Part of the customer's name (case-insensitive). */
    customer: searchText(200).optional(),
    /** Cards per column (the column's `total` counts them all). */
    limit: z.coerce
      .number({ error: "must be a whole number (cards per column)" })
      .int("must be a whole number (cards per column)")
      .min(1, "must be 1 or more")
      .max(BOARD_MAX_LIMIT, `must be at most ${BOARD_MAX_LIMIT}`)
      .default(BOARD_DEFAULT_LIMIT),
  })
  .strict();
export type BoardQuery = z.infer<typeof boardQuery>;
