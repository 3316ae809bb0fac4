import { z } from "zod";
import { LocationKind } from "../db/generated/enums";
import { text } from "../validation/text";

const code = text({ max: 40, emptyMessage: "is required" }).refine((v) => /^[A-Za-z0-9][A-Za-z0-9._/-]*$/.test(v), "letters, digits and . _ / - only");
const name = text({ max: 120, emptyMessage: "is required" });
const kind = z.enum(LocationKind, { error: `must be one of ${Object.values(LocationKind).join(", ")}` });
const parentId = z.uuid("must be a valid location id").nullable();

/** `{ code, name, kind?, parentId?, active? }`: a new location (kind STORAGE unless given). */
export const createLocationInput = z
  .object({ code, name, kind: kind.optional(), parentId: parentId.optional(), active: z.boolean().optional() })
  .strict();
export type CreateLocationInput = z.infer<typeof createLocationInput>;

export const updateLocationInput = z
  .object({ code: code.optional(), name: name.optional(), kind: kind.optional(), parentId: parentId.optional(), active: z.boolean().optional() })
  .strict()
  .refine((v) => Object.keys(v).length > 0, "nothing to change");
export type UpdateLocationInput = z.infer<typeof updateLocationInput>;

const flag = z.enum(["1", "0", "true", "false"], { error: "must be 1, 0, true or false" }).transform((v) => v === "1" || v === "true");
export const listLocationsQuery = z.object({ includeInactive: flag.optional() }).strict();
export type ListLocationsQuery = z.infer<typeof listLocationsQuery>;

/** The `[id]` route segment. */
export const locationIdParam = z.object({ id: z.uuid("must be a valid location id") });
