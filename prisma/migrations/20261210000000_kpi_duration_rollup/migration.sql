-- The KPI "durations by operation" over long periods (issue 16): completed work orders' count and
-- summed worked minutes per UTC day and operation title, for days that are over. A 365-day KPI reads
-- ~12 rows a day here instead of ~300,000 work orders; the period's partial days at either end and
-- the last two days are read from "WorkOrder" itself (lib/reports/duration-rollup.ts).
--
-- "WoDurationRolled" lists the days rolled up (a day listed with no "WoDurationDay" rows had no
-- completions). Days are rolled up lazily, by the first KPI request that needs them, and only once
-- they are at least a day old (day < today − 1, UTC), so a completion committed just after midnight
-- is never missed. A change to a completed work order of an earlier day (a backdated insert, an
-- edit, a delete, a cascade) marks its day in "WoDurationDirty" in the same transaction; the next
-- KPI request rolls that day up again before it reads. The mark is an upsert that locks the row, so a
-- refresh that deletes marks waits for an uncommitted mark and never drops one it could not see.
CREATE TABLE "WoDurationDay" (
  "day" date NOT NULL,
  "title" text NOT NULL,
  "completed" integer NOT NULL,
  "sumMin" numeric(24,4) NOT NULL,
  CONSTRAINT "WoDurationDay_pkey" PRIMARY KEY ("day", "title")
);
CREATE TABLE "WoDurationRolled" (
  "day" date NOT NULL,
  CONSTRAINT "WoDurationRolled_pkey" PRIMARY KEY ("day")
);
CREATE TABLE "WoDurationDirty" (
  "day" date NOT NULL,
  CONSTRAINT "WoDurationDirty_pkey" PRIMARY KEY ("day")
);

-- Statement-level triggers over transition tables: one upsert per statement and day, so a bulk load
-- (db:fake's 344,000 work orders) costs one statement, and an operator's completion today, whose
-- day is not rolled up, costs a scan of its one-row transition table and nothing else.
CREATE FUNCTION mes_wo_duration_mark(days date[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "WoDurationDirty" ("day")
  SELECT DISTINCT d FROM unnest(days) AS d WHERE d IS NOT NULL ORDER BY d
  ON CONFLICT ("day") DO UPDATE SET "day" = EXCLUDED."day";
$$;

CREATE FUNCTION mes_wo_duration_insert() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  days date[];
BEGIN
  SELECT array_agg(DISTINCT n."endTime"::date) INTO days FROM new_rows n
  WHERE n."status" = 'COMPLETED' AND n."endTime" < (now() AT TIME ZONE 'UTC')::date;
  IF days IS NOT NULL THEN PERFORM mes_wo_duration_mark(days); END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION mes_wo_duration_delete() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  days date[];
BEGIN
  SELECT array_agg(DISTINCT o."endTime"::date) INTO days FROM old_rows o
  WHERE o."status" = 'COMPLETED' AND o."endTime" < (now() AT TIME ZONE 'UTC')::date;
  IF days IS NOT NULL THEN PERFORM mes_wo_duration_mark(days); END IF;
  RETURN NULL;
END $$;

-- An update marks the old and the new day of a row whose status, end, minutes or title changed.
CREATE FUNCTION mes_wo_duration_update() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  days date[];
BEGIN
  SELECT array_agg(DISTINCT d) INTO days FROM (
    SELECT o."endTime"::date AS d
    FROM old_rows o JOIN new_rows n ON n."id" = o."id"
    WHERE o."status" = 'COMPLETED' AND o."endTime" < (now() AT TIME ZONE 'UTC')::date
      AND (o."status", o."endTime", o."durationMin", o."title") IS DISTINCT FROM (n."status", n."endTime", n."durationMin", n."title")
    UNION ALL
    SELECT n."endTime"::date
    FROM old_rows o JOIN new_rows n ON n."id" = o."id"
    WHERE n."status" = 'COMPLETED' AND n."endTime" < (now() AT TIME ZONE 'UTC')::date
      AND (o."status", o."endTime", o."durationMin", o."title") IS DISTINCT FROM (n."status", n."endTime", n."durationMin", n."title")
  ) x;
  IF days IS NOT NULL THEN PERFORM mes_wo_duration_mark(days); END IF;
  RETURN NULL;
END $$;

-- TRUNCATE fires no row triggers: it empties the rollup with it.
CREATE FUNCTION mes_wo_duration_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "WoDurationDay";
  DELETE FROM "WoDurationRolled";
  DELETE FROM "WoDurationDirty";
  RETURN NULL;
END $$;

CREATE TRIGGER "WorkOrder_duration_insert" AFTER INSERT ON "WorkOrder"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION mes_wo_duration_insert();
CREATE TRIGGER "WorkOrder_duration_update" AFTER UPDATE ON "WorkOrder"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION mes_wo_duration_update();
CREATE TRIGGER "WorkOrder_duration_delete" AFTER DELETE ON "WorkOrder"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION mes_wo_duration_delete();
CREATE TRIGGER "WorkOrder_duration_truncate" AFTER TRUNCATE ON "WorkOrder"
  FOR EACH STATEMENT EXECUTE FUNCTION mes_wo_duration_truncate();
