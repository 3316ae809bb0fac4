// Notifications in the reader's language (issue 11): rows are stored as a message key and parameters
// and rendered when read, so the same row reads in Dutch for a Dutch reader and in English for an
// English one; rows written before keys existed are read back into keys by the migration.
import { readFileSync } from "node:fs";
import { withTx } from "@/lib/db/tx";
import { notifyLateOrders } from "@/lib/notifications/late";
import { notifyRoles, notifyUsers } from "@/lib/notifications/create";
import { startTestApp, type TestApp } from "../helpers/app";
import type { Client } from "../helpers/client";

let app: TestApp;
const DAY = 24 * 3600 * 1000;

interface Item {
  id: string;
  type: string;
  title: string;
  body: string;
  link: string | null;
  readAt: string | null;
}

/** The caller's notifications as shown to a browser speaking `lang`, by id. */
async function read(c: Client, lang = "en-US"): Promise<Map<string, Item>> {
  const res = await fetch(`${app.url}/api/notifications?pageSize=100`, { headers: { cookie: c.cookieHeader(), "accept-language": lang } });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { items: Item[] } & Record<string, unknown>;
  // The API shows the text, never the key and parameters it came from.
  for (const n of body.items) expect(Object.keys(n).sort()).toEqual(["body", "createdAt", "id", "link", "readAt", "title", "type"]);
  return new Map(body.items.map((n) => [n.id, n]));
}

const userId = async (email: string) => (await app.db.handle.prisma.user.findUniqueOrThrow({ where: { email } })).id;
const setLocale = (email: string, locale: string | null) => app.db.handle.prisma.user.update({ where: { email }, data: { locale } });

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.close();
});

test("a notification for a Dutch user reads in Dutch; the same row reads in English for an English reader", async () => {
  const p = app.db.handle.prisma;
  await setLocale("operator@demo.com", "nl");
  const operator = await userId("operator@demo.com");
  await withTx((tx) => notifyUsers(tx, [operator], { type: "wo.assigned", key: "wo.assigned", params: { code: "WO-000042", title: "Lassen", orderNo: "MO-000007" }, link: "/workorders/x" }));
  const row = await p.notification.findFirstOrThrow({ where: { userId: operator, type: "wo.assigned", link: "/workorders/x" } });
  // Stored as a key and parameters, with the English text for anything reading the columns directly.
  expect(row).toEqual(expect.objectContaining({ key: "wo.assigned", params: { code: "WO-000042", title: "Lassen", orderNo: "MO-000007" }, title: "WO-000042 assigned to you" }));

  const c = await app.as("OPERATOR");
  // The saved preference wins over an English browser.
  expect((await read(c, "en-US")).get(row.id)).toEqual(expect.objectContaining({ title: "WO-000042 aan jou toegewezen", body: "Lassen (MO-000007) is aan jou toegewezen." }));
  const marked = await fetch(`${app.url}/api/notifications/${row.id}/read`, { method: "POST", headers: { cookie: c.cookieHeader(), "accept-language": "en-US", origin: app.url } });
  expect(marked.status).toBe(200);
  expect(await marked.json()).toEqual(expect.objectContaining({ id: row.id, title: "WO-000042 aan jou toegewezen" }));

  await setLocale("operator@demo.com", "en");
  expect((await read(c, "nl-NL")).get(row.id)).toEqual(expect.objectContaining({ title: "WO-000042 assigned to you", body: "Lassen (MO-000007) was assigned to you." }));
  // No preference: the browser's language.
  await setLocale("operator@demo.com", null);
  expect((await read(c, "nl-BE,nl;q=0.9")).get(row.id)!.title).toBe("WO-000042 aan jou toegewezen");
  expect((await read(c, "de-DE")).get(row.id)!.title).toBe("WO-000042 assigned to you");
});

test("the late-order sweep: the deadline in the reader's conventions and the factory's zone; English as before", async () => {
  const p = app.db.handle.prisma;
  await setLocale("manager@demo.com", "nl");
  const manager = await userId("manager@demo.com");
  const table = await p.product.findUniqueOrThrow({ where: { sku: "TABLE-100" } });
  const deadline = new Date(Math.floor((Date.now() - 2 * DAY) / 60_000) * 60_000);
  const mo = await p.manufacturingOrder.create({ data: { productId: table.id, createdById: manager, bomSnapshot: [], name: "Tafels voor Bakker", quantity: 2, deadline } });
  await notifyLateOrders();
  const row = await p.notification.findFirstOrThrow({ where: { type: "mo.late", link: `/mos/${mo.id}` } });
  const iso = deadline.toISOString();
  const en = `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
  const nl = `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)} ${iso.slice(11, 16)}`;
  // FACTORY_TIME_ZONE is unset here, so the server's zone (UTC in the test run); the English text is today's.
  expect(row.body).toBe(`"Tafels voor Bakker" was due ${en} UTC and is not done.`);
  const item = (await read(await app.as("MANAGER"))).get(row.id)!;
  expect(item.title).toBe(`${mo.orderNo} is te laat`);
  expect(item.body).toBe(`"Tafels voor Bakker" moest klaar zijn op ${nl} UTC en is nog niet gereed.`);
});

test("a refused posting's shortage lists each product in Dutch, one per '; ', numbers with Dutch separators", async () => {
  const p = app.db.handle.prisma;
  await setLocale("inventory@demo.com", "nl");
  const steel = await p.product.findUniqueOrThrow({ where: { sku: "STEEL-01" }, include: { stockLevel: true } });
  const onHand = steel.stockLevel!.onHand.toNumber();
  const c = await app.as("INVENTORY");
  const res = await c.post("/api/stock/manual", { productId: steel.id, change: -(onHand + 1234), note: "telling" });
  expect(res.status).toBe(409);
  const row = await p.notification.findFirstOrThrow({ where: { type: "stock.shortage", userId: await userId("inventory@demo.com") }, orderBy: { createdAt: "desc" } });
  const item = (await read(c)).get(row.id)!;
  expect(item.title).toBe("Een voorraadboeking is geweigerd: onvoldoende voorraad");
  const fmt = (n: number) => new Intl.NumberFormat("nl-NL", { maximumFractionDigits: 4 }).format(n);
  expect(item.body).toBe(`STEEL-01 (Steel Plate): ${fmt(onHand)} op voorraad, ${fmt(onHand + 1234)} nodig, 1.234 pcs te kort`);

  await withTx((tx) =>
    notifyRoles(tx, ["INVENTORY"], { type: "stock.reorder", key: "stock.reorder", params: { sku: "SCR-01", name: "Screws Pack", onHand: 7.5, uom: "pack", reorderPoint: 10 }, link: "/stock?x" }),
  );
  const reorder = await p.notification.findFirstOrThrow({ where: { type: "stock.reorder", link: "/stock?x" } });
  expect((await read(c)).get(reorder.id)).toEqual(expect.objectContaining({ title: "SCR-01 staat op of onder het bestelpunt", body: "Screws Pack: 7,5 pack op voorraad (bestelpunt 10)." }));
  expect(reorder.body).toBe("Screws Pack: 7.5 pack on hand (reorder point 10).");
});

test("the migration reads rows written before keys back into their key and parameters; other rows show as stored", async () => {
  const p = app.db.handle.prisma;
  await setLocale("viewer@demo.com", "nl");
  const viewer = await userId("viewer@demo.com");
  const old = (type: string, title: string, body: string) => p.notification.create({ data: { userId: viewer, type, title, body } });
  const rows = {
    late: await old("mo.late", "MO-000123 is late", '"Old order" was due 2026-11-20 08:30 UTC and is not done.'),
    assigned: await old("wo.assigned", "WO-000001 assigned to you", "Zagen (MO-000002) was assigned to you."),
    transferred: await old("wo.transferred", "WO-000001 transferred away", "Zagen (MO-000002) is no longer assigned to you."),
    reorder: await old("stock.reorder", "SCR-01 is at or below its reorder point", "Screws Pack: 150.5 pack on hand (reorder point 200)."),
    shortage: await old(
      "stock.shortage",
      "A stock posting was refused: not enough stock",
      "STEEL-01 (Steel Plate): 5 on hand, 7 needed, short by 2 pcs; SCR-01 (Screws Pack): 0 on hand, 20.5 needed, short by 20.5 pack",
    ),
    issue: await old("wo.issue", "Issue reported on WO-000003 (MO-000004)", "Otto Operator: Machine stuck: help\nplease"),
    custom: await old("wo.assigned", "Something else", "Written by hand"),
  };
  const sql = readFileSync("prisma/migrations/20261129060000_notification_keys/migration.sql", "utf8")
    .split("\n")
    .filter((l) => !l.startsWith("--"))
    .join("\n")
    .split(/;\s*\n/)
    .map((s) => s.trim())
    .filter((s) => s.startsWith("UPDATE"));
  expect(sql).toHaveLength(6);
  for (const statement of sql) await p.$executeRawUnsafe(statement);

  const stored = new Map((await p.notification.findMany({ where: { userId: viewer } })).map((n) => [n.id, n]));
  expect(stored.get(rows.late.id)).toEqual(expect.objectContaining({ key: "mo.late", params: { orderNo: "MO-000123", name: "Old order", deadline: { $date: "2026-11-20T08:30:00.000Z" } } }));
  expect(stored.get(rows.shortage.id)!.params).toEqual({
    items: [
      { sku: "STEEL-01", name: "Steel Plate", onHand: 5, required: 7, shortBy: 2, uom: "pcs" },
      { sku: "SCR-01", name: "Screws Pack", onHand: 0, required: 20.5, shortBy: 20.5, uom: "pack" },
    ],
  });
  expect(stored.get(rows.custom.id)!.key).toBeNull();

  const shown = await read(await app.as("VIEWER"));
  const text = (r: { id: string }) => [shown.get(r.id)!.title, shown.get(r.id)!.body];
  expect(text(rows.late)).toEqual(["MO-000123 is te laat", '"Old order" moest klaar zijn op 20-11-2026 08:30 UTC en is nog niet gereed.']);
  expect(text(rows.assigned)).toEqual(["WO-000001 aan jou toegewezen", "Zagen (MO-000002) is aan jou toegewezen."]);
  expect(text(rows.transferred)).toEqual(["WO-000001 overgedragen", "Zagen (MO-000002) is niet meer aan jou toegewezen."]);
  expect(text(rows.reorder)).toEqual(["SCR-01 staat op of onder het bestelpunt", "Screws Pack: 150,5 pack op voorraad (bestelpunt 200)."]);
  expect(text(rows.shortage)).toEqual([
    "Een voorraadboeking is geweigerd: onvoldoende voorraad",
    "STEEL-01 (Steel Plate): 5 op voorraad, 7 nodig, 2 pcs te kort; SCR-01 (Screws Pack): 0 op voorraad, 20,5 nodig, 20,5 pack te kort",
  ]);
  expect(text(rows.issue)).toEqual(["Probleem gemeld bij WO-000003 (MO-000004)", "Otto Operator: Machine stuck: help\nplease"]);
  expect(text(rows.custom)).toEqual(["Something else", "Written by hand"]);

  // Rendered in English, each converted row is exactly the text it was written with.
  await setLocale("viewer@demo.com", "en");
  const english = await read(await app.as("VIEWER"));
  for (const r of Object.values(rows)) expect([english.get(r.id)!.title, english.get(r.id)!.body]).toEqual([r.title, r.body]);
});
