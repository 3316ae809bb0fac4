// Locations (docs/locations.md): a tree of places stock is kept. Writes are audited; a parent that
// would make a cycle is refused; the four defaults (defaults.ts) can be renamed but keep their kind.
import type { Actor } from "../auth/permissions";
import { scheduleMaterialRefresh } from "../manufacturing/availability";
import { writeAudit } from "../audit/write";
import { prisma, type Tx } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { withTx } from "../db/tx";
import { badRequest, conflict, invalidState, notFound } from "../errors";
import { DEFAULT_LOCATIONS } from "./defaults";
import type { CreateLocationInput, ListLocationsQuery, UpdateLocationInput } from "./schemas";

export const locationSelect = { id: true, code: true, name: true, kind: true, parentId: true, active: true, createdAt: true, updatedAt: true } as const satisfies Prisma.LocationSelect;
export type LocationRow = Prisma.LocationGetPayload<{ select: typeof locationSelect }>;

const DEFAULT_IDS = new Set<string>(Object.values(DEFAULT_LOCATIONS));

/** Every location (active ones unless asked), by code, with the per-location total on hand. */
export async function listLocations(q: ListLocationsQuery): Promise<{ items: (LocationRow & { isDefault: boolean })[] }> {
  const rows = await prisma().location.findMany({ where: q.includeInactive ? {} : { active: true }, select: locationSelect, orderBy: { code: "asc" } });
  return { items: rows.map((l) => ({ ...l, isDefault: DEFAULT_IDS.has(l.id) })) };
}

/** One location with what is on hand there, per product and lot (zero balances left out). */
export async function getLocation(id: string) {
  const location = await prisma().location.findUnique({ where: { id }, select: locationSelect });
  if (!location) throw notFound("Location");
  const stock = await prisma().stockBalance.findMany({
    where: { locationId: id, onHand: { not: 0 } },
    select: {
      onHand: true,
      product: { select: { id: true, sku: true, name: true, uom: true, tracking: true } },
      lot: { select: { id: true, code: true, expiresAt: true } },
    },
    orderBy: [{ product: { sku: "asc" } }, { lot: { code: "asc" } }],
  });
  return { ...location, isDefault: DEFAULT_IDS.has(id), stock };
}

async function assertParent(tx: Tx, id: string | null, parentId: string | null | undefined): Promise<void> {
  if (!parentId) return;
  // Walk up from the new parent: reaching the location itself would make a cycle.
  let cursor: string | null = parentId;
  const seen = new Set<string>();
  while (cursor) {
    if (cursor === id) throw badRequest("A location cannot be inside itself.", { fieldErrors: { parentId: ["would make a cycle"] } });
    if (seen.has(cursor)) break;
    seen.add(cursor);
    const p: { parentId: string | null } | null = await tx.location.findUnique({ where: { id: cursor }, select: { parentId: true } });
    if (!p) throw badRequest("The parent location does not exist.", { fieldErrors: { parentId: ["not found"] } });
    cursor = p.parentId;
  }
}

async function assertCodeFree(tx: Tx, code: string, except?: string): Promise<void> {
  const other = await tx.location.findFirst({ where: { code: { equals: code, mode: "insensitive" } }, select: { id: true } });
  if (other && other.id !== except) throw conflict(`A location with code ${code} already exists.`);
}

export async function createLocation(input: CreateLocationInput, actor: Actor): Promise<LocationRow> {
  return withTx(async (tx) => {
    await assertCodeFree(tx, input.code);
    await assertParent(tx, null, input.parentId);
    const l = await tx.location.create({ data: { code: input.code, name: input.name, kind: input.kind ?? "STORAGE", parentId: input.parentId ?? null, active: input.active ?? true }, select: locationSelect });
    await writeAudit(tx, { actorId: actor.id, action: "location.create", entityType: "Location", entityId: l.id, payload: { code: l.code, name: l.name, kind: l.kind, parentId: l.parentId } });
    return l;
  });
}

export async function updateLocation(id: string, input: UpdateLocationInput, actor: Actor): Promise<LocationRow> {
  let kindChanged = false;
  const row = await withTx(async (tx) => {
    const before = await tx.location.findUnique({ where: { id }, select: locationSelect });
    if (!before) throw notFound("Location");
    if (DEFAULT_IDS.has(id) && ((input.kind && input.kind !== before.kind) || input.active === false)) {
      throw invalidState(`${before.code} is a default location: its kind stays and it cannot be switched off.`);
    }
    if (input.code !== undefined && input.code !== before.code) await assertCodeFree(tx, input.code, id);
    if (input.parentId !== undefined) await assertParent(tx, id, input.parentId);
    const l = await tx.location.update({ where: { id }, data: input, select: locationSelect });
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const k of ["code", "name", "kind", "parentId", "active"] as const) {
      if (input[k] !== undefined && input[k] !== before[k]) changes[k] = { from: before[k], to: input[k] };
    }
    await writeAudit(tx, { actorId: actor.id, action: "location.update", entityType: "Location", entityId: id, payload: changes as Prisma.InputJsonObject });
    kindChanged = "kind" in changes;
    return l;
  });
  // Stock there may have become held or usable (lib/stock/held.ts): re-rank every open order. The
  // MOs whose status changes are announced by the outbox trigger (mo:materialStatus).
  if (kindChanged) await scheduleMaterialRefresh(async () => undefined);
  return row;
}
