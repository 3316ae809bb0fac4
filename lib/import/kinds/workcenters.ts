// Work centers: upsert by name; an empty optional cell leaves an existing center's field as it is.
import { writeAudit } from "../../audit/write";
import { Prisma } from "../../db/generated/client";
import { flagDuplicates, type KindCtx, type KindPlan } from "../types";

/** Checks the rows against the stored work centers and plans the creates and updates. */
export async function planWorkCenters(ctx: KindCtx): Promise<KindPlan> {
  const rows = flagDuplicates(ctx, "name", (r) => (r.v.name as string | null) ?? null);
  const existing = new Map((await ctx.tx.workCenter.findMany({ where: { name: { in: rows.map((r) => r.v.name as string) } } })).map((w) => [w.name, w]));
  const creates: Prisma.WorkCenterCreateManyInput[] = [];
  const updates: { id: string; data: Prisma.WorkCenterUpdateInput }[] = [];
  let unchanged = 0;
  for (const r of rows) {
    const v = r.v as { name: string; description: string | null; cost_per_hour: string | null; capacity: number | null; active: boolean | null };
    const before = existing.get(v.name);
    if (!before) {
      creates.push({ name: v.name, description: v.description, costPerHour: v.cost_per_hour ?? 0, capacity: v.capacity ?? 1, active: v.active ?? true });
      continue;
    }
    const data: Prisma.WorkCenterUpdateInput = {};
    if (v.description !== null && v.description !== before.description) data.description = v.description;
    if (v.cost_per_hour !== null && !before.costPerHour.equals(new Prisma.Decimal(v.cost_per_hour))) data.costPerHour = v.cost_per_hour;
    if (v.capacity !== null && v.capacity !== before.capacity) data.capacity = v.capacity;
    if (v.active !== null && v.active !== before.active) data.active = v.active;
    if (Object.keys(data).length) updates.push({ id: before.id, data });
    else unchanged++;
  }
  return {
    created: creates.length,
    updated: updates.length,
    unchanged,
    apply: async () => {
      if (creates.length) await ctx.tx.workCenter.createMany({ data: creates });
      for (const u of updates) await ctx.tx.workCenter.update({ where: { id: u.id }, data: u.data });
      await writeAudit(ctx.tx, {
        actorId: ctx.actor.id,
        action: "import.workcenters",
        entityType: "Import",
        entityId: ctx.sha256,
        payload: { filename: ctx.filename, created: creates.length, updated: updates.length, unchanged, names: [...creates.map((c) => c.name), ...updates.map((u) => u.id)].slice(0, 100) },
      });
      return [];
    },
  };
}
