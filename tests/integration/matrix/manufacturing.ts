// Matrix rows for manufacturing and work orders. WO transitions hit the demo order's first WO (assigned to
// the demo operator) in the order start → pause → complete: the first allowed role makes the change,
// the others repeat it and get the idempotent 200. Cancel/complete of an MO and adding WOs use a
// fresh MO per call (setup), so the demo order stays open for everyone else's rows.
import type { Db } from "@/lib/db/client";
import type { Fixtures, MatrixEntry } from "./types";

const ALL = ["ADMIN", "MANAGER", "OPERATOR", "INVENTORY", "SALES", "VIEWER"] as const;
const PLANNERS = ["ADMIN", "MANAGER"] as const;
const EXECUTORS = ["ADMIN", "MANAGER", "OPERATOR"] as const;

/** A PLANNED MO without work orders or materials (completing it books 1 table, consumes nothing). */
async function freshMo(prisma: Db, fx: Fixtures): Promise<Record<string, string>> {
  const mo = await prisma.manufacturingOrder.create({
    data: { name: `Matrix ${fx.unique}`, productId: fx.products.table, quantity: 1, bomSnapshot: [], createdById: fx.users.MANAGER },
    select: { id: true },
  });
  return { moId: mo.id };
}

export const entries: MatrixEntry[] = [
  { route: "/api/mos", method: "GET", path: () => "/api/mos", allowed: [...ALL] },
  {
    route: "/api/mos",
    method: "POST",
    path: () => "/api/mos",
    body: (fx) => ({ name: `Matrix MO ${fx.unique}`, productId: fx.products.table, quantity: 1 }),
    allowed: [...PLANNERS],
  },
  { route: "/api/mos/[id]", method: "GET", path: (fx) => `/api/mos/${fx.mo}`, allowed: [...ALL] },
  {
    route: "/api/mos/[id]",
    method: "PATCH",
    path: (fx) => `/api/mos/${fx.mo}`,
    body: (fx) => ({ notes: `Matrix note ${fx.unique}` }),
    allowed: ["ADMIN", "MANAGER", "SALES"],
  },
  { route: "/api/mos/[id]/cancel", method: "POST", setup: freshMo, path: (fx) => `/api/mos/${fx.extra.moId}/cancel`, allowed: [...PLANNERS] },
  { route: "/api/mos/[id]/complete", method: "POST", setup: freshMo, path: (fx) => `/api/mos/${fx.extra.moId}/complete`, allowed: [...PLANNERS] },
  { route: "/api/mos/[id]/workorders", method: "GET", path: (fx) => `/api/mos/${fx.mo}/workorders`, allowed: [...ALL] },
  {
    route: "/api/mos/[id]/workorders",
    method: "POST",
    setup: freshMo,
    path: (fx) => `/api/mos/${fx.extra.moId}/workorders`,
    body: (fx) => ({ title: `Matrix WO ${fx.unique}` }),
    allowed: [...PLANNERS],
  },
  { route: "/api/workorders", method: "GET", path: () => "/api/workorders", allowed: [...ALL] },
  { route: "/api/workorders/[id]", method: "GET", path: (fx) => `/api/workorders/${fx.workOrders[0]}`, allowed: [...ALL] },
  {
    route: "/api/workorders/[id]",
    method: "PATCH",
    path: (fx) => `/api/workorders/${fx.workOrders[1]}`,
    body: (fx) => ({ description: `Matrix ${fx.unique}` }),
    allowed: [...PLANNERS],
  },
  { route: "/api/workorders/[id]/start", method: "POST", path: (fx) => `/api/workorders/${fx.workOrders[0]}/start`, allowed: [...EXECUTORS] },
  { route: "/api/workorders/[id]/pause", method: "POST", path: (fx) => `/api/workorders/${fx.workOrders[0]}/pause`, allowed: [...EXECUTORS] },
  { route: "/api/workorders/[id]/complete", method: "POST", path: (fx) => `/api/workorders/${fx.workOrders[0]}/complete`, allowed: [...EXECUTORS] },
  { route: "/api/workorders/[id]/comments", method: "GET", path: (fx) => `/api/workorders/${fx.workOrders[0]}/comments`, allowed: [...ALL] },
  {
    route: "/api/workorders/[id]/comments",
    method: "POST",
    path: (fx) => `/api/workorders/${fx.workOrders[0]}/comments`,
    body: (fx) => ({ content: `Matrix comment ${fx.unique}` }),
    allowed: [...EXECUTORS],
  },
];
