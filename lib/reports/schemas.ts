import { z } from "zod";
import { isoInstant, timeZone } from "../validation/dates";

const DAY = 24 * 3600 * 1000;

/**
 * A reporting period `[from, to)` of ISO dates or date-times (1970..9999); defaults to the last 30
 * days. `tz` (an IANA name, default the server's zone) sets where days begin and how times print.
 */
export const periodQuery = z
  .object({
    from: isoInstant().optional(),
    to: isoInstant().optional(),
    tz: timeZone(),
  })
  .strict()
  .transform((q, ctx) => {
    const to = q.to ?? new Date();
    const from = q.from ?? new Date(to.getTime() - 30 * DAY);
    if (from >= to) ctx.addIssue({ code: "custom", path: ["to"], message: "must be after from" });
    if (to.getTime() - from.getTime() > 366 * DAY * 5) ctx.addIssue({ code: "custom", path: ["from"], message: "the period may span at most 5 years" });
    return { from, to, tz: q.tz };
  });
export type Period = z.infer<typeof periodQuery>;
