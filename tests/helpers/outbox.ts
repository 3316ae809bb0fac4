// What a test's requests announced: the outbox rows (docs/events.md) written since the last mark, read
// straight from the table the triggers write, so a test sees exactly what sockets and webhooks will get.
import type { DomainEvent, EventName } from "@/lib/realtime/events";
import type { PrismaClient } from "@/lib/db/generated/client";

export interface OutboxRecorder {
  /** Forget everything written so far. */
  mark(): Promise<void>;
  /** The events written since the mark, oldest first; mo:materialStatus (written after commit by the availability refresh) only when asked. */
  events(opts?: { withMaterialStatus?: boolean }): Promise<DomainEvent[]>;
}

export function outboxRecorder(prisma: () => PrismaClient): OutboxRecorder {
  let since = 0n;
  return {
    async mark() {
      since = (await prisma().eventOutbox.aggregate({ _max: { id: true } }))._max.id ?? 0n;
    },
    async events(opts = {}) {
      const rows = await prisma().eventOutbox.findMany({ where: { id: { gt: since } }, orderBy: { id: "asc" } });
      return rows
        .filter((r) => opts.withMaterialStatus || r.topic !== "mo:materialStatus")
        .map((r) => ({ name: r.topic as EventName, payload: r.payload as Record<string, unknown> }));
    },
  };
}
