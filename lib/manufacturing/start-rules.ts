// The rules a WO start (or resume) must pass beyond its state machine, both settings
// (docs/domain.md "Shop floor", docs/decisions/0003-one-running-wo-per-operator.md):
// - operation order, WO_SEQUENCE=off|warn|strict (default warn): an earlier operation of the same MO
//   (lower sequence) still PENDING refuses the start (strict, 409 INVALID_STATE), or lets it through
//   with the warning "SEQUENCE" in the response and the audit row (warn), or is not looked at (off);
// - parallel work, MAX_RUNNING_WOS_PER_OPERATOR (default 1, 0 = no limit): a person with that many open
//   time logs elsewhere cannot start another (409). The person's row is locked first, so parallel
//   starts by one person are counted one after another (exactly the limit get through).
import type { Actor } from "../auth/permissions";
import type { Tx } from "../db/client";
import { env } from "../env";
import { invalidState } from "../errors";
import { lockUser } from "./lock";

/** What a start let through that the person should know about. */
export type StartWarning = "SEQUENCE";

export interface StartingWo {
  id: string;
  code: string;
  moId: string;
  sequence: number;
}

/** Checks operation order and parallel work for `actor` starting `wo`; throws 409 or returns the warnings. */
export async function checkStartRules(tx: Tx, wo: StartingWo, actor: Actor): Promise<StartWarning[]> {
  const warnings: StartWarning[] = [];
  const { WO_SEQUENCE: sequence, MAX_RUNNING_WOS_PER_OPERATOR: max } = env();
  if (sequence !== "off") {
    const earlier = await tx.workOrder.findMany({
      where: { moId: wo.moId, sequence: { lt: wo.sequence }, status: "PENDING" },
      orderBy: { sequence: "asc" },
      select: { code: true, sequence: true },
    });
    if (earlier.length) {
      if (sequence === "strict") {
        const codes = earlier.map((e) => e.code).join(", ");
        throw invalidState(`${wo.code} cannot start before ${codes}: an earlier operation has not started.`, { code: wo.code, rule: "SEQUENCE", earlier });
      }
      warnings.push("SEQUENCE");
    }
  }
  if (max > 0) {
    await lockUser(tx, actor.id);
    // One statement: Prisma reads the workOrder relation with a second one, even when nothing runs.
    const running = (
      await tx.$queryRaw<{ id: string; code: string }[]>`
        SELECT w."id", w."code" FROM "WorkOrderTimeLog" l JOIN "WorkOrder" w ON w."id" = l."workOrderId"
        WHERE l."userId" = ${actor.id} AND l."endedAt" IS NULL AND l."workOrderId" <> ${wo.id}
        ORDER BY l."startedAt" LIMIT ${max}`
    ).map((workOrder) => ({ workOrder }));
    if (running.length >= max) {
      const first = running[0]!.workOrder;
      const message =
        max === 1
          ? `You are already working on ${first.code}: pause or complete it first.`
          : `You are already working on ${max} work orders (${running.map((r) => r.workOrder.code).join(", ")}): pause or complete one first.`;
      throw invalidState(message, { workOrder: first, running: running.map((r) => r.workOrder), max, rule: "MAX_RUNNING" });
    }
  }
  return warnings;
}
