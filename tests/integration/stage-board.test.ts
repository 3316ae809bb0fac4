// The stage board (GET /api/mos/board): open MOs as cards in columns by their current operation (the
// first WO not completed) or its work center, ranked, bounded per column, filtered, scoped per role.
import { startTestApp, type TestApp } from "../helpers/app";
import type { Client } from "../helpers/client";

let app: TestApp;
let manager: Client;
let ids: { table: string; welding: string; assembly: string; operator: string; demoMo: string };

const db = () => app.db.handle.prisma;

interface Card {
  id: string;
  orderNo: string;
  priority: string;
  deadline: string | null;
  late: boolean;
  customerName: string | null;
  quantity: number;
  product: { sku: string };
  progress: { completed: number; total: number };
  current: { id: string; title: string; status: string; sequence: number; workCenter: { id: string; name: string } | null } | null;
  materialStatus: string | null;
}
interface Column {
  key: string;
  kind: string;
  title: string | null;
  workCenter: { id: string; name: string } | null;
  total: number;
  cards: Card[];
}
interface Board {
  groupBy: string;
  limit: number;
  total: number;
  columns: Column[];
}

const mos: Record<"urgent" | "lateLow" | "normal" | "bare", { id: string; orderNo: string; wos: string[] }> = {} as never;

async function newMo(body: Record<string, unknown>): Promise<{ id: string; orderNo: string; wos: string[] }> {
  const res = await manager.post<{ id: string; orderNo: string }>("/api/mos", { productId: ids.table, quantity: 2, ...body });
  expect(res.status).toBe(201);
  const wos = await db().workOrder.findMany({ where: { moId: res.body.id }, orderBy: { sequence: "asc" }, select: { id: true } });
  return { id: res.body.id, orderNo: res.body.orderNo, wos: wos.map((w) => w.id) };
}

async function board(client: Client, query = ""): Promise<Board> {
  const res = await client.get<Board>(`/api/mos/board${query}`);
  expect(res.status).toBe(200);
  return res.body;
}

const column = (b: Board, key: string) => b.columns.find((c) => c.key === key);
const orderNos = (c: Column | undefined) => (c?.cards ?? []).map((x) => x.orderNo);

beforeAll(async () => {
  app = await startTestApp();
  manager = await app.as("MANAGER");
  const table = await db().product.findUniqueOrThrow({ where: { sku: "TABLE-100" } });
  const centers = Object.fromEntries((await db().workCenter.findMany()).map((w) => [w.name, w.id]));
  const operator = await db().user.findUniqueOrThrow({ where: { email: "operator@demo.com" } });
  const demo = await db().manufacturingOrder.findFirstOrThrow({ where: { name: "Produce 5 Metal Tables" } });
  ids = { table: table.id, welding: centers.Welding!, assembly: centers.Assembly!, operator: operator.id, demoMo: demo.id };

  mos.urgent = await newMo({ name: "Board urgent", priority: "URGENT", customerName: "Acme Tools" });
  mos.lateLow = await newMo({ name: "Board late", priority: "LOW", deadline: "2020-01-15T12:00:00Z", customerName: "Beta 100% BV" });
  mos.normal = await newMo({ name: "Board normal", priority: "NORMAL" });
  // An order without operations (its routing emptied): the `none` column.
  mos.bare = await newMo({ name: "Board bare", priority: "HIGH" });
  await db().workOrder.deleteMany({ where: { moId: mos.bare.id } });
  // The urgent order's first operation is done: it stands at Assembly now.
  expect((await manager.post(`/api/workorders/${mos.urgent.wos[0]}/start`)).status).toBe(200);
  expect((await manager.post(`/api/workorders/${mos.urgent.wos[0]}/complete`)).status).toBe(200);
});
afterAll(async () => {
  await app.close();
});

test("columns by the current operation: the first work order not completed, in routing order, cards ranked", async () => {
  const b = await board(manager);
  expect(b.groupBy).toBe("operation");
  expect(b.columns.map((c) => c.key)).toEqual(["none", "op:Cut & Weld", "op:Assembly"]);
  const weld = column(b, "op:Cut & Weld")!;
  expect(weld).toMatchObject({ kind: "operation", title: "Cut & Weld", total: 3 });
  // NORMAL before LOW; the demo order (NORMAL, deadline next week) and "Board normal" (no deadline): the deadline first.
  const demoNo = (await db().manufacturingOrder.findUniqueOrThrow({ where: { id: ids.demoMo } })).orderNo;
  expect(orderNos(weld)).toEqual([demoNo, mos.normal.orderNo, mos.lateLow.orderNo]);
  const late = weld.cards.find((c) => c.orderNo === mos.lateLow.orderNo)!;
  expect(late).toMatchObject({ late: true, priority: "LOW", customerName: "Beta 100% BV", quantity: 2, product: { sku: "TABLE-100" }, progress: { completed: 0, total: 2 } });
  expect(late.current).toMatchObject({ title: "Cut & Weld", status: "PENDING", sequence: 1, workCenter: { id: ids.welding, name: "Welding" } });
  const assembly = column(b, "op:Assembly")!;
  expect(orderNos(assembly)).toEqual([mos.urgent.orderNo]);
  expect(assembly.cards[0]).toMatchObject({ late: false, progress: { completed: 1, total: 2 }, current: { id: mos.urgent.wos[1], title: "Assembly" } });
  expect(column(b, "none")).toMatchObject({ kind: "none", title: null, total: 1, cards: [{ orderNo: mos.bare.orderNo, current: null, progress: { completed: 0, total: 0 } }] });
  expect(b.total).toBe(5);
});

test("by work center; a started operation keeps its column and shows its status", async () => {
  const b = await board(manager, "?groupBy=workCenter");
  expect(b.columns.map((c) => c.key)).toEqual(["none", `wc:${ids.welding}`, `wc:${ids.assembly}`]);
  expect(column(b, `wc:${ids.welding}`)).toMatchObject({ kind: "workCenter", title: "Welding", workCenter: { id: ids.welding, name: "Welding" }, total: 3 });
  expect(orderNos(column(b, `wc:${ids.assembly}`))).toEqual([mos.urgent.orderNo]);

  expect((await manager.post(`/api/workorders/${mos.normal.wos[0]}/start`)).status).toBe(200);
  const after = await board(manager);
  const card = column(after, "op:Cut & Weld")!.cards.find((c) => c.orderNo === mos.normal.orderNo)!;
  expect(card.current).toMatchObject({ status: "STARTED" });
  expect((await manager.post(`/api/workorders/${mos.normal.wos[0]}/pause`)).status).toBe(200);
});

test("only open orders: a canceled order leaves the board", async () => {
  const gone = await newMo({ name: "Board canceled" });
  expect(column(await board(manager), "op:Cut & Weld")!.total).toBe(4);
  expect((await manager.post(`/api/mos/${gone.id}/cancel`, { reason: "test" })).status).toBe(200);
  const b = await board(manager);
  expect(column(b, "op:Cut & Weld")!.total).toBe(3);
  expect(b.columns.flatMap((c) => c.cards).some((c) => c.id === gone.id)).toBe(false);
});

test("a priority change re-ranks the card in its column", async () => {
  expect((await manager.patch(`/api/mos/${mos.lateLow.id}`, { priority: "URGENT" })).status).toBe(200);
  expect(orderNos(column(await board(manager), "op:Cut & Weld"))[0]).toBe(mos.lateLow.orderNo);
  expect((await manager.patch(`/api/mos/${mos.lateLow.id}`, { priority: "LOW" })).status).toBe(200);
  expect(orderNos(column(await board(manager), "op:Cut & Weld")).at(-1)).toBe(mos.lateLow.orderNo);
});

test("bounded per column: `limit` cards in rank order, the column's total counts them all", async () => {
  const b = await board(manager, "?limit=1");
  expect(b.limit).toBe(1);
  const weld = column(b, "op:Cut & Weld")!;
  expect(weld.total).toBe(3);
  expect(weld.cards).toHaveLength(1);
  expect(b.total).toBe(5);
});

test("filters: priority, customer (literal text, any case), work center (a remaining operation there)", async () => {
  const urgent = await board(manager, "?priority=urgent");
  expect(urgent.columns.flatMap((c) => c.cards).map((c) => c.orderNo)).toEqual([mos.urgent.orderNo]);
  const two = await board(manager, "?priority=URGENT,LOW");
  expect(two.total).toBe(2);

  expect((await board(manager, "?customer=ACME")).columns.flatMap((c) => orderNos(c))).toEqual([mos.urgent.orderNo]);
  expect((await board(manager, "?customer=100%25")).columns.flatMap((c) => orderNos(c))).toEqual([mos.lateLow.orderNo]);
  expect((await board(manager, "?customer=100_%20BV")).total).toBe(0);

  // The urgent order is past welding: only the orders still to be welded.
  const welding = await board(manager, `?workCenterId=${ids.welding}`);
  expect(welding.total).toBe(3);
  expect(welding.columns.flatMap((c) => c.cards).some((c) => c.id === mos.urgent.id)).toBe(false);
  const both = await board(manager, `?workCenterId=${ids.welding},${ids.assembly}&groupBy=workCenter`);
  expect(both.total).toBe(4);
});

test("bad filters are refused with 400 and the field named", async () => {
  for (const q of ["?priority=SOMETIMES", "?groupBy=stage", "?limit=0", "?limit=201", "?workCenterId=nope", "?materialStatus=GREEN", "?colour=red"]) {
    const res = await manager.get<{ error: { code: string; details: { path: string }[] } }>(`/api/mos/board${q}`);
    expect([q, res.status, res.body.error?.code]).toEqual([q, 400, "VALIDATION_FAILED"]);
  }
});

test("material status: each card's is the MO list's (the availability module's), and the filter keeps only that status", async () => {
  const list = await manager.get<{ items: { id: string; materialStatus: string | null }[] }>("/api/mos?state=PLANNED,IN_PROGRESS&pageSize=200");
  expect(list.status).toBe(200);
  const expected = new Map(list.body.items.map((m) => [m.id, m.materialStatus]));
  const cards = (await board(manager)).columns.flatMap((c) => c.cards);
  expect(cards.length).toBe(5);
  for (const c of cards) {
    expect(["READY", "PARTIAL", "WAITING"]).toContain(c.materialStatus);
    expect([c.orderNo, c.materialStatus]).toEqual([c.orderNo, expected.get(c.id)]);
  }
  for (const s of ["READY", "PARTIAL", "WAITING"]) {
    const b = await board(manager, `?materialStatus=${s.toLowerCase()}`);
    expect(b.columns.flatMap((col) => col.cards).map((c) => c.id).sort()).toEqual(cards.filter((c) => c.materialStatus === s).map((c) => c.id).sort());
  }
  expect((await board(manager, "?materialStatus=READY,PARTIAL,WAITING")).total).toBe(5);
});

test("role scoping: an operator sees only orders with a work order of theirs; every other role sees all; signed out is 401", async () => {
  const operator = await app.as("OPERATOR");
  const mine = await board(operator);
  expect(mine.columns.flatMap((c) => c.cards).map((c) => c.id)).toEqual([ids.demoMo]);
  expect((await manager.patch(`/api/workorders/${mos.urgent.wos[1]}`, { assignedToId: ids.operator })).status).toBe(200);
  expect(new Set((await board(operator)).columns.flatMap((c) => c.cards).map((c) => c.id))).toEqual(new Set([ids.demoMo, mos.urgent.id]));
  for (const role of ["ADMIN", "INVENTORY", "SALES", "VIEWER"]) expect((await board(await app.as(role))).total).toBe(5);
  const anon = await app.anon().get<{ error: { code: string } }>("/api/mos/board");
  expect([anon.status, anon.body.error.code]).toEqual([401, "UNAUTHENTICATED"]);
});
