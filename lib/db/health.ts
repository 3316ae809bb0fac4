import { db } from "./client";
import { isDatabaseUnavailable } from "./unavailable";

export { isDatabaseUnavailable };

/** Whether the database answers; used by /api/health (load balancers, uptime checks). */
export async function healthCheck(): Promise<{ status: "ok" | "unavailable"; database: string }> {
  try {
    await db().prisma.$queryRaw`SELECT 1`;
    return { status: "ok", database: db().kind };
  } catch (err) {
    // An outage is expected here (one line); anything else gets its stack.
    if (isDatabaseUnavailable(err)) console.warn(`[health] database unavailable: ${err instanceof Error ? err.message.trim().split("\n").pop() : String(err)}`);
    else console.error("[health] database check failed", err);
    return { status: "unavailable", database: db().kind };
  }
}
