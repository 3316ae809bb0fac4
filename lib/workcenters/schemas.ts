import { z } from "zod";
import { pagingQuery } from "../http/paging";
import { nonNegativeDecimal } from "../products/numbers";

const name = z.string().trim().min(1, "is required").max(120);
// null clears the description; an empty string is refused like every other empty text field.
const description = z.string().trim().min(1, "must not be empty (send null to clear it)").max(2000).nullable();
const capacity = z.number().int("must be a whole number").min(0, "must be 0 or more").max(1_000_000);

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
