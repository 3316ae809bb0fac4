// The demo data of seed 000 (plus SALES and VIEWER users): a use case of its own, run by
// `npm run db:seed` and on the first start of an empty embedded database. Idempotent: every record
// is looked up by its natural key first, so running it twice changes nothing.
import { hashPassword } from "../auth/password";
import { writeAudit } from "../audit/write";
import { ensureStockLevel } from "../stock/levels";
import { postStock } from "../stock/post";
import { prisma } from "../db/client";
import type { UserRole } from "../db/generated/enums";
import { withTx } from "../db/tx";

export const DEMO_USERS: { email: string; password: string; name: string; role: UserRole }[] = [
  { email: "admin@demo.com", password: "Admin@123", name: "Admin User", role: "ADMIN" },
  { email: "manager@demo.com", password: "Manager@123", name: "Maria Manager", role: "MANAGER" },
  { email: "operator@demo.com", password: "Operator@123", name: "Otto Operator", role: "OPERATOR" },
  { email: "inventory@demo.com", password: "Inventory@123", name: "Ines Inventory", role: "INVENTORY" },
  { email: "sales@demo.com", password: "Sales@123", name: "Sam Sales", role: "SALES" },
  { email: "viewer@demo.com", password: "Viewer@123", name: "Vic Viewer", role: "VIEWER" },
];

/** The demo order's name: its natural key (its number comes from the same sequence as every order's). */
export const DEMO_MO_NAME = "Produce 5 Metal Tables";

export interface SeedResult {
  createdUsers: number;
  created: string[];
}

/** Loads the demo data into any database; creates only what is missing. */
export async function seedDemo(): Promise<SeedResult> {
  const missing = [];
  for (const u of DEMO_USERS) {
    if (!(await prisma().user.findUnique({ where: { email: u.email }, select: { id: true } }))) missing.push(u);
  }
  // Hash outside the transaction: bcrypt is slow on purpose.
  const hashed = await Promise.all(missing.map(async (u) => ({ ...u, passwordHash: await hashPassword(u.password) })));
  const created: string[] = [];

  await withTx(async (tx) => {
    for (const u of hashed) {
      await tx.user.create({ data: { email: u.email, name: u.name, role: u.role, passwordHash: u.passwordHash } });
      created.push(`user ${u.email}`);
    }
    const manager = await tx.user.findUniqueOrThrow({ where: { email: "manager@demo.com" } });
    const operator = await tx.user.findUniqueOrThrow({ where: { email: "operator@demo.com" } });

    const product = async (sku: string, data: { name: string; isFinished: boolean; uom: string; unitCost: number; reorderPoint?: number; description: string }) => {
      const existing = await tx.product.findUnique({ where: { sku } });
      if (existing) return existing;
      created.push(`product ${sku}`);
      const p = await tx.product.create({ data: { sku, ...data } });
      await ensureStockLevel(tx, p.id);
      return p;
    };
    const steel = await product("STEEL-01", { name: "Steel Plate", isFinished: false, uom: "pcs", unitCost: 25, reorderPoint: 20, description: "2 mm cold-rolled steel plate, 1000 × 500 mm" });
    const screws = await product("SCR-01", { name: "Screws Pack", isFinished: false, uom: "pack", unitCost: 0.5, reorderPoint: 200, description: "M6 × 20 screws, pack of 10" });
    const table = await product("TABLE-100", { name: "Metal Table", isFinished: true, uom: "pcs", unitCost: 120, description: "Welded metal work table" });

    const center = async (name: string, costPerHour: number, description: string) =>
      (await tx.workCenter.findUnique({ where: { name } })) ?? (created.push(`work center ${name}`), await tx.workCenter.create({ data: { name, costPerHour, capacity: 2, description } }));
    const welding = await center("Welding", 45, "Cutting and welding cell");
    const assembly = await center("Assembly", 35, "Assembly bench");

    if (!(await tx.bOM.findUnique({ where: { productId: table.id } }))) {
      await tx.bOM.create({
        data: {
          productId: table.id,
          components: { create: [{ materialId: steel.id, qtyPerUnit: 2 }, { materialId: screws.id, qtyPerUnit: 20 }] },
          operations: {
            create: [
              { sequence: 1, title: "Cut & Weld", workCenterId: welding.id, minutesPerUnit: 30 },
              { sequence: 2, title: "Assembly", workCenterId: assembly.id, minutesPerUnit: 20 },
            ],
          },
        },
      });
      created.push("BOM TABLE-100");
    }

    // Initial stock goes through the stock module like every other movement.
    const initial: [string, number][] = [[steel.id, 100], [screws.id, 1000]];
    for (const [productId, qty] of initial) {
      if ((await tx.stockEntry.count({ where: { productId } })) === 0) {
        await postStock(tx, { lines: [{ productId, change: qty }], sourceType: "INITIAL", note: "Demo opening balance" });
        created.push(`initial stock ${qty}`);
      }
    }

    if (!(await tx.manufacturingOrder.findFirst({ where: { name: DEMO_MO_NAME, productId: table.id }, select: { id: true } }))) {
      // No orderNo: the column default numbers it like every other order (mes_next_code, MO-000001…).
      const mo = await tx.manufacturingOrder.create({
        data: {
          name: DEMO_MO_NAME,
          productId: table.id,
          quantity: 5,
          createdById: manager.id,
          deadline: new Date(Date.now() + 7 * 24 * 3600 * 1000),
          bomSnapshot: [
            { materialId: steel.id, sku: steel.sku, name: steel.name, uom: steel.uom, qtyPerUnit: 2 },
            { materialId: screws.id, sku: screws.sku, name: screws.name, uom: screws.uom, qtyPerUnit: 20 },
          ],
          workOrders: {
            create: [
              { sequence: 1, title: "Cut & Weld", assignedToId: operator.id, workCenterId: welding.id, plannedMin: 150 },
              { sequence: 2, title: "Assembly", assignedToId: operator.id, workCenterId: assembly.id, plannedMin: 100 },
            ],
          },
        },
      });
      await writeAudit(tx, { actorId: null, action: "mo.create", entityType: "ManufacturingOrder", entityId: mo.id, payload: { orderNo: mo.orderNo, seed: true } });
      created.push(mo.orderNo);
    }
  });
  return { createdUsers: hashed.length, created };
}

/** The sign-in details, printed after seeding. */
export function demoCredentialsText(): string {
  const rows = DEMO_USERS.map((u) => `  ${u.role.padEnd(10)} ${u.email.padEnd(22)} ${u.password}`);
  return ["Demo users (change or deactivate them before real use):", ...rows].join("\n");
}
