-- Ranked material availability (issue 12, DOMAIN-2 §1, docs/decisions/0014-requirements-table.md).
-- "MoRequirement" holds what each OPEN MO (PLANNED, IN_PROGRESS) still requires per component, with
-- the MO's rank keys copied next to it, so one index range per product serves the window functions
-- that rank the requirements. A trigger on "ManufacturingOrder" keeps it equal to the MOs' bomSnapshot,
-- quantity, state, priority and deadline in the same transaction as the write, whoever writes (the
-- app, a backorder, a child order, or psql).
-- "MoMaterialStatus" is the last materialStatus announced per open MO: the after-commit recompute
-- compares against it to send an event only for the MOs whose status changed.

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

CREATE TABLE "MoMaterialStatus" (
    "moId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "MoMaterialStatus_pkey" PRIMARY KEY ("moId"),
    CONSTRAINT "MoMaterialStatus_moId_fkey" FOREIGN KEY ("moId") REFERENCES "ManufacturingOrder"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MoMaterialStatus_status_check" CHECK ("status" IN ('READY', 'PARTIAL', 'WAITING'))
);

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
