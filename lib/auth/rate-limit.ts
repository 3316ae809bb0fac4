import { prisma } from "../db/client";

/** The state of a counter right after an attempt was counted. */
export interface Hit {
  /** Attempts in the current window, this one included. */
  count: number;
  /** Seconds until the window ends. */
  retryAfter: number;
}

/**
 * Counts one attempt against a fixed-window counter kept in the database (table "RateLimit"), so a
 * limit holds across every app instance. One atomic statement both counts and reports: callers decide
 * on the returned count, so parallel attempts cannot all pass a check made before their increments.
 */
export async function hit(key: string, windowSeconds: number): Promise<Hit> {
  const rows = await prisma().$queryRaw<{ count: number; retryAfter: number }[]>`
    INSERT INTO "RateLimit" ("key", "count", "windowStart") VALUES (${key}, 1, now())
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimit"."windowStart" < now() - make_interval(secs => ${windowSeconds}::int) THEN 1 ELSE "RateLimit"."count" + 1 END,
      "windowStart" = CASE WHEN "RateLimit"."windowStart" < now() - make_interval(secs => ${windowSeconds}::int) THEN now() ELSE "RateLimit"."windowStart" END
    RETURNING "count",
      GREATEST(1, CEIL(EXTRACT(EPOCH FROM ("windowStart" + make_interval(secs => ${windowSeconds}::int) - now()))))::int AS "retryAfter"`;
  return { count: Number(rows[0]?.count ?? 0), retryAfter: Number(rows[0]?.retryAfter ?? windowSeconds) };
}

/** Takes back one counted attempt (a sign-in that succeeded), never below zero and never more than its own. */
export async function refund(key: string): Promise<void> {
  await prisma().$executeRaw`UPDATE "RateLimit" SET "count" = "count" - 1 WHERE "key" = ${key} AND "count" > 0`;
}
