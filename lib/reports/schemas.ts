import { z } from "zod";
import { env } from "../env";
import { isTimeZone, isoInstant } from "../validation/dates";

const DAY = 24 * 3600 * 1000;
const TZ_MESSAGE = "must be an IANA time zone, e.g. Europe/Amsterdam";

/**
 * A reporting period `[from, to)` of ISO dates or date-times (1970..9999); defaults to the last 30
 * days. `tz` (an IANA name, default FACTORY_TIME_ZONE, itself defaulting to the server's zone) sets
 * where days begin and how times print.
 */
export const periodQuery = z
  .object({
    from: isoInstant().optional(),
    to: isoInstant().optional(),
    tz: z
      .string({ error: TZ_MESSAGE })
      .max(64, TZ_MESSAGE)
      .refine(isTimeZone, TZ_MESSAGE)
      .optional(),
  })
  .strict()
  .transform((q, ctx) => {
    const to = q.to ?? new Date();
    const from = q.from ?? new Date(to.getTime() - 30 * DAY);
    if (from >= to) ctx.addIssue({ code: "custom", path: ["to"], message: "must be after from" });
    if (to.getTime() - from.getTime() > 366 * DAY * 5) ctx.addIssue({ code: "custom", path: ["from"], message: "the period may span at most 5 years" });
    // Read when a request is parsed (never at import): the factory's zone is a server setting.
    return { from, to, tz: q.tz ?? env().FACTORY_TIME_ZONE };
  });
export type Period = z.infer<typeof periodQuery>;
