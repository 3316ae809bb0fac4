import { prisma } from "../db/client";

/**
 * Fixed-window counters kept in the database (table "RateLimit"), so a limit holds across every app
 * instance. One atomic upsert per hit: no read-then-write race.
 */
export async function hit(key: string, windowSeconds: number): Promise<number> {
  const rows = await prisma().$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimit" ("key", "count", "windowStart") VALUES (${key}, 1, now())
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimit"."windowStart" < now() - make_interval(secs => ${windowSeconds}::int) THEN 1 ELSE "RateLimit"."count" + 1 END,
      "windowStart" = CASE WHEN "RateLimit"."windowStart" < now() - make_interval(secs => ${windowSeconds}::int) THEN now() ELSE "RateLimit"."windowStart" END
    RETURNING "count"`;
  return Number(rows[0]?.count ?? 0);
}

/** Seconds until the key may be used again, or 0 when it is under `max` in the current window. */
export async function retryAfter(key: string, max: number, windowSeconds: number): Promise<number> {
  const rows = await prisma().$queryRaw<{ count: number; remaining: number }[]>`
    SELECT "count", CEIL(EXTRACT(EPOCH FROM ("windowStart" + make_interval(secs => ${windowSeconds}::int) - now())))::int AS "remaining"
    FROM "RateLimit" WHERE "key" = ${key}`;
  const row = rows[0];
  if (!row || Number(row.remaining) <= 0 || Number(row.count) < max) return 0;
  return Number(row.remaining);
}

/** Forgets a key (e.g. the email's failures after a successful sign-in). */
export async function reset(key: string): Promise<void> {
  await prisma().rateLimit.deleteMany({ where: { key } });
}
