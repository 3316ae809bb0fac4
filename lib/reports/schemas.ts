import { z } from "zod";

const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

/** A reporting period `[from, to)`; defaults to the last 30 days. `tz` sets where days begin. */
export const periodQuery = z
  .object({
    from: z.coerce.date({ error: "must be a date (YYYY-MM-DD or ISO)" }).optional(),
    to: z.coerce.date({ error: "must be a date (YYYY-MM-DD or ISO)" }).optional(),
    tz: z.string().max(64).refine(isTimeZone, "must be an IANA time zone, e.g. Europe/Amsterdam").default("UTC"),
  })
  .strict()
  .transform((q, ctx) => {
    const to = q.to ?? new Date();
    const from = q.from ?? new Date(to.getTime() - 30 * 24 * 3600 * 1000);
    if (from >= to) ctx.addIssue({ code: "custom", path: ["to"], message: "must be after from" });
    if (to.getTime() - from.getTime() > 366 * 24 * 3600 * 1000 * 5) ctx.addIssue({ code: "custom", path: ["from"], message: "the period may span at most 5 years" });
    return { from, to, tz: q.tz };
  });
export type Period = z.infer<typeof periodQuery>;
