-- Ranked material availability (issue 12, DOMAIN-2 §1, docs/decisions/0014-requirements-table.md).
-- "MoRequirement" holds what each OPEN MO (PLANNED, IN_PROGRESS) still requires per component, with
-- the MO's rank keys copied next to it, so one index range per product serves the window functions
-- that rank the requirements. A trigger on "ManufacturingOrder" keeps it equal to the MOs' bomSnapshot,
-- quantity, state, priority and deadline in the same transaction as the write, whoever writes (the
-- app, a backorder, a child order, or psql).
-- "ManufacturingOrder"."materialStatus" is the status last computed for an open MO (NULL once closed):
-- the after-commit recompute (lib/manufacturing/availability.ts) compares against it and announces
-- only the MOs whose status changed; lists and the board filter on it.

CREATE FUNCTION mes_priority_rank(p "Priority") RETURNS integer LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE p WHEN 'URGENT' THEN 0 WHEN 'HIGH' THEN 1 WHEN 'NORMAL' THEN 2 ELSE 3 END
$$;

CREATE TABLE "MoRequirement" (
    "moId" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "required" DECIMAL(36,8) NOT NULL,
    "priorityRank" INTEGER NOT NULL,
    "deadline" TIMESTAMP(3),
    "moCreatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "MoRequirement_pkey" PRIMARY KEY ("moId", "productId"),
    CONSTRAINT "MoRequirement_moId_fkey" FOREIGN KEY ("moId") REFERENCES "ManufacturingOrder"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
-- Rank order within a product: the window functions read this index in order.
CREATE INDEX "MoRequirement_productId_priorityRank_deadline_moCreatedAt_moId_idx"
    ON "MoRequirement"("productId", "priorityRank", "deadline", "moCreatedAt", "moId");

CREATE TYPE "MaterialStatus" AS ENUM ('READY', 'PARTIAL', 'WAITING');
ALTER TABLE "ManufacturingOrder" ADD COLUMN "materialStatus" "MaterialStatus";

CREATE FUNCTION mes_sync_mo_requirements() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "MoRequirement" WHERE "moId" = NEW."id";
  IF NEW."state" IN ('PLANNED', 'IN_PROGRESS') THEN
    INSERT INTO "MoRequirement" ("moId", "productId", "required", "priorityRank", "deadline", "moCreatedAt")
    SELECT NEW."id", line->>'materialId',
           SUM((line->>'qtyPerUnit')::numeric * NEW."quantity"),
           mes_priority_rank(NEW."priority"), NEW."deadline", NEW."createdAt"
    FROM jsonb_array_elements(COALESCE(NEW."bomSnapshot", '[]'::jsonb)) AS line
    GROUP BY line->>'materialId';
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "ManufacturingOrder_requirements_insert" AFTER INSERT ON "ManufacturingOrder"
  FOR EACH ROW EXECUTE FUNCTION mes_sync_mo_requirements();
CREATE TRIGGER "ManufacturingOrder_requirements_update"
  AFTER UPDATE OF "state", "quantity", "bomSnapshot", "priority", "deadline", "createdAt" ON "ManufacturingOrder"
  FOR EACH ROW EXECUTE FUNCTION mes_sync_mo_requirements();

-- Backfill from the open MOs that exist.
INSERT INTO "MoRequirement" ("moId", "productId", "required", "priorityRank", "deadline", "moCreatedAt")
SELECT m."id", line->>'materialId', SUM((line->>'qtyPerUnit')::numeric * m."quantity"),
       mes_priority_rank(m."priority"), m."deadline", m."createdAt"
FROM "ManufacturingOrder" m, jsonb_array_elements(COALESCE(m."bomSnapshot", '[]'::jsonb)) AS line
WHERE m."state" IN ('PLANNED', 'IN_PROGRESS')
GROUP BY m."id", line->>'materialId';

-- Stored statuses of the open MOs as of now (the same computation as refreshMaterialStatus()).
WITH ranked AS (
  SELECT r."moId", r."required",
         GREATEST(COALESCE(l."onHand", 0) - COALESCE(SUM(r."required") OVER (PARTITION BY r."productId"
           ORDER BY r."priorityRank", r."deadline", r."moCreatedAt", r."moId" ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0), 0) AS available
  FROM "MoRequirement" r LEFT JOIN "StockLevel" l ON l."productId" = r."productId"
), per AS (
  SELECT "moId", CASE WHEN bool_or("required" > available AND available = 0) THEN 'WAITING'
                      WHEN bool_or("required" > available) THEN 'PARTIAL' ELSE 'READY' END AS status
  FROM ranked GROUP BY "moId"
)
UPDATE "ManufacturingOrder" m SET "materialStatus" = COALESCE(per.status, 'READY')::"MaterialStatus"
FROM "ManufacturingOrder" o LEFT JOIN per ON per."moId" = o."id"
WHERE m."id" = o."id" AND o."state" IN ('PLANNED', 'IN_PROGRESS');
