import { db } from "./client";

/** Whether the database answers; used by /api/health (load balancers, uptime checks). */
export async function healthCheck(): Promise<{ status: "ok" | "unavailable"; database: string }> {
  try {
    await db().prisma.$queryRaw`SELECT 1`;
    return { status: "ok", database: db().kind };
  } catch (err) {
    console.error("[health] database check failed", err);
    return { status: "unavailable", database: db().kind };
  }
}
