// Users: upsert by email (lower case). A new user needs a password (the same rules as the user
// screen); for an existing user the password column is ignored, so a re-import never resets anyone.
// The importing admin cannot change their own role or deactivate themselves here.
import { z } from "zod";
import { hashPassword } from "../../auth/password";
import { writeAudit } from "../../audit/write";
import type { Prisma } from "../../db/generated/client";
import type { UserRole } from "../../db/generated/enums";
import type { DomainEvent } from "../../realtime/events";
import { passwordSchema } from "../../users/schemas";
import { flagDuplicates, type KindCtx, type KindPlan } from "../types";

const emailSchema = z.email().max(254);

/** Checks the rows against the stored users and plans the creates and updates. */
export async function planUsers(ctx: KindCtx): Promise<KindPlan> {
  for (const r of ctx.rows) if (typeof r.v.email === "string") r.v.email = r.v.email.toLowerCase();
  const valid = ctx.rows.filter((r) => {
    if (emailSchema.safeParse(r.v.email).success) return true;
    ctx.error(r.row, "email", "INVALID_EMAIL");
    return false;
  });
  const rows = flagDuplicates({ ...ctx, rows: valid }, "email", (r) => r.v.email as string);
  const existing = new Map((await ctx.tx.user.findMany({ where: { email: { in: rows.map((r) => r.v.email as string) } }, select: { id: true, email: true, name: true, role: true, active: true } })).map((u) => [u.email, u]));
  const creates: { name: string; email: string; role: UserRole; active: boolean; password: string }[] = [];
  const updates: { id: string; email: string; data: Prisma.UserUpdateInput }[] = [];
  let unchanged = 0;
  for (const r of rows) {
    const v = r.v as { email: string; name: string; role: UserRole; active: boolean | null; password: string | null };
    const before = existing.get(v.email);
    if (!before) {
      if (v.password === null) ctx.error(r.row, "password", "PASSWORD_REQUIRED");
      else if (!passwordSchema.safeParse(v.password).success) ctx.error(r.row, "password", "WEAK_PASSWORD");
      else creates.push({ name: v.name, email: v.email, role: v.role, active: v.active ?? true, password: v.password });
      continue;
    }
    const data: Prisma.UserUpdateInput = {};
    if (v.name !== before.name) data.name = v.name;
    if (v.role !== before.role) data.role = v.role;
    if (v.active !== null && v.active !== before.active) data.active = v.active;
    if (before.id === ctx.actor.id && (data.role !== undefined || data.active !== undefined)) ctx.error(r.row, data.role !== undefined ? "role" : "active", "OWN_ACCOUNT");
    if (Object.keys(data).length) updates.push({ id: before.id, email: before.email, data });
    else unchanged++;
  }
  return {
    created: creates.length,
    updated: updates.length,
    unchanged,
    apply: async () => {
      for (const c of creates) {
        await ctx.tx.user.create({ data: { name: c.name, email: c.email, role: c.role, active: c.active, passwordHash: await hashPassword(c.password) } });
      }
      const events: DomainEvent[] = [];
      for (const u of updates) {
        const after = await ctx.tx.user.update({ where: { id: u.id }, data: u.data, select: { role: true, active: true } });
        // A changed role or active flag moves or closes that user's open sockets (lib/realtime/server.ts).
        if (u.data.role !== undefined || u.data.active !== undefined) events.push({ name: "user:changed", payload: { userId: u.id, role: after.role, active: after.active } });
      }
      await writeAudit(ctx.tx, {
        actorId: ctx.actor.id,
        action: "import.users",
        entityType: "Import",
        entityId: ctx.sha256,
        payload: { filename: ctx.filename, created: creates.map((c) => c.email).slice(0, 100), updated: updates.map((u) => u.email).slice(0, 100), unchanged },
      });
      return events;
    },
  };
}
