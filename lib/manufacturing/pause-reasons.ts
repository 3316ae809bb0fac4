// Pause reasons: the admin-edited list a pause picks from (docs/domain.md "Shop floor"). The six
// defaults (SETUP, MATERIAL, BREAKDOWN, QUALITY, BREAK, OTHER) come from the migration and are shown
// translated; custom reasons are shown by their name. A code never changes and a reason is never
// deleted (pauses refer to it): it is deactivated, which takes it off the tablet's picker.
import type { Actor } from "../auth/permissions";
import { writeAudit } from "../audit/write";
import { prisma, type Tx } from "../db/client";
import type { PauseReason, Prisma } from "../db/generated/client";
import { withTx } from "../db/tx";
import { badRequest, conflict, notFound } from "../errors";
import { pageArgs, type Page } from "../validation/paging";
import type { CreatePauseReasonInput, ListPauseReasonsQuery, UpdatePauseReasonInput } from "./schemas";

/** The reasons that ship with the product (their names are translated on screen). */
export const DEFAULT_PAUSE_REASONS = ["SETUP", "MATERIAL", "BREAKDOWN", "QUALITY", "BREAK", "OTHER"] as const;

/** What a pause without a reason gets (older clients; the tablet always asks). */
export const FALLBACK_PAUSE_REASON = "OTHER";

/** The list in picker order (sortOrder, then name), optionally only active or inactive ones. */
export async function listPauseReasons(q: ListPauseReasonsQuery): Promise<Page<PauseReason>> {
  const where: Prisma.PauseReasonWhereInput = q.active !== undefined ? { active: q.active } : {};
  const [items, total] = await Promise.all([
    prisma().pauseReason.findMany({ where, orderBy: [{ sortOrder: "asc" }, { name: "asc" }, { id: "asc" }], ...pageArgs(q) }),
    prisma().pauseReason.count({ where }),
  ]);
  return { items, total, page: q.page, pageSize: q.pageSize };
}

/** Adds a reason (code unique, 409 otherwise); it goes to the end of the list unless sortOrder says otherwise. */
export async function createPauseReason(input: CreatePauseReasonInput, actor: Actor): Promise<PauseReason> {
  return withTx(async (tx) => {
    if (await tx.pauseReason.findUnique({ where: { code: input.code }, select: { id: true } })) throw conflict(`A pause reason with the code ${input.code} already exists.`);
    const last = await tx.pauseReason.aggregate({ _max: { sortOrder: true } });
    const r = await tx.pauseReason.create({
      data: { code: input.code, name: input.name, active: input.active ?? true, sortOrder: input.sortOrder ?? (last._max.sortOrder ?? 0) + 10 },
    });
    await writeAudit(tx, { actorId: actor.id, action: "pausereason.create", entityType: "PauseReason", entityId: r.id, payload: { code: r.code, name: r.name, active: r.active, sortOrder: r.sortOrder } });
    return r;
  });
}

/** Renames, reorders, deactivates or reactivates a reason. */
export async function updatePauseReason(id: string, input: UpdatePauseReasonInput, actor: Actor): Promise<PauseReason> {
  return withTx(async (tx) => {
    const before = await tx.pauseReason.findUnique({ where: { id } });
    if (!before) throw notFound("Pause reason");
    const r = await tx.pauseReason.update({ where: { id }, data: input });
    const changes: Record<string, { from: Prisma.InputJsonValue; to: Prisma.InputJsonValue }> = {};
    for (const k of ["name", "sortOrder", "active"] as const) if (input[k] !== undefined && input[k] !== before[k]) changes[k] = { from: before[k], to: input[k]! };
    await writeAudit(tx, { actorId: actor.id, action: "pausereason.update", entityType: "PauseReason", entityId: id, payload: { code: r.code, ...changes } });
    return r;
  });
}

/** The active reason a pause names (absent: OTHER); 400 on `reason` for an unknown or inactive code. */
export async function activePauseReason(tx: Tx, code: string | undefined): Promise<{ id: string; code: string }> {
  const wanted = code ?? FALLBACK_PAUSE_REASON;
  const r = await tx.pauseReason.findUnique({ where: { code: wanted }, select: { id: true, code: true, active: true } });
  if (!r || !r.active) {
    throw badRequest(`reason: ${wanted} is not an active pause reason.`, [{ path: "reason", message: r ? "is no longer in use" : "is not a known pause reason" }]);
  }
  return { id: r.id, code: r.code };
}
