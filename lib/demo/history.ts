// Generated production history (issue 16): months of a factory's work written in SQL, set-based
// (generate_series, INSERT … SELECT over temporary tables), so a year of a 50-operator factory loads
// in minutes on Postgres and a month of a small shop in seconds on PGlite. Used by `npm run db:fake`
// (scripts/fake.ts), by the benchmark of a year of data (bench/year.ts) and, at the shop scale, as
// part of the demo data on the first start of an empty embedded database (lib/db/init.ts).
//
// Everything it writes keeps the invariants the app and the tests rely on: the stock ledger (written
// by lib/stock/bulk.ts, the one bulk ledger writer), MO and WO states and timestamps as the state
// machines make them, one open time log per running WO and at most one running WO per operator,
// WO durationMin = the sum of its closed logs, a DONE MO's laborMinutes/laborCost = its closed logs ×
// their work centers' rates (as finishMo stores them), goodQty/scrapQty along the routing, MO producedQty /
// scrapQty from the WOs, consumption = snapshot × (produced + scrap), backorders for the remainder,
// sub-assembly child orders with the parent's priority and deadline, the MoRequirement rows (kept by
// the trigger on ManufacturingOrder, which these inserts fire) and the stored materialStatus.
// Money: every movement of a product is valued at its standard cost (Product.unitCost, materials +
// labour of its BOM), so the moving average never moves and each level's value is on hand × cost.
import { db, type SqlConn } from "../db/client";
import { refreshMaterialStatus } from "../manufacturing/availability";
import { bulkLedgerSql, BULK_EVENT_COLUMNS } from "../stock/bulk";
import { isTimeZone } from "../validation/dates";

export interface HistoryScale {
  operators: number;
  planners: number;
  inventory: number;
  rawMaterials: number;
  subAssemblies: number;
  finished: number;
  workCenters: number;
  /** Orders created per month (base orders; child orders and backorders come on top, ~12 %). */
  mosPerMonth: number;
  /** Days from an order's creation to its planned start: [min, max]. */
  startDelayDays: [number, number];
  notificationsPerMonth: number;
  /** Ledger rows per month: receipts fill up what MO consumption and output leave. */
  ledgerRowsPerMonth: number;
  /** Audit rows beyond mo.create/complete/cancel come from receipts, up to this. */
  auditRowsPerMonth: number;
  /** Users' e-mail domain and SKU prefixes' namespace. */
  domain: string;
}

export const SCALES = {
  /** A 50-operator factory: a year is ~100 k MOs, ~400 k WOs, ~800 k time logs, ~1 M ledger rows. */
  factory: {
    operators: 50, planners: 4, inventory: 4, rawMaterials: 1500, subAssemblies: 100, finished: 400, workCenters: 12,
    mosPerMonth: 7400, startDelayDays: [1, 35], notificationsPerMonth: 50_000 / 12, ledgerRowsPerMonth: 1_000_000 / 12,
    auditRowsPerMonth: 200_000 / 12, domain: "factory.example",
  },
  /** A 10-person shop (with the demo users): a month is ~300 orders, seconds to load. */
  shop: {
    operators: 5, planners: 1, inventory: 1, rawMaterials: 40, subAssemblies: 5, finished: 15, workCenters: 4,
    mosPerMonth: 270, startDelayDays: [0.5, 6], notificationsPerMonth: 150, ledgerRowsPerMonth: 3500,
    auditRowsPerMonth: 800, domain: "shop.example",
  },
} satisfies Record<string, HistoryScale>;

export type ScaleName = keyof typeof SCALES;

export interface HistoryOptions {
  scale: ScaleName | HistoryScale;
  months: number;
  /** The end of the history (default now); everything is dated before it. */
  now?: Date;
  /** FACTORY_TIME_ZONE: working hours and days are counted there. */
  timeZone: string;
  /** Progress lines (step and seconds). */
  log?: (m: string) => void;
}

export interface HistoryResult {
  seconds: number;
  counts: Record<string, number>;
}

/** The SKU of the first generated raw material: its presence means the history is loaded already. */
export const HISTORY_MARKER_SKU = "RM-0001";

const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
const num = (n: number) => {
  if (!Number.isFinite(n)) throw new Error(`not a number: ${n}`);
  return String(n);
};

const WORK_CENTERS = ["Cutting", "Laser", "Bending", "Milling", "Turning", "Drilling", "Deburring", "Powder coating", "Sub-assembly", "Final assembly", "Testing", "Packing"];
const SHOP_CENTERS = ["Cutting", "Bending", "Painting", "Packing"];
const FIRST = ["Anna", "Bram", "Chloe", "Daan", "Eva", "Finn", "Gwen", "Hugo", "Iris", "Jesse", "Kim", "Lars", "Mila", "Noah", "Olga", "Piet", "Rosa", "Sem", "Tess", "Youssef"];
const LAST = ["de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "Mulder", "de Boer", "Bos", "Vos", "Peters", "Hendriks", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Smits", "Kok", "Vermeulen", "Kaya"];
const CUSTOMERS = ["Acme Retail", "Nordic Labs", "Van Dijk Logistics", "Hospital Oost", "City Schools", "Berg Machines", "Delta Foods", "Polder Bikes"];

const arr = (xs: string[]) => `ARRAY[${xs.map(lit).join(",")}]`;

/** The statements, in order: [label, SQL]. Temporary tables (fk_*) live until the end of the session. */
function statements(s: HistoryScale, months: number, now: Date, tz: string): [string, string][] {
  const centers = s.workCenters <= SHOP_CENTERS.length ? SHOP_CENTERS.slice(0, s.workCenters) : WORK_CENTERS.slice(0, s.workCenters);
  if (centers.length < s.workCenters) throw new Error(`at most ${WORK_CENTERS.length} work centers`);
  const baseMos = Math.max(1, Math.round(s.mosPerMonth * months));
  const [dMin, dMax] = s.startDelayDays;
  const people = s.operators + s.planners + s.inventory;
  const ledgerTarget = Math.round(s.ledgerRowsPerMonth * months);
  const notifTarget = Math.round(s.notificationsPerMonth * months);
  const auditTarget = Math.round(s.auditRowsPerMonth * months);
  const ms = (x: string) => `((${x}) * interval '1 millisecond')`;
  const list: [string, string][] = [];
  const add = (label: string, sql: string) => list.push([label, sql]);

  add("settings", `
    SELECT setseed(0.16);
    CREATE TEMP TABLE fk_cfg AS SELECT
      (TIMESTAMPTZ ${lit(now.toISOString())} AT TIME ZONE 'UTC')::timestamp(3) AS now_utc,
      ((TIMESTAMPTZ ${lit(now.toISOString())} AT TIME ZONE 'UTC') - interval '${num(months)} months')::timestamp(3) AS start_utc,
      ${lit(tz)}::text AS tz;`);

  add("users", `
    CREATE TEMP TABLE fk_user AS
    SELECT gen_random_uuid()::text AS id, g,
           CASE WHEN g <= ${s.operators} THEN 'OPERATOR' WHEN g <= ${s.operators + s.planners} THEN 'MANAGER' ELSE 'INVENTORY' END::"UserRole" AS role,
           CASE WHEN g <= ${s.operators} THEN g - 1 WHEN g <= ${s.operators + s.planners} THEN g - 1 - ${s.operators} ELSE g - 1 - ${s.operators + s.planners} END AS rn,
           (${arr(FIRST)})[1 + (g - 1) % ${FIRST.length}] || ' ' || (${arr(LAST)})[1 + ((g - 1) * 7 + (g - 1) / ${FIRST.length}) % ${LAST.length}] AS name
    FROM generate_series(1, ${people}) g;
    INSERT INTO "User" ("id", "name", "email", "role", "passwordHash", "active", "createdAt", "updatedAt")
    SELECT u.id, u.name, lower(replace(u.name, ' ', '.')) || '.' || u.g || '@' || ${lit(s.domain)}, u.role, NULL, true, c.start_utc - interval '7 days', c.start_utc - interval '7 days'
    FROM fk_user u, fk_cfg c;`);

  add("work centers", `
    CREATE TEMP TABLE fk_wc AS
    SELECT g AS n, gen_random_uuid()::text AS id, (${arr(centers)})[g] AS name, (30 + floor(random() * 45))::numeric(18,4) AS rate
    FROM generate_series(1, ${s.workCenters}) g;
    INSERT INTO "WorkCenter" ("id", "name", "description", "costPerHour", "capacity", "active", "createdAt", "updatedAt")
    SELECT w.id, w.name, 'Generated history', w.rate, 1 + (w.n % 3), true, c.start_utc - interval '7 days', c.start_utc - interval '7 days'
    FROM fk_wc w, fk_cfg c;`);

  add("products", `
    CREATE TEMP TABLE fk_prod AS
    SELECT gen_random_uuid()::text AS id, kind, n, sku, name, uom, cost FROM (
      SELECT 'RM' AS kind, g AS n, 'RM-' || lpad(g::text, 4, '0') AS sku,
             (${arr(["Steel sheet 2 mm", "Steel tube 30x30", "Aluminium profile", "Bolt M8x30", "Nut M8", "Washer M8", "Hinge", "Caster wheel", "Plywood panel 18 mm", "Powder paint RAL 7016", "Cable gland", "Rubber foot", "Ball bearing 6204", "Compression spring", "Bracket", "Rivet 4 mm"])})[1 + g % 16] || ' ' || g AS name,
             CASE WHEN g % 16 = 9 THEN 'kg' WHEN g % 16 = 1 THEN 'm' ELSE 'pcs' END AS uom,
             round((0.2 + random() * 40)::numeric, 2) AS cost
      FROM generate_series(1, ${s.rawMaterials}) g
      UNION ALL
      SELECT 'SA', g, 'SA-' || lpad(g::text, 3, '0'), (${arr(["Frame", "Drawer unit", "Leg set", "Top panel", "Motor unit", "Control box"])})[1 + g % 6] || ' ' || g, 'pcs', NULL::numeric
      FROM generate_series(1, ${s.subAssemblies}) g
      UNION ALL
      SELECT 'FG', g, 'FG-' || lpad(g::text, 3, '0'), (${arr(["Workbench", "Tool cabinet", "Trolley", "Shelving unit", "Machine stand", "Locker", "Welding table", "Storage rack"])})[1 + g % 8] || ' ' || g, 'pcs', NULL::numeric
      FROM generate_series(1, ${s.finished}) g
    ) x;
    CREATE INDEX ON fk_prod (kind, n);
    CREATE INDEX ON fk_prod (id);`);

  add("BOMs", `
    CREATE TEMP TABLE fk_bom AS
    SELECT gen_random_uuid()::text AS id, p.id AS product_id, p.kind, p.n,
           3 + floor(random() * 6)::int AS ncomp,
           CASE WHEN p.kind = 'FG' AND p.n <= ${s.finished} * 0.4 THEN 4 ELSE 2 + floor(random() * 3)::int END AS nops,
           (p.kind = 'FG' AND ${s.subAssemblies} > 0 AND random() < 0.3) AS has_sub
    FROM fk_prod p WHERE p.kind IN ('SA', 'FG');
    CREATE INDEX ON fk_bom (product_id);
    CREATE TEMP TABLE fk_comp AS
    SELECT b.id AS bom_id, b.product_id, k, m.id AS material_id, m.sku, m.name, m.uom,
           CASE WHEN m.uom = 'pcs' THEN (1 + floor(random() * (CASE WHEN m.kind = 'SA' THEN 2 ELSE 4 END)))::numeric
                ELSE (0.25 * (1 + floor(random() * 8)))::numeric END AS qty
    FROM fk_bom b CROSS JOIN LATERAL generate_series(1, b.ncomp) k
    JOIN fk_prod m ON m.kind = CASE WHEN k = 1 AND b.has_sub THEN 'SA' ELSE 'RM' END
                  AND m.n = CASE WHEN k = 1 AND b.has_sub THEN 1 + (b.n * 7) % GREATEST(${s.subAssemblies}, 1) ELSE 1 + (b.n * 7919 + k * 1229) % ${s.rawMaterials} END;
    CREATE INDEX ON fk_comp (product_id);
    CREATE TEMP TABLE fk_op AS
    SELECT b.id AS bom_id, b.product_id, sq AS seq, w.id AS wc_id, w.name AS title, w.rate, (1 + floor(random() * 10))::numeric AS mpu
    FROM fk_bom b CROSS JOIN LATERAL generate_series(1, b.nops) sq
    JOIN fk_wc w ON w.n = 1 + (b.n + sq * 3) % ${s.workCenters};
    CREATE INDEX ON fk_op (product_id);
    -- Standard cost: materials at their cost + labour at the work centers' rates (sub-assemblies first).
    UPDATE fk_prod p SET cost = round(
      (SELECT COALESCE(SUM(c.qty * m.cost), 0) FROM fk_comp c JOIN fk_prod m ON m.id = c.material_id WHERE c.product_id = p.id) +
      (SELECT COALESCE(SUM(o.mpu / 60 * o.rate), 0) FROM fk_op o WHERE o.product_id = p.id), 2)
    WHERE p.kind = 'SA';
    UPDATE fk_prod p SET cost = round(
      (SELECT COALESCE(SUM(c.qty * m.cost), 0) FROM fk_comp c JOIN fk_prod m ON m.id = c.material_id WHERE c.product_id = p.id) +
      (SELECT COALESCE(SUM(o.mpu / 60 * o.rate), 0) FROM fk_op o WHERE o.product_id = p.id), 2)
    WHERE p.kind = 'FG';
    INSERT INTO "Product" ("id", "sku", "name", "description", "isFinished", "uom", "unitCost", "reorderPoint", "createdAt", "updatedAt")
    SELECT p.id, p.sku, p.name, NULL, p.kind = 'FG', p.uom, p.cost, NULL, c.start_utc - interval '7 days', c.start_utc - interval '7 days' FROM fk_prod p, fk_cfg c;
    INSERT INTO "BOM" ("id", "productId", "createdAt", "updatedAt")
    SELECT b.id, b.product_id, c.start_utc - interval '7 days', c.start_utc - interval '7 days' FROM fk_bom b, fk_cfg c;
    INSERT INTO "BOMComponent" ("id", "bomId", "materialId", "qtyPerUnit") SELECT gen_random_uuid()::text, bom_id, material_id, qty FROM fk_comp;
    INSERT INTO "BOMOperation" ("id", "bomId", "sequence", "title", "workCenterId", "minutesPerUnit")
    SELECT gen_random_uuid()::text, bom_id, seq, title, wc_id, mpu FROM fk_op;
    CREATE TEMP TABLE fk_snap AS
    SELECT product_id, jsonb_agg(jsonb_build_object('materialId', material_id, 'sku', sku, 'name', name, 'uom', uom, 'qtyPerUnit', qty) ORDER BY sku) AS snap
    FROM fk_comp GROUP BY product_id;
    CREATE INDEX ON fk_snap (product_id);`);

  // The plan of every order: base orders (gen 0), sub-assembly child orders (gen 1, made with their
  // parent), backorders (gen 2, made when a short order completes).
  add("order plan", `
    CREATE TEMP TABLE fk_mo (
      n int PRIMARY KEY, id text NOT NULL, gen int NOT NULL, product_id text NOT NULL, qty numeric NOT NULL,
      priority "Priority" NOT NULL, created timestamp(3) NOT NULL, start_at timestamp(3) NOT NULL, deadline timestamp(3),
      creator text NOT NULL, customer text, customer_ref text, canceled boolean NOT NULL DEFAULT false,
      scrap_seq int, parent_n int, backorder_of_n int, order_no text, name text,
      state "OrderState", started timestamp(3), completed timestamp(3), canceled_at timestamp(3), produced numeric, scrap numeric
    );
    INSERT INTO fk_mo (n, id, gen, product_id, qty, priority, created, start_at, deadline, creator, customer, customer_ref, canceled, scrap_seq)
    SELECT r.g, gen_random_uuid()::text, 0, p.id, r.qty, r.priority, r.created,
           date_trunc('milliseconds', r.created + r.delay * interval '1 day'),
           -- The end of a working day in the factory's zone (as the forms send it), a few days after the
           -- planned start; one in ten is promised sooner than the work can be done (late).
           ((date_trunc('day', ((r.created + r.delay * (CASE WHEN r.late THEN 0.5 ELSE 1 END) * interval '1 day') AT TIME ZONE 'UTC') AT TIME ZONE c.tz)
              + (CASE WHEN r.late THEN 0 ELSE 2 + floor(random() * 6) END) * interval '1 day' + interval '1 day' - interval '1 millisecond') AT TIME ZONE c.tz) AT TIME ZONE 'UTC',
           pl.id, CASE WHEN random() < 0.6 THEN (${arr(CUSTOMERS)})[1 + floor(random() * ${CUSTOMERS.length})::int] END,
           CASE WHEN random() < 0.5 THEN 'PO-' || (10000 + r.g) END,
           random() < 0.02,
           CASE WHEN random() < 0.06 THEN 1 + floor(random() * b.nops)::int END
    FROM (
      SELECT g, kind, 1 + floor(power(random(), 1.6) * CASE kind WHEN 'SA' THEN ${Math.max(1, s.subAssemblies)} ELSE ${s.finished} END)::int AS pn, qty, priority, late, delay,
             LEAST(GREATEST(created, start_utc), now_utc - interval '5 minutes') AS created
      FROM (
        SELECT g, kind, (1 + floor(power(random(), 2) * 20))::numeric AS qty,
               (CASE WHEN pr < 0.05 THEN 'URGENT' WHEN pr < 0.2 THEN 'HIGH' WHEN pr < 0.9 THEN 'NORMAL' ELSE 'LOW' END)::"Priority" AS priority,
               random() < 0.1 AS late, ${num(dMin)} + random() * ${num(dMax - dMin)} AS delay, start_utc, now_utc,
               date_trunc('milliseconds', ((day + interval '7 hours' + random() * interval '9 hours') AT TIME ZONE tz) AT TIME ZONE 'UTC') AS created
        FROM (
          SELECT g, random() AS pr, CASE WHEN random() < 0.1 AND ${s.subAssemblies} > 0 THEN 'SA' ELSE 'FG' END AS kind,
                 c.start_utc, c.now_utc, c.tz,
                 -- A working day (weekends move to the Friday before or the Monday after).
                 d + CASE extract(isodow FROM d) WHEN 6 THEN interval '-1 day' WHEN 7 THEN interval '1 day' ELSE interval '0' END AS day
          FROM generate_series(1, ${baseMos}) g, fk_cfg c,
               LATERAL (SELECT date_trunc('day', (c.start_utc AT TIME ZONE 'UTC') AT TIME ZONE c.tz)
                               + floor(random() * (extract(epoch FROM c.now_utc - c.start_utc) / 86400 + 1)) * interval '1 day' + (g * 0) * interval '1 day' AS d) dd
        ) a
      ) b2
    ) r
    CROSS JOIN fk_cfg c
    JOIN fk_prod p ON p.kind = r.kind AND p.n = LEAST(r.pn, CASE r.kind WHEN 'SA' THEN ${Math.max(1, s.subAssemblies)} ELSE ${s.finished} END)
    JOIN fk_bom b ON b.product_id = p.id
    JOIN fk_user pl ON pl.role = 'MANAGER' AND pl.rn = r.g % ${s.planners};
    -- Children: a third of the orders whose product takes a sub-assembly get an order for it ("all" mode).
    INSERT INTO fk_mo (n, id, gen, product_id, qty, priority, created, start_at, deadline, creator, customer, customer_ref, parent_n)
    SELECT ${baseMos} + row_number() OVER (ORDER BY m.n), gen_random_uuid()::text, 1, cp.material_id, cp.qty * m.qty, m.priority,
           m.created, date_trunc('milliseconds', m.created + (0.1 + random() * 0.4) * interval '1 day'), m.deadline, m.creator, m.customer, m.customer_ref, m.n
    FROM fk_mo m JOIN fk_bom b ON b.product_id = m.product_id AND b.has_sub
    JOIN fk_comp cp ON cp.bom_id = b.id AND cp.k = 1
    WHERE m.gen = 0 AND NOT m.canceled AND random() < 0.35;
    ANALYZE fk_mo;`);

  // Work orders of one generation: durations, pauses and queue gaps, placed one after another from the
  // order's planned start (operations run in sequence).
  const woPlan = (gen: number) => `
    INSERT INTO fk_wo (mo_n, seq, wc_id, title, planned_min, worked_ms, nseg, pause_ms, op_user, reason, start_at, end_at, good, scrap)
    SELECT mo_n, seq, wc_id, title, planned_min, worked_ms, nseg, pause_ms, op_user, reason,
           start_at + ${ms("off_end - worked_ms - pause_ms * (nseg - 1)")}, start_at + ${ms("off_end")},
           qty - CASE WHEN scrap_seq IS NOT NULL AND seq >= scrap_seq THEN 1 ELSE 0 END,
           CASE WHEN seq = scrap_seq THEN 1 ELSE 0 END
    FROM (
      SELECT x.*, SUM(gap_ms + worked_ms + pause_ms * (nseg - 1)) OVER (PARTITION BY mo_n ORDER BY seq) AS off_end
      FROM (
        SELECT m.n AS mo_n, m.start_at, m.qty, m.scrap_seq, o.seq, o.wc_id, o.title, o.mpu * m.qty AS planned_min,
               round(o.mpu * m.qty * (0.75 + random() * 0.6) * 60000)::bigint AS worked_ms,
               CASE WHEN random() < 0.1 THEN 1 WHEN random() < 0.5 THEN 2 ELSE 3 END AS nseg,
               round((5 + random() * 40) * 60000)::bigint AS pause_ms,
               CASE WHEN o.seq = 1 THEN 0 ELSE round((30 + random() * 1410) * 60000)::bigint END AS gap_ms,
               u.id AS op_user,
               (ARRAY['SETUP','MATERIAL','BREAKDOWN','QUALITY','BREAK','BREAK','OTHER'])[1 + floor(random() * 7)::int] AS reason
        FROM fk_mo m JOIN fk_op o ON o.product_id = m.product_id
        JOIN fk_user u ON u.role = 'OPERATOR' AND u.rn = (m.n * 31 + o.seq * 7) % ${s.operators}
        WHERE m.gen = ${gen}
      ) x
    ) y;`;

  add("work order plan", `
    CREATE TEMP TABLE fk_wo (
      mo_n int NOT NULL, seq int NOT NULL, wc_id text, title text NOT NULL, planned_min numeric, worked_ms bigint NOT NULL,
      nseg int NOT NULL, pause_ms bigint NOT NULL, op_user text NOT NULL, reason text NOT NULL,
      start_at timestamp(3) NOT NULL, end_at timestamp(3) NOT NULL, good numeric NOT NULL, scrap numeric NOT NULL,
      id text, code text, status "WorkStatus", created timestamp(3),
      PRIMARY KEY (mo_n, seq)
    );
    ${woPlan(1)}
    -- A parent starts once its child's sub-assemblies are made (the start gate).
    UPDATE fk_mo p SET start_at = GREATEST(p.start_at, ch.done + interval '30 minutes')
    FROM (SELECT m.parent_n, MAX(w.end_at) AS done FROM fk_mo m JOIN fk_wo w ON w.mo_n = m.n WHERE m.gen = 1 GROUP BY m.parent_n) ch
    WHERE p.n = ch.parent_n;
    ${woPlan(0)}
    -- Backorders: six in ten orders that lost units to scrap and finished get one for the remainder.
    INSERT INTO fk_mo (n, id, gen, product_id, qty, priority, created, start_at, deadline, creator, customer, customer_ref, backorder_of_n)
    SELECT (SELECT MAX(n) FROM fk_mo) + row_number() OVER (ORDER BY m.n), gen_random_uuid()::text, 2, m.product_id, 1, m.priority,
           e.done, date_trunc('milliseconds', e.done + (${num(dMin)} + random() * ${num(Math.min(dMax, 5) - dMin)}) * interval '1 day'),
           m.deadline, m.creator, m.customer, m.customer_ref, m.n
    FROM fk_mo m JOIN (SELECT mo_n, MAX(end_at) AS done FROM fk_wo GROUP BY mo_n) e ON e.mo_n = m.n, fk_cfg c
    WHERE m.gen = 0 AND m.scrap_seq IS NOT NULL AND NOT m.canceled AND e.done <= c.now_utc AND random() < 0.6;
    ${woPlan(2)}
    ANALYZE fk_mo;
    ANALYZE fk_wo;`);

  // Where each order and work order stands now.
  add("states", `
    -- Work on the floor at the end of the history, whatever the hour: two planned orders (no child
    -- order, no backorder, placed long enough ago, first operation in stretches) move earlier so that
    -- now falls in the first stretch of one's first operation (STARTED) and in the first pause of the
    -- other's (PAUSED). Without it a small shop at night often has nothing running.
    CREATE TEMP TABLE fk_now AS
    SELECT n, c.now_utc - first_start - (CASE k WHEN 1 THEN stretch / 2 ELSE stretch + pause_ms / 2 END) * interval '1 millisecond' AS d
    FROM (SELECT m.n, w.start_at AS first_start, w.worked_ms / w.nseg AS stretch, w.pause_ms, row_number() OVER (ORDER BY m.n) AS k
          FROM fk_mo m JOIN fk_wo w ON w.mo_n = m.n AND w.seq = 1, fk_cfg c
          WHERE m.gen = 0 AND NOT m.canceled AND w.nseg > 1 AND w.start_at > c.now_utc
            AND m.created < c.now_utc - (w.worked_ms / w.nseg + w.pause_ms) * interval '1 millisecond' - interval '1 hour'
            AND NOT EXISTS (SELECT 1 FROM fk_mo x WHERE x.parent_n = m.n OR x.backorder_of_n = m.n)
          ORDER BY m.n LIMIT 2) p, fk_cfg c;
    UPDATE fk_wo w SET start_at = w.start_at + f.d, end_at = w.end_at + f.d FROM fk_now f WHERE w.mo_n = f.n;
    UPDATE fk_mo m SET start_at = m.start_at + f.d FROM fk_now f WHERE m.n = f.n;
    DROP TABLE fk_now;
    UPDATE fk_mo m SET canceled = false FROM fk_cfg c
      WHERE m.canceled AND m.created + (m.start_at - m.created) / 2 > c.now_utc;
    UPDATE fk_mo m SET
      state = CASE WHEN m.canceled THEN 'CANCELED' WHEN e.last_end <= c.now_utc THEN 'DONE' WHEN e.first_start <= c.now_utc THEN 'IN_PROGRESS' ELSE 'PLANNED' END::"OrderState",
      canceled_at = CASE WHEN m.canceled THEN m.created + (m.start_at - m.created) / 2 END,
      started = CASE WHEN NOT m.canceled AND e.first_start <= c.now_utc THEN e.first_start END,
      completed = CASE WHEN NOT m.canceled AND e.last_end <= c.now_utc THEN e.last_end END,
      produced = CASE WHEN NOT m.canceled AND e.last_end <= c.now_utc THEN e.last_good END,
      scrap = CASE WHEN NOT m.canceled AND e.last_end <= c.now_utc THEN e.scrap END
    FROM (SELECT mo_n, MIN(start_at) AS first_start, MAX(end_at) AS last_end, SUM(scrap) AS scrap,
                 (array_agg(good ORDER BY seq DESC))[1] AS last_good
          FROM fk_wo GROUP BY mo_n) e, fk_cfg c
    WHERE e.mo_n = m.n;
    UPDATE fk_wo w SET status = CASE
        WHEN m.state = 'CANCELED' OR w.start_at > c.now_utc THEN 'PENDING'
        WHEN w.end_at <= c.now_utc THEN 'COMPLETED'
        -- Inside a pause (after the end of a stretch, before the next one starts) → PAUSED.
        WHEN w.nseg > 1 AND mod(extract(epoch FROM c.now_utc - w.start_at)::numeric * 1000, (w.worked_ms / w.nseg + w.pause_ms)) >= w.worked_ms / w.nseg
             AND extract(epoch FROM c.now_utc - w.start_at) * 1000 < (w.worked_ms / w.nseg + w.pause_ms) * (w.nseg - 1) THEN 'PAUSED'
        ELSE 'STARTED' END::"WorkStatus"
    FROM fk_mo m, fk_cfg c WHERE m.n = w.mo_n;`);

  add("numbers", `
    CREATE TEMP TABLE fk_seq AS SELECT nextval('mo_number_seq') AS mo_base, nextval('wo_number_seq') AS wo_base;
    UPDATE fk_mo m SET order_no = 'MO-' || lpad(s.v::text, greatest(6, length(s.v::text)), '0')
    FROM (SELECT n, (SELECT mo_base FROM fk_seq) + row_number() OVER (ORDER BY created, gen, n) - 1 AS v FROM fk_mo) s WHERE s.n = m.n;
    SELECT setval('mo_number_seq', (SELECT mo_base FROM fk_seq) + (SELECT count(*) FROM fk_mo) - 1);
    UPDATE fk_wo w SET id = gen_random_uuid()::text, created = m.created,
      code = 'WO-' || lpad(s.v::text, greatest(6, length(s.v::text)), '0')
    FROM (SELECT w2.mo_n, w2.seq, (SELECT wo_base FROM fk_seq) + row_number() OVER (ORDER BY m2.order_no, w2.seq) - 1 AS v
          FROM fk_wo w2 JOIN fk_mo m2 ON m2.n = w2.mo_n) s, fk_mo m
    WHERE s.mo_n = w.mo_n AND s.seq = w.seq AND m.n = w.mo_n;
    SELECT setval('wo_number_seq', (SELECT wo_base FROM fk_seq) + GREATEST((SELECT count(*) FROM fk_wo), 1) - 1);
    UPDATE fk_mo m SET name = CASE
        WHEN m.gen = 1 THEN p.name || ' for ' || par.order_no
        ELSE m.qty::int || ' x ' || p.name || COALESCE(' for ' || m.customer, '') END
    FROM fk_prod p, fk_mo par WHERE p.id = m.product_id AND par.n = COALESCE(m.parent_n, m.n);
    UPDATE fk_mo m SET name = o.name FROM fk_mo o WHERE m.gen = 2 AND o.n = m.backorder_of_n;`);

  // Stretches of work and the pauses between them: stretch i runs from start + (i-1)·(len + pause)
  // for len (the last one takes the rounding rest); only what began before now exists.
  // (Before the orders: a DONE order stores its labour, the closed stretches' minutes × their work
  // centers' rates, as finishMo does; the stretches are the time logs written below.)
  add("time stretches", `
    CREATE TEMP TABLE fk_seg AS
    SELECT w.id AS wo_id, w.op_user, w.status, w.reason, i, w.nseg,
           w.start_at + ${ms("(i - 1) * (w.worked_ms / w.nseg + w.pause_ms)")} AS s_at,
           w.start_at + ${ms("(i - 1) * (w.worked_ms / w.nseg + w.pause_ms) + CASE WHEN i = w.nseg THEN w.worked_ms - (w.nseg - 1) * (w.worked_ms / w.nseg) ELSE w.worked_ms / w.nseg END")} AS e_at,
           w.pause_ms
    FROM fk_wo w CROSS JOIN LATERAL generate_series(1, w.nseg) i, fk_cfg c
    WHERE w.status <> 'PENDING' AND w.start_at + ${ms("(i - 1) * (w.worked_ms / w.nseg + w.pause_ms)")} <= c.now_utc;
    -- One running WO per operator (MAX_RUNNING_WOS_PER_OPERATOR): the others were paused a minute ago, waiting for material.
    CREATE TEMP TABLE fk_demote AS
    SELECT wo_id FROM (SELECT w.id AS wo_id, row_number() OVER (PARTITION BY w.op_user ORDER BY w.start_at) AS rn FROM fk_wo w WHERE w.status = 'STARTED') x WHERE rn > 1;
    UPDATE fk_wo SET status = 'PAUSED' WHERE id IN (SELECT wo_id FROM fk_demote);
    UPDATE fk_seg s SET e_at = GREATEST(s.s_at, c.now_utc - interval '1 minute'), status = 'PAUSED', reason = 'MATERIAL', pause_ms = -1
    FROM fk_cfg c WHERE s.wo_id IN (SELECT wo_id FROM fk_demote) AND s.e_at > c.now_utc;
    CREATE TEMP TABLE fk_labour AS
    SELECT w.mo_n, ROUND(SUM(EXTRACT(EPOCH FROM (s.e_at - s.s_at))::numeric / 60), 4) AS minutes,
           ROUND(SUM(EXTRACT(EPOCH FROM (s.e_at - s.s_at))::numeric / 3600 * COALESCE(wc.rate, 0)), 4) AS cost
    FROM fk_seg s JOIN fk_wo w ON w.id = s.wo_id LEFT JOIN fk_wc wc ON wc.id = w.wc_id, fk_cfg c
    WHERE s.e_at <= c.now_utc
    GROUP BY w.mo_n;`);

  add("orders", `
    INSERT INTO "ManufacturingOrder" ("id", "orderNo", "name", "productId", "quantity", "producedQty", "scrapQty", "laborMinutes", "laborCost", "backorderOfId", "parentId",
      "state", "priority", "deadline", "customerName", "customerRef", "promisedDate", "notes", "bomSnapshot", "createdById",
      "startedAt", "completedAt", "canceledAt", "createdAt", "updatedAt")
    SELECT m.id, m.order_no, m.name, m.product_id, m.qty, m.produced, m.scrap,
      CASE WHEN m.state = 'DONE' THEN COALESCE(lb.minutes, 0) END, CASE WHEN m.state = 'DONE' THEN COALESCE(lb.cost, 0) END, bo.id, par.id,
      m.state, m.priority, m.deadline, m.customer, m.customer_ref, CASE WHEN m.gen = 0 AND m.customer IS NOT NULL THEN m.deadline END, NULL,
      COALESCE(sn.snap, '[]'::jsonb), m.creator, m.started, m.completed, m.canceled_at, m.created,
      COALESCE(m.completed, m.canceled_at, m.started, m.created)
    FROM fk_mo m LEFT JOIN fk_snap sn ON sn.product_id = m.product_id
    LEFT JOIN fk_mo bo ON bo.n = m.backorder_of_n LEFT JOIN fk_mo par ON par.n = m.parent_n
    LEFT JOIN fk_labour lb ON lb.mo_n = m.n
    ORDER BY m.created, m.gen, m.n;`);

  add("work orders", `
    INSERT INTO "WorkOrder" ("id", "code", "moId", "sequence", "title", "description", "assignedToId", "workCenterId", "status",
      "startTime", "endTime", "durationMin", "plannedMin", "goodQty", "scrapQty", "scrapReason", "instructions", "createdAt", "updatedAt")
    SELECT w.id, w.code, m.id, w.seq, w.title, NULL, w.op_user, w.wc_id, w.status,
      CASE WHEN w.status <> 'PENDING' THEN w.start_at END,
      CASE WHEN w.status = 'COMPLETED' THEN w.end_at END,
      CASE WHEN w.status = 'COMPLETED' THEN round(w.worked_ms / 60000.0, 4) END,
      w.planned_min,
      CASE WHEN w.status = 'COMPLETED' THEN w.good END,
      CASE WHEN w.status = 'COMPLETED' THEN w.scrap END,
      CASE WHEN w.status = 'COMPLETED' AND w.scrap > 0 THEN (CASE WHEN w.seq % 2 = 0 THEN 'QUALITY' ELSE 'PROCESS' END)::"ScrapReason" END,
      NULL, w.created, CASE WHEN w.status = 'PENDING' THEN w.created WHEN w.status = 'COMPLETED' THEN w.end_at ELSE LEAST(c.now_utc, w.end_at) END
    FROM fk_wo w JOIN fk_mo m ON m.n = w.mo_n, fk_cfg c
    ORDER BY w.code;`);

  add("time logs and pauses", `
    ANALYZE fk_seg;
    INSERT INTO "WorkOrderTimeLog" ("id", "workOrderId", "userId", "startedAt", "endedAt")
    SELECT gen_random_uuid()::text, s.wo_id, s.op_user, s.s_at, CASE WHEN s.e_at <= c.now_utc THEN s.e_at END
    FROM fk_seg s, fk_cfg c ORDER BY s.s_at;
    INSERT INTO "WorkOrderPause" ("id", "workOrderId", "userId", "reasonId", "startedAt", "endedAt")
    SELECT gen_random_uuid()::text, s.wo_id, s.op_user, r.id, s.e_at,
           CASE WHEN s.pause_ms >= 0 AND s.e_at + ${ms("s.pause_ms")} <= c.now_utc THEN s.e_at + ${ms("s.pause_ms")} END
    FROM fk_seg s JOIN "PauseReason" r ON r.code = s.reason, fk_cfg c
    WHERE (s.i < s.nseg OR s.pause_ms < 0) AND s.e_at <= c.now_utc
    ORDER BY s.e_at;`);

  // The ledger: MO consumption and output where orders finished, receipts that keep the materials
  // coming (filling up to the ledger size), some scrap, and an opening balance per product that keeps
  // every balance ≥ 0 (the history never needed ALLOW_NEGATIVE_STOCK).
  add("ledger events", `
    CREATE TEMP TABLE fk_ev (${BULK_EVENT_COLUMNS});
    INSERT INTO fk_ev ("productId", "at", "ord", "change", "sourceType", "sourceId", "note", "unitCost", "createdById")
    SELECT c.material_id, m.completed, 1, -(c.qty * (m.produced + m.scrap)), 'MO_CONSUMPTION', m.id, m.order_no || ': materials consumed', p.cost, m.creator
    FROM fk_mo m JOIN fk_comp c ON c.product_id = m.product_id JOIN fk_prod p ON p.id = c.material_id
    WHERE m.state = 'DONE' AND m.produced + m.scrap > 0;
    INSERT INTO fk_ev ("productId", "at", "ord", "change", "sourceType", "sourceId", "note", "unitCost", "createdById")
    SELECT m.product_id, m.completed, 2, m.produced, 'MO_OUTPUT', m.id, m.order_no || ': produced', p.cost, m.creator
    FROM fk_mo m JOIN fk_prod p ON p.id = m.product_id WHERE m.state = 'DONE' AND m.produced > 0;
    CREATE TEMP TABLE fk_use AS
    SELECT "productId", -SUM("change") AS used, count(*) AS rows FROM fk_ev WHERE "change" < 0 GROUP BY "productId";
    -- Receipts: raw materials only, in proportion to how often each is used.
    INSERT INTO fk_ev ("productId", "at", "ord", "change", "sourceType", "sourceId", "note", "unitCost", "createdById")
    SELECT u."productId",
           LEAST(c.now_utc - interval '3 hours', date_trunc('milliseconds', ((date_trunc('day', ((c.start_utc + random() * (c.now_utc - c.start_utc)) AT TIME ZONE 'UTC') AT TIME ZONE c.tz) + interval '6 hours' + random() * interval '10 hours') AT TIME ZONE c.tz) AT TIME ZONE 'UTC')),
           0, CASE WHEN p.uom = 'pcs' THEN ceil(u.used * 1.1 / u.k) ELSE ceil(u.used * 1.1 / u.k * 4) / 4 END,
           'RECEIPT', 'PO-' || (50000 + floor(random() * 40000)), 'Supplier delivery', p.cost, inv.id
    FROM (SELECT "productId", used, GREATEST(1, round(rows * GREATEST(${ledgerTarget} - (SELECT count(*) FROM fk_ev), 0) / GREATEST((SELECT SUM(rows) FROM fk_use), 1)))::int AS k FROM fk_use) u
    JOIN fk_prod p ON p.id = u."productId" AND p.kind = 'RM'
    CROSS JOIN LATERAL generate_series(1, u.k) gs(i)
    CROSS JOIN fk_cfg c
    JOIN fk_user inv ON inv.role = 'INVENTORY' AND inv.rn = (gs.i % ${s.inventory});
    -- Stock scrap: a damaged item now and then.
    INSERT INTO fk_ev ("productId", "at", "ord", "change", "sourceType", "note", "scrapReason", "unitCost", "createdById")
    SELECT e."productId", e."at" + interval '2 hours', 3, -1, 'SCRAP', 'Damaged in handling', 'DAMAGED', e."unitCost", e."createdById"
    FROM fk_ev e JOIN fk_prod p ON p.id = e."productId" AND p.uom = 'pcs' WHERE e."sourceType" = 'RECEIPT' AND random() < 0.01;
    -- Opening balances: enough that no balance ever goes below zero, plus a little, a week before the history.
    INSERT INTO fk_ev ("productId", "at", "ord", "change", "sourceType", "note", "unitCost", "createdById")
    SELECT o.id, c.start_utc - interval '7 days', 0, o.qty, 'INITIAL', 'Opening balance', o.cost, NULL
    FROM (SELECT p.id, p.cost, GREATEST(COALESCE(-lo.min_bal, 0), 0) + CASE WHEN p.kind = 'RM' THEN 5 + floor(random() * 50) ELSE floor(random() * 4) END AS qty
          FROM fk_prod p
          LEFT JOIN (SELECT "productId", MIN(bal) AS min_bal FROM (
                       SELECT "productId", SUM("change") OVER (PARTITION BY "productId" ORDER BY "at", "ord", "seq") AS bal FROM fk_ev) b
                     GROUP BY "productId") lo ON lo."productId" = p.id) o
    CROSS JOIN fk_cfg c
    WHERE o.qty > 0;
    -- Reorder points: about two weeks of use of each raw material (some end below it: the low-stock list).
    UPDATE "Product" pr SET "reorderPoint" = ceil(u.used / ${num(months)} * (0.2 + random() * 0.6))
    FROM fk_use u JOIN fk_prod p ON p.id = u."productId" AND p.kind = 'RM' WHERE pr."id" = u."productId";`);

  add("ledger", `ANALYZE fk_ev; ${bulkLedgerSql("fk_ev", "fk_prod")}`);

  add("notifications", `
    INSERT INTO "Notification" ("id", "userId", "type", "title", "body", "key", "params", "link", "readAt", "createdAt")
    SELECT gen_random_uuid()::text, m.creator, 'mo.late', m.order_no || ' is late', '"' || m.name || '" was due and is not done.', 'mo.late',
           jsonb_build_object('orderNo', m.order_no, 'name', m.name, 'deadline', jsonb_build_object('$date', to_char(m.deadline, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))),
           '/mos/' || m.id, NULL, m.deadline + interval '10 minutes'
    FROM fk_mo m, fk_cfg c WHERE m.state IN ('PLANNED', 'IN_PROGRESS') AND m.deadline + interval '10 minutes' < c.now_utc;
    INSERT INTO "Notification" ("id", "userId", "type", "title", "body", "key", "params", "link", "readAt", "createdAt")
    SELECT gen_random_uuid()::text, w.op_user, 'wo.assigned', w.code || ' assigned to you', w.title || ' (' || m.order_no || ') was assigned to you.', 'wo.assigned',
           jsonb_build_object('code', w.code, 'title', w.title, 'orderNo', m.order_no), '/workorders/' || w.id,
           CASE WHEN w.created < c.now_utc - interval '2 days' THEN w.created + interval '3 hours' END, w.created
    FROM fk_wo w JOIN fk_mo m ON m.n = w.mo_n, fk_cfg c
    WHERE random() < ${num(notifTarget)}::float8 / GREATEST((SELECT count(*) FROM fk_wo), 1);`);

  add("audit", `
    INSERT INTO "AuditLog" ("actorId", "action", "entityType", "entityId", "payload", "createdAt")
    SELECT actor, action, etype, eid, payload, at FROM (
      SELECT m.creator AS actor, 'mo.create' AS action, 'ManufacturingOrder' AS etype, m.id AS eid,
             jsonb_strip_nulls(jsonb_build_object('orderNo', m.order_no, 'history', true, 'parentOrderNo', par.order_no, 'backorderOf', bo.order_no)) AS payload, m.created AS at
      FROM fk_mo m LEFT JOIN fk_mo par ON par.n = m.parent_n LEFT JOIN fk_mo bo ON bo.n = m.backorder_of_n
      UNION ALL
      SELECT m.creator, 'mo.complete', 'ManufacturingOrder', m.id,
             jsonb_build_object('orderNo', m.order_no, 'producedQty', m.produced::text, 'scrapQty', m.scrap::text, 'history', true), m.completed
      FROM fk_mo m WHERE m.state = 'DONE'
      UNION ALL
      SELECT m.creator, 'mo.cancel', 'ManufacturingOrder', m.id, jsonb_build_object('orderNo', m.order_no, 'history', true), m.canceled_at
      FROM fk_mo m WHERE m.state = 'CANCELED'
      UNION ALL
      SELECT e."createdById", 'stock.receipt', 'Product', e."productId",
             jsonb_build_object('quantity', e."change"::text, 'reference', e."sourceId", 'history', true), e."at"
      FROM fk_ev e WHERE e."sourceType" = 'RECEIPT'
        AND random() < GREATEST(${auditTarget} - (SELECT count(*) FROM fk_mo) - (SELECT count(*) FROM fk_mo WHERE state IN ('DONE', 'CANCELED')), 0)::float8
                       / GREATEST((SELECT count(*) FROM fk_ev WHERE "sourceType" = 'RECEIPT'), 1)
    ) a ORDER BY at;`);

  add("clean up", `DROP TABLE fk_cfg, fk_user, fk_wc, fk_prod, fk_bom, fk_comp, fk_op, fk_snap, fk_mo, fk_wo, fk_seq, fk_seg, fk_demote, fk_labour, fk_ev, fk_use;`);
  return list;
}

/** Row counts of the tables the history fills. */
export async function historyCounts(conn: SqlConn): Promise<Record<string, number>> {
  const tables = ["User", "Product", "BOM", "BOMComponent", "BOMOperation", "WorkCenter", "ManufacturingOrder", "WorkOrder", "WorkOrderTimeLog", "WorkOrderPause", "StockEntry", "MoRequirement", "Notification", "AuditLog"];
  const rows = await conn.query<{ t: string; n: string }>(tables.map((t) => `SELECT '${t}' AS t, count(*)::text AS n FROM "${t}"`).join(" UNION ALL "));
  return Object.fromEntries(rows.map((r) => [r.t, Number(r.n)]));
}

/**
 * Writes `months` of history at a scale into the current database (after the migrations; the demo
 * seed may be there or not), in one transaction on one connection, then stores every open MO's
 * material status. Refuses a database that has it already (the first generated SKU exists).
 */
export async function loadHistory(opts: HistoryOptions): Promise<HistoryResult> {
  const scale = typeof opts.scale === "string" ? SCALES[opts.scale] : opts.scale;
  if (!(opts.months > 0 && opts.months <= 60)) throw new Error("months: between 1 and 60");
  if (!isTimeZone(opts.timeZone)) throw new Error(`not a time zone: ${opts.timeZone}`);
  const log = opts.log ?? (() => {});
  const began = performance.now();
  const conn = await db().connect();
  try {
    const present = await conn.query(`SELECT 1 FROM "Product" WHERE "sku" = $1`, [HISTORY_MARKER_SKU]);
    if (present.length) throw new Error(`This database has generated history already (product ${HISTORY_MARKER_SKU}); reset it first (npm run db:reset).`);
    // Postgres: the plan tables are temporary (local buffers, 8 MB by default) and the window functions
    // sort up to a million rows (work_mem 4 MB by default): room for both, for this session only.
    if (db().kind === "postgres") await conn.exec(`SET temp_buffers = '512MB'; SET work_mem = '128MB'`);
    await conn.exec("BEGIN");
    try {
      for (const [label, sql] of statements(scale, opts.months, opts.now ?? new Date(), opts.timeZone)) {
        const t = performance.now();
        await conn.exec(sql);
        log(`${label}: ${((performance.now() - t) / 1000).toFixed(1)} s`);
      }
      await conn.exec("COMMIT");
    } catch (err) {
      await conn.exec("ROLLBACK").catch(() => {});
      throw err;
    }
    if (db().kind === "postgres") await conn.exec(`ANALYZE`);
    const counts = await historyCounts(conn);
    await conn.release().catch(() => {});
    const t = performance.now();
    await refreshMaterialStatus(db().prisma);
    log(`material status: ${((performance.now() - t) / 1000).toFixed(1)} s`);
    if (db().kind === "postgres") {
      // A freshly bulk-loaded table has no visibility map: until autovacuum gets to it, every
      // index-only scan (the capped counts of the lists) visits the heap. Vacuum once, as a factory's
      // database that autovacuum has kept would be (docs/performance.md).
      const v = performance.now();
      const c = await db().connect();
      try {
        await c.exec(`VACUUM ANALYZE`);
      } finally {
        await c.release().catch(() => {});
      }
      log(`vacuum: ${((performance.now() - v) / 1000).toFixed(1)} s`);
    }
    return { seconds: (performance.now() - began) / 1000, counts };
  } catch (err) {
    await conn.release().catch(() => {});
    throw err;
  }
}
