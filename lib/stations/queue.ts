// A station's queue (docs/stations.md): the open work orders of its work centers, running and paused
// first, then by the order's priority, its deadline (none last) and its material status (READY,
// PARTIAL, WAITING, as last computed: docs/domain.md "Material availability"), then oldest order first.
import { prisma } from "../db/client";
import type { MaterialStatus, Priority } from "../db/generated/enums";
import { toWoItem, woItemSelect, type WoItem } from "../manufacturing/views";

const STATUS_RANK = { STARTED: 0, PAUSED: 1, PENDING: 2, COMPLETED: 3 } as const;
const PRIORITY_RANK: Record<Priority, number> = { URGENT: 0, HIGH: 1, NORMAL: 2, LOW: 3 };
const MATERIAL_RANK: Record<MaterialStatus, number> = { READY: 0, PARTIAL: 1, WAITING: 2 };

/** A queued work order: the list item, and what ranks it. */
export type QueueItem = WoItem & { mo: WoItem["mo"] & { priority: Priority; deadline: Date | null; materialStatus: MaterialStatus | null; createdAt: Date } };

// More than a shift's work at a few work centers; the screen says when the queue goes on.
const LIMIT = 200;

/** The ranked queue of some work centers (open work orders of open orders). */
export async function stationQueue(workCenterIds: string[]): Promise<{ items: QueueItem[]; total: number }> {
  if (!workCenterIds.length) return { items: [], total: 0 };
  const where = { workCenterId: { in: workCenterIds }, status: { in: ["PENDING", "STARTED", "PAUSED"] as ("PENDING" | "STARTED" | "PAUSED")[] }, mo: { state: { in: ["PLANNED", "IN_PROGRESS"] as ("PLANNED" | "IN_PROGRESS")[] } } };
  const [rows, total] = await Promise.all([
    prisma().workOrder.findMany({
      where,
      select: { ...woItemSelect, mo: { select: { id: true, orderNo: true, name: true, state: true, priority: true, deadline: true, materialStatus: true, createdAt: true } } },
      orderBy: [{ mo: { priority: "desc" } }, { mo: { deadline: { sort: "asc", nulls: "last" } } }, { mo: { createdAt: "asc" } }, { sequence: "asc" }],
      take: LIMIT,
    }),
    prisma().workOrder.count({ where }),
  ]);
  const rank = (w: (typeof rows)[number]) => [
    STATUS_RANK[w.status],
    PRIORITY_RANK[w.mo.priority],
    w.mo.deadline ? w.mo.deadline.getTime() : Number.MAX_SAFE_INTEGER,
    w.mo.materialStatus ? MATERIAL_RANK[w.mo.materialStatus] : 3,
    w.mo.createdAt.getTime(),
    w.sequence,
  ];
  const sorted = rows
    .map((w) => ({ w, r: rank(w) }))
    .sort((a, b) => {
      for (let i = 0; i < a.r.length; i++) if (a.r[i] !== b.r[i]) return a.r[i]! - b.r[i]!;
      return a.w.code < b.w.code ? -1 : 1;
    })
    .map(({ w }) => toWoItem(w));
  return { items: sorted, total };
}
