// FACTORY_TIME_ZONE (issue 11 item 7): the KPIs' "today", "this week" and daily throughput buckets,
// and the times and file names of exports, are counted in the factory's zone unless a request names
// another. The zone here is UTC+14 (no daylight saving), so its day never matches the UTC day.
import { parseEnv, EnvError } from "@/lib/env";
import type { Kpis } from "@/lib/reports/kpis";
import { localTimeZone } from "@/lib/validation/dates";
import { startTestApp, type TestApp } from "../helpers/app";
import type { Client } from "../helpers/client";

const ZONE = "Pacific/Kiritimati";
const OFFSET = 14 * 3600 * 1000;
const MIN = 60_000;
process.env.FACTORY_TIME_ZONE = ZONE;
// The environment is parsed once per process: make sure it is parsed with the zone set.
delete (globalThis as { __mesEnv?: unknown }).__mesEnv;

let app: TestApp;
let c: Client;

/** The factory's date today ("YYYY-MM-DD") and the instant its day began. */
function factoryToday(): { day: string; start: number } {
  const day = new Intl.DateTimeFormat("en-CA", { timeZone: ZONE, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return { day, start: Date.UTC(y, m - 1, d) - OFFSET };
}

const kpis = async (query = "") => {
  const res = await c.get<Kpis>(`/api/reports/kpis${query}`);
  expect(res.status).toBe(200);
  return res.body;
};

beforeAll(async () => {
  app = await startTestApp();
  c = await app.as("MANAGER");
});
afterAll(async () => {
  await app.close();
  delete process.env.FACTORY_TIME_ZONE;
});

describe("the setting", () => {
  const base = { NEXTAUTH_SECRET: "x".repeat(32) };
  test("an IANA zone; empty or unset means the server's zone; anything else stops the server naming the variable", () => {
    expect(parseEnv({ ...base, FACTORY_TIME_ZONE: "Europe/Amsterdam" }).FACTORY_TIME_ZONE).toBe("Europe/Amsterdam");
    expect(parseEnv(base).FACTORY_TIME_ZONE).toBe(localTimeZone());
    expect(parseEnv({ ...base, FACTORY_TIME_ZONE: "" }).FACTORY_TIME_ZONE).toBe(localTimeZone());
    for (const bad of ["Mars/Olympus", "CET; DROP TABLE", "x".repeat(65)]) {
      expect(() => parseEnv({ ...base, FACTORY_TIME_ZONE: bad })).toThrow(EnvError);
      expect(() => parseEnv({ ...base, FACTORY_TIME_ZONE: bad })).toThrow(/FACTORY_TIME_ZONE: must be an IANA time zone/);
    }
  });
});

describe("KPIs", () => {
  test("the period is in the factory's zone unless the request names one", async () => {
    expect((await kpis()).period.tz).toBe(ZONE);
    expect((await kpis("?tz=UTC")).period.tz).toBe("UTC");
  });

  test('"today" and the daily throughput begin at the factory\'s midnight, not UTC\'s', async () => {
    const p = app.db.handle.prisma;
    const { day, start } = factoryToday();
    const before = await kpis();
    const beforeUtc = await kpis("?tz=UTC");
    const manager = await p.user.findUniqueOrThrow({ where: { email: "manager@demo.com" } });
    const table = await p.product.findUniqueOrThrow({ where: { sku: "TABLE-100" } });
    const base = { productId: table.id, createdById: manager.id, bomSnapshot: [], quantity: 1, producedQty: 1, state: "DONE" as const };
    // One a minute after the factory's midnight (today there), one a minute before it (yesterday there).
    const late = await p.manufacturingOrder.create({ data: { ...base, name: "after midnight", completedAt: new Date(start + MIN) } });
    await p.manufacturingOrder.create({ data: { ...base, name: "before midnight", completedAt: new Date(start - MIN) } });
    await p.workOrder.createMany({
      data: [
        { moId: late.id, sequence: 1, title: "after", status: "COMPLETED", endTime: new Date(start + MIN), durationMin: 1 },
        { moId: late.id, sequence: 2, title: "before", status: "COMPLETED", endTime: new Date(start - MIN), durationMin: 1 },
      ],
    });

    const after = await kpis();
    expect(after.workOrdersCompleted.today - before.workOrdersCompleted.today).toBe(1);
    const last = after.throughput[after.throughput.length - 1]!;
    const previous = after.throughput[after.throughput.length - 2]!;
    expect(last.day).toBe(day);
    expect(last.mosCompleted - before.throughput[before.throughput.length - 1]!.mosCompleted).toBe(1);
    expect(previous.mosCompleted - before.throughput[before.throughput.length - 2]!.mosCompleted).toBe(1);

    // Counted in UTC the two fall on one day (the zone's midnight is 10:00 UTC): both or neither are today.
    const utc = await kpis("?tz=UTC");
    expect([0, 2]).toContain(utc.workOrdersCompleted.today - beforeUtc.workOrdersCompleted.today);
  });
});

describe("exports", () => {
  test("times and file names in the factory's zone by default; tz= overrides", async () => {
    const p = app.db.handle.prisma;
    const manager = await p.user.findUniqueOrThrow({ where: { email: "manager@demo.com" } });
    const table = await p.product.findUniqueOrThrow({ where: { sku: "TABLE-100" } });
    // 2026-03-10 15:30 UTC is 2026-03-11 05:30 in the factory.
    const created = new Date("2026-03-10T15:30:00Z");
    const mo = await p.manufacturingOrder.create({ data: { productId: table.id, createdById: manager.id, bomSnapshot: [], name: "zone", quantity: 1, createdAt: created } });
    const get = async (extra: string) => {
      const res = await fetch(`${app.url}/api/reports/export?report=mos&format=csv&from=2026-03-10T12:00:00Z&to=2026-03-10T20:00:00Z${extra}`, {
        headers: { cookie: c.cookieHeader(), "accept-language": "en" },
      });
      expect(res.status).toBe(200);
      return { name: res.headers.get("content-disposition"), text: await res.text() };
    };
    const factory = await get("");
    expect(factory.name).toBe('attachment; filename="manufacturing-orders_2026-03-11_2026-03-11.csv"');
    expect(factory.text).toContain(`${mo.orderNo},zone,`);
    expect(factory.text).toContain("2026-03-11 05:30");
    const utc = await get("&tz=UTC");
    expect(utc.name).toBe('attachment; filename="manufacturing-orders_2026-03-10_2026-03-10.csv"');
    expect(utc.text).toContain("2026-03-10 15:30");
  });
});
