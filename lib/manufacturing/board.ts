// The stage board (GET /api/mos/board): open MOs (PLANNED, IN_PROGRESS) as cards in columns by their
// current operation, i.e. the first work order (lowest sequence) not COMPLETED, by its title or by its
// work center. One SQL statement, whatever the number of orders: a LATERAL pick of the current
// operation (served by the unique index on (moId, sequence)), a LATERAL count for the progress, window
// functions for each column's total and its first `limit` cards in rank order (priority, deadline,
// creation). Special columns: `none` (an MO without operations) and `done` (every operation completed,
// the MO not closed yet).
import { scopeOf, type Actor } from "../auth/permissions";
import { prisma, type Db } from "../db/client";
import { Prisma } from "../db/generated/client";
import type { OrderState, Priority, WorkStatus } from "../db/generated/enums";
import { ensureMaterialStatus } from "./availability";
import type { BoardGroup, BoardQuery, MaterialStatus } from "./board-schemas";

const Decimal = Prisma.Decimal;
type Decimal = Prisma.Decimal;

export type BoardColumnKind = "operation" | "workCenter" | "none" | "done";

export interface BoardCard {
  id: string;
  orderNo: string;
  name: string;
  product: { id: string; sku: string; name: string; uom: string };
  quantity: Decimal;
  state: OrderState;
  priority: Priority;
  deadline: Date | null;
  late: boolean;
  customerName: string | null;
  customerRef: string | null;
  progress: { completed: number; total: number };
  /** The current operation: the first work order not completed, or null (none, or all done). */
  current: { id: string; code: string; title: string; status: WorkStatus; sequence: number; workCenter: { id: string; name: string } | null } | null;
  /** READY / PARTIAL / WAITING (DOMAIN-2 §1), as the availability module stored it. */
  materialStatus: MaterialStatus | null;
}

export interface BoardColumn {
  /** Stable per board: `op:<title>`, `wc:<workCenterId>` (`wc:` without a work center), `none`, `done`. */
  key: string;
  kind: BoardColumnKind;
  /** The operation's title or the work center's name; null for `none`, `done` and "no work center". */
  title: string | null;
  workCenter: { id: string; name: string } | null;
  /** Every card of the column; `cards` holds the first `limit` in rank order. */
  total: number;
  cards: BoardCard[];
}

export interface Board {
  groupBy: BoardGroup;
  limit: number;
  /** Open MOs on the board (after filters). */
  total: number;
  columns: BoardColumn[];
}

interface Row {
  id: string;
  orderNo: string;
  name: string;
  quantity: unknown;
  state: OrderState;
  priority: Priority;
  deadline: Date | null;
  customerName: string | null;
  customerRef: string | null;
  productId: string;
  productSku: string;
  productName: string;
  productUom: string;
  woId: string | null;
  woCode: string | null;
  woTitle: string | null;
  woStatus: WorkStatus | null;
  woSequence: number | null;
  wcId: string | null;
  wcName: string | null;
  woTotal: number;
  woCompleted: number;
  colKey: string;
  colTotal: number;
  colSeq: number | null;
  materialStatus: MaterialStatus | null;
}

/** `%` and `_` typed by a person are meant literally in the customer filter. */
function likePattern(s: string): string {
  return `%${s.replace(/[\\%_]/g, (c) => "\\" + c)}%`;
}

/** The statement's filters: open MOs, the actor's scope (operators: MOs with a WO of theirs), the query's filters. */
function filters(q: BoardQuery, actor: Actor): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`m."state" IN ('PLANNED', 'IN_PROGRESS')`];
  if (scopeOf(actor, "mo:read") === "own") parts.push(Prisma.sql`EXISTS (SELECT 1 FROM "WorkOrder" o WHERE o."moId" = m."id" AND o."assignedToId" = ${actor.id})`);
  if (q.workCenterId) {
    parts.push(Prisma.sql`EXISTS (SELECT 1 FROM "WorkOrder" x WHERE x."moId" = m."id" AND x."status" <> 'COMPLETED' AND x."workCenterId" IN (${Prisma.join(q.workCenterId)}))`);
  }
  if (q.priority) parts.push(Prisma.sql`m."priority"::text IN (${Prisma.join(q.priority)})`);
  if (q.customer?.trim()) parts.push(Prisma.sql`m."customerName" ILIKE ${likePattern(q.customer.trim())}`);
  if (q.materialStatus) parts.push(Prisma.sql`(${materialStatusSql}) IN (${Prisma.join(q.materialStatus)})`);
  return Prisma.join(parts, " AND ");
}

/**
 * The MO's material status: the stored column the availability module keeps current
 * (lib/manufacturing/availability.ts), read here and never recomputed by the board.
 */
const materialStatusSql = Prisma.sql`m."materialStatus"::text`;

/** The board: columns in routing order (the lowest sequence seen in each), `none` first and `done` last. */
export async function getBoard(q: BoardQuery, actor: Actor, db: Db = prisma()): Promise<Board> {
  // The stored statuses include every change committed so far (as the MO list reads them).
  await ensureMaterialStatus(db);
  const colKey =
    q.groupBy === "operation"
      ? Prisma.sql`CASE WHEN prog."total" = 0 THEN 'none' WHEN cur."id" IS NULL THEN 'done' ELSE 'op:' || cur."title" END`
      : Prisma.sql`CASE WHEN prog."total" = 0 THEN 'none' WHEN cur."id" IS NULL THEN 'done' ELSE 'wc:' || COALESCE(cur."workCenterId", '') END`;
  const rows = await db.$queryRaw<Row[]>`
    WITH cards AS (
      SELECT m."id", m."orderNo", m."name", m."quantity", m."state"::text AS "state", m."priority"::text AS "priority",
             m."deadline", m."customerName", m."customerRef", m."createdAt",
             p."id" AS "productId", p."sku" AS "productSku", p."name" AS "productName", p."uom" AS "productUom",
             cur."id" AS "woId", cur."code" AS "woCode", cur."title" AS "woTitle", cur."status"::text AS "woStatus", cur."sequence" AS "woSequence",
             wc."id" AS "wcId", wc."name" AS "wcName",
             prog."total" AS "woTotal", prog."completed" AS "woCompleted",
             ${materialStatusSql} AS "materialStatus",
             ${colKey} AS "colKey",
             CASE m."priority" WHEN 'URGENT' THEN 0 WHEN 'HIGH' THEN 1 WHEN 'NORMAL' THEN 2 ELSE 3 END AS "rank"
      FROM "ManufacturingOrder" m
      JOIN "Product" p ON p."id" = m."productId"
      LEFT JOIN LATERAL (
        SELECT w."id", w."code", w."title", w."status", w."sequence", w."workCenterId"
        FROM "WorkOrder" w WHERE w."moId" = m."id" AND w."status" <> 'COMPLETED'
        ORDER BY w."sequence" LIMIT 1
      ) cur ON true
      LEFT JOIN "WorkCenter" wc ON wc."id" = cur."workCenterId"
      CROSS JOIN LATERAL (
        SELECT count(*)::int AS "total", (count(*) FILTER (WHERE w."status" = 'COMPLETED'))::int AS "completed"
        FROM "WorkOrder" w WHERE w."moId" = m."id"
      ) prog
      WHERE ${filters(q, actor)}
    ), ranked AS (
      SELECT c.*,
             (count(*) OVER (PARTITION BY c."colKey"))::int AS "colTotal",
             min(c."woSequence") OVER (PARTITION BY c."colKey") AS "colSeq",
             row_number() OVER (PARTITION BY c."colKey" ORDER BY c."rank", c."deadline" ASC NULLS LAST, c."createdAt", c."id") AS "rn"
      FROM cards c
    )
    SELECT * FROM ranked WHERE "rn" <= ${q.limit}
    ORDER BY "colKey", "rn"`;

  const now = new Date();
  const columns = new Map<string, BoardColumn & { seq: number | null }>();
  let total = 0;
  for (const r of rows) {
    let col = columns.get(r.colKey);
    if (!col) {
      const kind: BoardColumnKind = r.colKey === "none" ? "none" : r.colKey === "done" ? "done" : q.groupBy;
      const workCenter = r.wcId && r.wcName ? { id: r.wcId, name: r.wcName } : null;
      const title = kind === "operation" ? r.woTitle : kind === "workCenter" ? (workCenter?.name ?? null) : null;
      col = { key: r.colKey, kind, title, workCenter: kind === "workCenter" ? workCenter : null, total: r.colTotal, cards: [], seq: r.colSeq };
      columns.set(r.colKey, col);
      total += r.colTotal;
    }
    const deadline = r.deadline ? new Date(r.deadline) : null;
    col.cards.push({
      id: r.id,
      orderNo: r.orderNo,
      name: r.name,
      product: { id: r.productId, sku: r.productSku, name: r.productName, uom: r.productUom },
      quantity: new Decimal(String(r.quantity)),
      state: r.state,
      priority: r.priority,
      deadline,
      late: deadline !== null && deadline < now,
      customerName: r.customerName,
      customerRef: r.customerRef,
      progress: { completed: r.woCompleted, total: r.woTotal },
      current:
        r.woId && r.woCode && r.woTitle !== null && r.woStatus && r.woSequence !== null
          ? { id: r.woId, code: r.woCode, title: r.woTitle, status: r.woStatus, sequence: r.woSequence, workCenter: r.wcId && r.wcName ? { id: r.wcId, name: r.wcName } : null }
          : null,
      materialStatus: r.materialStatus,
    });
  }
  const place = (c: { kind: BoardColumnKind }) => (c.kind === "none" ? 0 : c.kind === "done" ? 2 : 1);
  const ordered = [...columns.values()].sort(
    (a, b) => place(a) - place(b) || (a.seq ?? 0) - (b.seq ?? 0) || (a.title === null ? 1 : 0) - (b.title === null ? 1 : 0) || (a.title ?? "").localeCompare(b.title ?? "") || a.key.localeCompare(b.key),
  );
  return { groupBy: q.groupBy, limit: q.limit, total, columns: ordered.map(({ seq: _seq, ...c }) => c) };
}
