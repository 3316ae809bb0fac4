// Work order execution: start / pause / complete, from a tablet tap or scan. Every transition locks
// the MO row first and re-reads the WO under that lock, so the transitions of one MO run one at a
// time: two operators completing its last two WOs at once cannot both miss, or both do, the MO's
// completion. A start also passes the operation-order and parallel-work settings (start-rules.ts,
// docs/decisions/0003-one-running-wo-per-operator.md); a pause keeps its reason (pause-reasons.ts).
import type { Actor } from "../auth/permissions";
import { writeAudit, writeAudits, type AuditInput } from "../audit/write";
import type { Tx } from "../db/client";
import { withTx } from "../db/tx";
import { badRequest, invalidState, notFound } from "../errors";
import { Prisma } from "../db/generated/client";
import type { OrderState, Tracking, WorkStatus } from "../db/generated/enums";
import { assertWholeQuantities } from "../products/units";
import type { DomainEvent, Outcome } from "../realtime/events";
import { withStockTx } from "../inventory/tx";
import { assertChildrenReady } from "./child-gate";
import { moEvent, woEvent } from "./events";
import { lockMoOfWo } from "./lock";
import { finishMo } from "./mo-finish";
import { REACHED_SQL } from "./quantities";
import { activePauseReason } from "./pause-reasons";
import type { CompleteWoInput, PauseWoInput } from "./schemas";
import { assertNoOverlap, transitionTime } from "./action-time";
import { checkStartRules, type StartWarning } from "./start-rules";
import { canMo, canWo, isClosed, moFrom, woCanStartIn, woRefusalHint, WO_TARGET, type WoAction } from "./states";
import { assertOwnWo } from "./scope";
import { closeOpenLog, closeOpenLogAndSum, endPause, openPause, workedMinutes } from "./time-logs";
import type { WoItem } from "./views";

export type { WoAction } from "./states";

interface LockedWoRow {
  id: string;
  code: string;
  moId: string;
  sequence: number;
  status: WorkStatus;
  assignedToId: string | null;
  workCenterId: string | null;
  startTime: Date | null;
  orderNo: string;
  productId: string;
  moState: OrderState;
  bomSnapshot: Prisma.JsonValue;
  quantity: Prisma.Decimal;
  sourceLocationId: string | null;
  destLocationId: string | null;
  tracking: Tracking;
  sku: string;
  reachedQty: Prisma.Decimal;
  hasOpenChildren: boolean;
}
type LockedWo = Awaited<ReturnType<typeof readLocked>>;

/**
 * The WO and its MO as a transition decides on them, read under the MO's lock in one statement (Prisma
 * took two; what else it holds took three more): what reached the operation (REACHED_SQL, a completion's
 * check), whether the MO has an open child order (a start's gate reads them only then), and the
 * product's tracking and SKU (the MO's output, when this completion finishes it).
 */
async function readLocked(tx: Tx, id: string) {
  const [r] = await tx.$queryRaw<LockedWoRow[]>`
    SELECT w."id", w."code", w."moId", w."sequence", w."status"::text AS "status", w."assignedToId", w."workCenterId", w."startTime",
           m."orderNo", m."productId", m."state"::text AS "moState", m."bomSnapshot", m."quantity", m."sourceLocationId", m."destLocationId",
           p."tracking"::text AS "tracking", p."sku", ${REACHED_SQL} AS "reachedQty",
           EXISTS (SELECT 1 FROM "ManufacturingOrder" c WHERE c."parentId" = m."id" AND c."state" IN ('PLANNED', 'IN_PROGRESS')) AS "hasOpenChildren"
    FROM "WorkOrder" w JOIN "ManufacturingOrder" m ON m."id" = w."moId" JOIN "Product" p ON p."id" = m."productId"
    WHERE w."id" = ${id}`;
  if (!r) throw notFound("Work order");
  const { orderNo, productId, moState, bomSnapshot, quantity, sourceLocationId, destLocationId, tracking, sku, reachedQty, hasOpenChildren, ...wo } = r;
  return {
    ...wo,
    reachedQty: new Prisma.Decimal(reachedQty.toString()),
    hasOpenChildren,
    mo: {
      id: wo.moId,
      orderNo,
      productId,
      state: moState,
      bomSnapshot,
      quantity: new Prisma.Decimal(quantity.toString()),
      sourceLocationId,
      destLocationId,
      output: { tracking, sku },
    },
  };
}

/** A WO as transitions return it: the list item plus what reached its operation (quantities.ts). */
export type WoTransitionItem = WoItem & { reachedQty: Prisma.Decimal };

interface WoItemRow {
  id: string;
  code: string;
  moId: string;
  sequence: number;
  title: string;
  description: string | null;
  status: WoItem["status"];
  assignedToId: string | null;
  workCenterId: string | null;
  startTime: Date | null;
  endTime: Date | null;
  durationMin: Prisma.Decimal | null;
  plannedMin: Prisma.Decimal | null;
  goodQty: Prisma.Decimal | null;
  scrapQty: Prisma.Decimal | null;
  scrapReason: WoItem["scrapReason"];
  createdAt: Date;
  updatedAt: Date;
  assigneeName: string | null;
  workCenterName: string | null;
  orderNo: string;
  moName: string;
  moState: WoItem["mo"]["state"];
  reachedQty: Prisma.Decimal;
}

/**
 * The WO as a transition answers it (woItemSelect plus reachedQty, as quantities.ts reachedOf
 * defines it) in one statement. Prisma reads that select with one query per relation and reachedOf
 * adds two: six round trips at the end of every transition, while a completion holds the stock rows
 * of its materials locked. tests/integration/workorders.test.ts holds it equal to the Prisma reads.
 */
export async function itemOf(tx: Tx, id: string): Promise<WoTransitionItem> {
  const [r] = await tx.$queryRaw<WoItemRow[]>`
    SELECT w."id", w."code", w."moId", w."sequence", w."title", w."description", w."status"::text AS "status",
           w."assignedToId", w."workCenterId", w."startTime", w."endTime", w."durationMin", w."plannedMin",
           w."goodQty", w."scrapQty", w."scrapReason"::text AS "scrapReason", w."createdAt", w."updatedAt",
           u."name" AS "assigneeName", c."name" AS "workCenterName",
           m."orderNo", m."name" AS "moName", m."state"::text AS "moState",
           ${REACHED_SQL} AS "reachedQty"
    FROM "WorkOrder" w
    JOIN "ManufacturingOrder" m ON m."id" = w."moId"
    LEFT JOIN "User" u ON u."id" = w."assignedToId"
    LEFT JOIN "WorkCenter" c ON c."id" = w."workCenterId"
    WHERE w."id" = ${id}`;
  if (!r) throw notFound("Work order");
  const { assigneeName, workCenterName, orderNo, moName, moState, reachedQty, ...wo } = r;
  const dec = (d: Prisma.Decimal | null) => (d === null ? null : new Prisma.Decimal(d.toString()));
  return {
    ...wo,
    durationMin: dec(wo.durationMin),
    plannedMin: dec(wo.plannedMin),
    goodQty: dec(wo.goodQty),
    scrapQty: dec(wo.scrapQty),
    assignee: wo.assignedToId === null ? null : { id: wo.assignedToId, name: assigneeName! },
    workCenter: wo.workCenterId === null ? null : { id: wo.workCenterId, name: workCenterName! },
    mo: { id: wo.moId, orderNo, name: moName, state: moState },
    reachedQty: new Prisma.Decimal(reachedQty.toString()),
  };
}

/**
 * Runs one transition of a work order (by id or code). Repeating the state the WO is already in
 * returns it unchanged and writes nothing; any other invalid transition is 409 INVALID_STATE.
 * An operator may act only on WOs assigned to them (404 otherwise). Completing the last open WO
 * completes the MO in the same transaction; a stock shortage then refuses everything (409).
 * `at` (a tablet's replay of a queued tap) is booked instead of now, within action-time.ts's checks.
 */
export async function transitionWo(ref: string, action: WoAction, actor: Actor, pauseInput: PauseWoInput = {}): Promise<Outcome<WoTransitionItem & { warnings?: StartWarning[] }>> {
  const run = action === "complete" ? withStockTx : withTx;
  return run(async (tx) => {
    const wo = await readLocked(tx, await lockMoOfWo(tx, ref));
    assertOwnWo(actor, "wo:execute", wo);
    if (wo.status === WO_TARGET[action]) return { result: await itemOf(tx, wo.id), events: [] };

    const warnings: StartWarning[] = [];
    const events =
      action === "start" ? await start(tx, wo, actor, warnings, pauseInput.at) : action === "pause" ? await pause(tx, wo, actor, pauseInput) : await complete(tx, wo, actor, { at: pauseInput.at });
    return { result: { ...(await itemOf(tx, wo.id)), ...(warnings.length ? { warnings } : {}) }, events };
  });
}

/**
 * Completes a work order with the good and scrapped units its operator reports (defaults: scrap 0,
 * good = what reached it − scrap). Like transitionWo("complete"), which it is with a body: a repeat
 * on a COMPLETED WO returns it unchanged whatever the body says.
 */
export async function completeWo(ref: string, input: CompleteWoInput, actor: Actor): Promise<Outcome<WoTransitionItem>> {
  return withStockTx(async (tx) => {
    const wo = await readLocked(tx, await lockMoOfWo(tx, ref));
    assertOwnWo(actor, "wo:execute", wo);
    if (wo.status === WO_TARGET.complete) return { result: await itemOf(tx, wo.id), events: [] };
    const events = await complete(tx, wo, actor, input);
    return { result: await itemOf(tx, wo.id), events };
  });
}

function refuse(wo: LockedWo, action: WoAction): never {
  const hint = woRefusalHint(action, wo.status);
  throw invalidState(`${wo.code} is ${wo.status}: it cannot ${action}${hint ? ` (${hint})` : ""}.`, { code: wo.code, status: wo.status, moState: wo.mo.state });
}

async function start(tx: Tx, wo: LockedWo, actor: Actor, warnings: StartWarning[], at?: Date): Promise<DomainEvent[]> {
  if (!woCanStartIn(wo.mo.state)) {
    throw invalidState(`${wo.mo.orderNo} is ${wo.mo.state}: its work orders cannot start.`, { code: wo.code, status: wo.status, moState: wo.mo.state });
  }
  if (!canWo("start", wo.status)) refuse(wo, "start");
  if (wo.hasOpenChildren) await assertChildrenReady(tx, wo.mo);
  warnings.push(...(await checkStartRules(tx, wo, actor)));
  // The device's time of the tap when it sent one (a replay of a queued action), else now: action-time.ts.
  const serverNow = new Date();
  const now = await transitionTime(tx, wo.id, at, serverNow);
  await assertNoOverlap(tx, actor, wo.id, now, serverNow);
  if (wo.status === "PAUSED") await endPause(tx, wo.id, now); // only a PAUSED WO has an open pause
  await tx.workOrderTimeLog.create({ data: { workOrderId: wo.id, userId: actor.id, startedAt: now } });
  const updated = await tx.workOrder.update({ where: { id: wo.id }, data: { status: "STARTED", startTime: wo.startTime ?? now }, select: { id: true, status: true, moId: true } });
  const audits: AuditInput[] = [{ actorId: actor.id, action: "wo.start", entityType: "WorkOrder", entityId: wo.id, payload: { code: wo.code, from: wo.status, ...(warnings.length ? { warnings } : {}) } }];
  const events = [woEvent("wo:updated", updated)];
  if (canMo("start", wo.mo.state)) {
    await tx.manufacturingOrder.updateMany({ where: { id: wo.moId, state: { in: moFrom("start") } }, data: { state: "IN_PROGRESS", startedAt: now } });
    audits.push({ actorId: actor.id, action: "mo.start", entityType: "ManufacturingOrder", entityId: wo.moId, payload: { orderNo: wo.mo.orderNo, from: "PLANNED", workOrder: wo.code } });
    events.push(moEvent("mo:updated", { id: wo.moId, state: "IN_PROGRESS" }));
  }
  await writeAudits(tx, audits); // the WO's row and, when it started the MO, the MO's: one statement
  return events;
}

async function pause(tx: Tx, wo: LockedWo, actor: Actor, input: PauseWoInput): Promise<DomainEvent[]> {
  if (!canWo("pause", wo.status)) refuse(wo, "pause");
  const reason = await activePauseReason(tx, input.reason);
  const now = await transitionTime(tx, wo.id, input.at);
  await closeOpenLog(tx, wo.id, now);
  await openPause(tx, wo.id, actor.id, reason.id, now);
  const updated = await tx.workOrder.update({ where: { id: wo.id }, data: { status: "PAUSED" }, select: { id: true, status: true, moId: true } });
  await writeAudit(tx, { actorId: actor.id, action: "wo.pause", entityType: "WorkOrder", entityId: wo.id, payload: { code: wo.code, from: wo.status, reason: reason.code } });
  return [woEvent("wo:updated", updated)];
}

/**
 * Good and scrapped units of a completion, checked against what reached the operation (400 naming
 * the field: scrap alone too much → scrapQty, else goodQty); counted products take whole units.
 */
async function completionQuantities(tx: Tx, wo: LockedWo, input: CompleteWoInput) {
  await assertWholeQuantities(tx, [
    { path: ["goodQty"], productId: wo.mo.productId, quantity: input.goodQty },
    { path: ["scrapQty"], productId: wo.mo.productId, quantity: input.scrapQty },
  ]);
  const reached = wo.reachedQty;
  const scrapQty = new Prisma.Decimal(input.scrapQty ?? 0);
  const goodQty = input.goodQty === undefined ? reached.minus(scrapQty) : new Prisma.Decimal(input.goodQty);
  const over = (path: "goodQty" | "scrapQty") =>
    badRequest(`${path}: ${goodQty.plus(scrapQty).toString()} good and scrapped is more than the ${reached.toString()} that reached ${wo.code}.`, [
      { path, message: `good + scrap may not exceed ${reached.toString()} (what reached this operation)` },
    ]);
  if (scrapQty.greaterThan(reached)) throw over("scrapQty");
  if (goodQty.plus(scrapQty).greaterThan(reached)) throw over("goodQty");
  return { goodQty, scrapQty, scrapReason: scrapQty.isZero() ? null : (input.scrapReason ?? "OTHER") };
}

async function complete(tx: Tx, wo: LockedWo, actor: Actor, input: CompleteWoInput = {}): Promise<DomainEvent[]> {
  if (!canWo("complete", wo.status)) refuse(wo, "complete");
  if (isClosed(wo.mo.state)) {
    throw invalidState(`${wo.mo.orderNo} is ${wo.mo.state}: its work orders can no longer change.`, { code: wo.code, status: wo.status, moState: wo.mo.state });
  }
  const qty = await completionQuantities(tx, wo, input);
  const now = await transitionTime(tx, wo.id, input.at);
  // A STARTED WO has its open time log, a PAUSED one its open pause (never both): close the one it has.
  let durationMin: Prisma.Decimal;
  if (wo.status === "STARTED") durationMin = await closeOpenLogAndSum(tx, wo.id, now);
  else {
    await endPause(tx, wo.id, now);
    durationMin = await workedMinutes(tx, wo.id);
  }
  const updated = await tx.workOrder.update({ where: { id: wo.id }, data: { status: "COMPLETED", endTime: now, durationMin, ...qty }, select: { id: true, status: true, moId: true } });
  // Written with the MO's own row when this completion finishes it (one statement), else alone.
  const audit: AuditInput = {
    actorId: actor.id,
    action: "wo.complete",
    entityType: "WorkOrder",
    entityId: wo.id,
    payload: { code: wo.code, from: wo.status, durationMin: durationMin.toString(), goodQty: qty.goodQty.toString(), scrapQty: qty.scrapQty.toString(), scrapReason: qty.scrapReason },
  };
  const events = [woEvent("wo:updated", updated)];
  // In one statement: how many of the MO's WOs are still open, and for its completion the good units
  // of its final operation and the scrap of all (woScrapOf's sum).
  const [mine] = await tx.$queryRaw<{ open: number; finalGood: Prisma.Decimal | null; scrap: Prisma.Decimal | null }[]>`
    SELECT COUNT(*) FILTER (WHERE "status" <> 'COMPLETED')::int AS "open",
           (SELECT f."goodQty" FROM "WorkOrder" f WHERE f."moId" = ${wo.moId} ORDER BY f."sequence" DESC LIMIT 1) AS "finalGood",
           SUM("scrapQty") AS "scrap"
    FROM "WorkOrder" WHERE "moId" = ${wo.moId}`;
  if (mine!.open === 0) {
    // The MO made what its final operation passed as good; it scrapped what every operation scrapped.
    const dec = (d: Prisma.Decimal | null) => new Prisma.Decimal((d ?? 0).toString());
    const quantities = { producedQty: mine!.finalGood === null ? wo.mo.quantity : dec(mine!.finalGood), scrapQty: dec(mine!.scrap) };
    events.push(...(await finishMo(tx, wo.mo, quantities, actor, { via: "last work order", workOrder: wo.code }, input, [audit])));
    return events;
  }
  if (input.outputLotCode !== undefined || input.consumedLots !== undefined) {
    // Lots are named when the order is finished: by its last open work order (the transaction rolls back).
    const path = input.outputLotCode !== undefined ? "outputLotCode" : "consumedLots";
    throw badRequest(`${path}: only the completion of ${wo.mo.orderNo}'s last open work order finishes the order and can name lots.`, [{ path, message: "only on the last open work order" }]);
  }
  await writeAudit(tx, audit);
  return events;
}
