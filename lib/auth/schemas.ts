// Inputs of /api/tokens (lib/auth/tokens.ts). Browser-safe: the token form validates with them too.
import { z } from "zod";
import { isoInstant } from "../validation/dates";
import { pagingQuery } from "../validation/paging";
import { text } from "../validation/text";

/** POST /api/tokens: an ADMIN makes a token for a user; without expiresAt it lasts until revoked. */
export const createTokenInput = z
  .object({
    name: text({ max: 100, emptyMessage: "is required" }),
    userId: z.uuid("must be a valid id"),
    expiresAt: isoInstant()
      .refine((d) => d.getTime() > Date.now(), "must be in the future")
      .nullable()
      .optional(),
  })
  .strict();
export type CreateTokenInput = z.infer<typeof createTokenInput>;

export const TOKEN_STATUSES = ["active", "expired", "revoked"] as const;
export type TokenStatus = (typeof TOKEN_STATUSES)[number];

/** GET /api/tokens: the caller's own tokens; an ADMIN may name another user with `userId`. */
export const listTokensQuery = pagingQuery
  .extend({
    userId: z.uuid("must be a valid id").optional(),
    status: z.enum(TOKEN_STATUSES).optional(),
  })
  .strict();
export type ListTokensQuery = z.infer<typeof listTokensQuery>;

export const tokenIdParam = z.object({ id: z.uuid("must be a valid id") });
