// Inputs of the station routes (docs/stations.md), shared by the API and the station screens' forms.
import { z } from "zod";
import { text } from "../validation/text";

const name = text({ max: 120, emptyMessage: "is required" });
const workCenterIds = z
  .array(z.uuid("must be a valid id"))
  .min(1, "choose at least one work center")
  .max(50, "at most 50 work centers")
  .refine((ids) => new Set(ids).size === ids.length, "names a work center twice");

export const createStationInput = z.object({ name, workCenterIds }).strict();
export type CreateStationInput = z.infer<typeof createStationInput>;

export const updateStationInput = z
  .object({ name: name.optional(), workCenterIds: workCenterIds.optional() })
  .strict()
  .refine((v) => Object.keys(v).length > 0, "nothing to change");
export type UpdateStationInput = z.infer<typeof updateStationInput>;

/** The `[id]` route segment. */
export const stationIdParam = z.object({ id: z.uuid("must be a valid id") });

/** A station PIN: 4 to 8 digits. */
export const pinSchema = z.string().regex(/^\d{4,8}$/, "must be 4 to 8 digits");

/** PUT /api/me/pin: one's own PIN, confirmed with one's password (a PIN alone must not change a PIN). */
export const setPinInput = z.object({ pin: pinSchema, currentPassword: z.string().min(1, "is required").max(200) }).strict();
export type SetPinInput = z.infer<typeof setPinInput>;

/** DELETE /api/me/pin: confirmed with one's password too. */
export const clearPinInput = z.object({ currentPassword: z.string().min(1, "is required").max(200) }).strict();

/** A badge code as printed (lib/stations/badge.ts): "MESB-" and 26 base-32 characters. */
export const badgeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^MESB-[0-9A-Z]{26}$/, "is not a badge code");

/** POST /api/station/identify: the operator's tile and PIN (`{ operatorId, pin }`), or a badge scan (`{ badge }`). */
export const identifyInput = z
  .object({ operatorId: z.uuid("must be a valid id").optional(), pin: pinSchema.optional(), badge: badgeSchema.optional() })
  .strict()
  .superRefine((v, ctx) => {
    if (v.badge !== undefined) {
      if (v.operatorId !== undefined || v.pin !== undefined) ctx.addIssue({ code: "custom", path: ["badge"], message: "send a badge, or an operator and a PIN, not both" });
      return;
    }
    if (v.operatorId === undefined) ctx.addIssue({ code: "custom", path: ["operatorId"], message: "is required with a PIN" });
    if (v.pin === undefined) ctx.addIssue({ code: "custom", path: ["pin"], message: "is required (or send a badge)" });
  })
  .transform((v): { operatorId: string; pin: string } | { badge: string } => (v.badge !== undefined ? { badge: v.badge } : { operatorId: v.operatorId!, pin: v.pin! }));
export type IdentifyInput = z.output<typeof identifyInput>;

/** POST /api/station/release and /api/station/activity take no body (or `{}`). */
export const emptyInput = z.object({}).strict();

/** The `[id]` of POST /api/users/:id/badge. */
export const userIdParam = z.object({ id: z.uuid("must be a valid id") });
