// The ids of the demo records the route-walking suites (RBAC matrix, fuzz) call routes with.
import type { UserRole } from "@/lib/db/generated/enums";
import { DEMO_MO_NAME } from "@/lib/demo/seed";
import type { Fixtures } from "../integration/matrix/types";
import type { TestApp } from "./app";

/** The demo users by role, products, work centers, the demo order and its two work orders. */
export async function demoFixtures(app: TestApp): Promise<Omit<Fixtures, "unique" | "extra">> {
  const p = app.db.handle.prisma;
  const users = Object.fromEntries((await p.user.findMany()).map((u) => [u.role, u.id])) as Record<UserRole, string>;
  const bySku = Object.fromEntries((await p.product.findMany()).map((x) => [x.sku, x.id]));
  const centers = Object.fromEntries((await p.workCenter.findMany()).map((w) => [w.name, w.id]));
  const mo = await p.manufacturingOrder.findFirstOrThrow({ where: { name: DEMO_MO_NAME }, include: { workOrders: { orderBy: { sequence: "asc" } } } });
  return {
    users,
    products: { steel: bySku["STEEL-01"]!, screws: bySku["SCR-01"]!, table: bySku["TABLE-100"]! },
    workCenters: { welding: centers.Welding!, assembly: centers.Assembly! },
    mo: mo.id,
    workOrders: [mo.workOrders[0]!.id, mo.workOrders[1]!.id],
  };
}
