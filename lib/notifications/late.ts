import { withTx } from "../db/tx";
import { publish, type DomainEvent } from "../realtime/events";
import { notifyUsers } from "./create";
import { dateParam } from "./render";

// Any constant: serializes the late-order sweep across app instances.
const LATE_SWEEP_LOCK = 7310298375321052;

/**
 * Tells the creator of each MO whose deadline has passed (and that is not DONE or CANCELED) that
 * it is late — once per MO. Instances may sweep at the same time: a transaction-level advisory
 * lock makes the check-then-insert atomic.
 */
export async function notifyLateOrders(now = new Date()): Promise<number> {
  const events = await withTx(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LATE_SWEEP_LOCK})`;
    const late = await tx.manufacturingOrder.findMany({
      where: { deadline: { lt: now }, state: { in: ["PLANNED", "IN_PROGRESS"] } },
      select: { id: true, orderNo: true, name: true, deadline: true, createdById: true },
      take: 500,
    });
    if (!late.length) return [] as DomainEvent[];
    const links = late.map((m) => `/mos/${m.id}`);
    const already = new Set(
      (await tx.notification.findMany({ where: { type: "mo.late", link: { in: links } }, select: { link: true } })).map((n) => n.link),
    );
    const out: DomainEvent[] = [];
    for (const mo of late) {
      if (already.has(`/mos/${mo.id}`)) continue;
      out.push(
        ...(await notifyUsers(tx, [mo.createdById], {
          type: "mo.late",
          // The deadline prints in the factory's zone and the reader's language when read.
          key: "mo.late",
          params: { orderNo: mo.orderNo, name: mo.name, deadline: dateParam(mo.deadline!) },
          link: `/mos/${mo.id}`,
        })),
      );
    }
    return out;
  });
  await publish(events);
  return events.length;
}

/** Runs the late-order sweep every minute (and once at start); returns a stopper. */
export function startLateOrderWatch(intervalMs = 60_000): { stop(): void } {
  const run = () => notifyLateOrders().catch((err: unknown) => console.error("[notifications] late-order sweep failed", err));
  void run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

