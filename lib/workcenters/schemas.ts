import { z } from "zod";
import { nonNegativeDecimal, wholeNumber } from "../validation/numbers";
import { pagingQuery } from "../validation/paging";
import { text } from "../validation/text";

const name = text({ max: 120, emptyMessage: "is required" });
// null clears the description; an empty string is refused like every other empty text field.
const description = text({ max: 2000, emptyMessage: "must not be empty (send null to clear it)" }).nullable();
const capacity = wholeNumber(0, 1_000_000);

export const createWorkCenterInput = z
  .object({ name, description: description.optional(), costPerHour: nonNegativeDecimal(), capacity })
  .strict();
export type CreateWorkCenterInput = z.infer<typeof createWorkCenterInput>;

export const updateWorkCenterInput = z
  .object({
    name: name.optional(),
    description: description.optional(),
    costPerHour: nonNegativeDecimal().optional(),
    capacity: capacity.optional(),
    active: z.boolean().optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, "nothing to change");
export type UpdateWorkCenterInput = z.infer<typeof updateWorkCenterInput>;

export const listWorkCentersQuery = pagingQuery
  .extend({ active: z.enum(["true", "false"]).transform((v) => v === "true").optional() })
  .strict();
export type ListWorkCentersQuery = z.infer<typeof listWorkCentersQuery>;

/** The `[id]` route segment (other query keys are ignored). */
export const workCenterIdParam = z.object({ id: z.uuid("must be a valid id") });
