import { z } from "zod";
import { ROLES } from "../auth/permissions";
import { LOCALES } from "../i18n/config";
import { pagingQuery } from "../validation/paging";
import { searchText, storableString, text, unstorableText } from "../validation/text";

/** 8–72 characters (bcrypt reads 72 bytes), with at least one letter and one digit. */
export const passwordSchema = z
  .string()
  .min(8, "must be at least 8 characters")
  .refine((p) => new TextEncoder().encode(p).length <= 72, "must be at most 72 bytes")
  .refine((p) => /\p{L}/u.test(p) && /\d/.test(p), "must contain a letter and a digit")
  // bcrypt reads UTF-8 bytes: a lone surrogate would silently become U+FFFD and NUL ends some C strings.
  .refine((p) => unstorableText(p) === null, "must not contain NUL characters or unpaired surrogates");

const name = text({ max: 120, emptyMessage: "is required" });
const email = storableString().trim().toLowerCase().pipe(z.email("must be an email address")).pipe(z.string().max(254));

export const createUserInput = z
  .object({ name, email, role: z.enum(ROLES), password: passwordSchema, active: z.boolean().default(true) })
  .strict();
export type CreateUserInput = z.infer<typeof createUserInput>;

export const updateUserInput = z
  .object({ name: name.optional(), email: email.optional(), role: z.enum(ROLES).optional(), active: z.boolean().optional(), password: passwordSchema.optional() })
  .strict()
  .refine((v) => Object.keys(v).length > 0, "nothing to change");
export type UpdateUserInput = z.infer<typeof updateUserInput>;

export const listUsersQuery = pagingQuery
  .extend({
    q: searchText(100).optional(),
    role: z.enum(ROLES).optional(),
    active: z.enum(["true", "false"]).transform((v) => v === "true").optional(),
  })
  .strict();
export type ListUsersQuery = z.infer<typeof listUsersQuery>;

export const idParam = z.object({ id: z.uuid("must be a valid id") });

/** PATCH /api/me: a language with a catalog, or null to follow the browser's Accept-Language. */
export const setLocaleInput = z
  .object({ locale: z.enum(LOCALES, { error: `must be one of ${LOCALES.join(", ")}, or null` }).nullable() })
  .strict();
export type SetLocaleInput = z.infer<typeof setLocaleInput>;
