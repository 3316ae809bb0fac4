-- Events from the database (issue 15 part 1, docs/events.md, decision 0017): triggers on the tables
-- screens follow write one "EventOutbox" row in the same transaction as the change, whoever the
-- writer is (the app, psql, another program), and pg_notify('mes_events', <id>) at commit. The relay
-- of every app instance (lib/outbox/relay.ts) reads the rows in ("txid", "id") order; a row is read
-- only once every transaction older than the reader's snapshot has ended, so a row committed late with
-- a lower id is never skipped.
CREATE TABLE "EventOutbox" (
    "id" BIGSERIAL NOT NULL,
    "txid" BIGINT NOT NULL DEFAULT (pg_current_xact_id()::text::bigint),
    "eventId" TEXT NOT NULL DEFAULT (gen_random_uuid()::text),
    "topic" TEXT NOT NULL,
    "entityId" TEXT,
    "payload" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EventOutbox_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "EventOutbox_txid_id_idx" ON "EventOutbox"("txid", "id");
CREATE INDEX "EventOutbox_createdAt_idx" ON "EventOutbox"("createdAt");

-- Where a shared consumer (webhook recording, "webhooks") got to; advanced in the same transaction as
-- what it records, under an advisory lock, so each event is recorded once across instances.
CREATE TABLE "EventOutboxCursor" (
    "name" TEXT NOT NULL,
    "txid" BIGINT NOT NULL,
    "id" BIGINT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EventOutboxCursor_pkey" PRIMARY KEY ("name")
);

CREATE FUNCTION mes_outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('mes_events', NEW."id"::text);
  RETURN NULL;
END $$;
CREATE TRIGGER "EventOutbox_notify" AFTER INSERT ON "EventOutbox" FOR EACH ROW EXECUTE FUNCTION mes_outbox_notify();

-- Manufacturing orders: mo:created, mo:updated (any column but updatedAt/materialStatus changed),
-- mo:materialStatus (only the computed availability changed).
CREATE FUNCTION mes_outbox_mo() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "EventOutbox" ("topic", "entityId", "payload")
    VALUES ('mo:created', NEW."id", jsonb_build_object('id', NEW."id", 'state', NEW."state", 'priority', NEW."priority"));
  ELSIF TG_OP = 'UPDATE' THEN
    IF (to_jsonb(NEW) - 'updatedAt' - 'materialStatus') IS DISTINCT FROM (to_jsonb(OLD) - 'updatedAt' - 'materialStatus') THEN
      INSERT INTO "EventOutbox" ("topic", "entityId", "payload")
      VALUES ('mo:updated', NEW."id", jsonb_build_object('id', NEW."id", 'state', NEW."state", 'priority', NEW."priority"));
    ELSIF NEW."materialStatus" IS DISTINCT FROM OLD."materialStatus" THEN
      INSERT INTO "EventOutbox" ("topic", "entityId", "payload")
      VALUES ('mo:materialStatus', NEW."id", jsonb_build_object('id', NEW."id", 'materialStatus', NEW."materialStatus"));
    END IF;
  ELSE
    INSERT INTO "EventOutbox" ("topic", "entityId", "payload")
    VALUES ('mo:updated', OLD."id", jsonb_build_object('id', OLD."id", 'state', OLD."state", 'deleted', true));
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "ManufacturingOrder_outbox" AFTER INSERT OR UPDATE OR DELETE ON "ManufacturingOrder"
  FOR EACH ROW EXECUTE FUNCTION mes_outbox_mo();

-- Work orders: wo:created / wo:updated with the assignee (and the previous one when it changed), so
-- the relay routes without looking anything up.
CREATE FUNCTION mes_outbox_wo() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  p jsonb;
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "EventOutbox" ("topic", "entityId", "payload")
    VALUES ('wo:created', NEW."id", jsonb_build_object('id', NEW."id", 'status', NEW."status", 'moId', NEW."moId", 'assignedToId', NEW."assignedToId"));
  ELSIF TG_OP = 'UPDATE' THEN
    IF (to_jsonb(NEW) - 'updatedAt') IS DISTINCT FROM (to_jsonb(OLD) - 'updatedAt') THEN
      p := jsonb_build_object('id', NEW."id", 'status', NEW."status", 'moId', NEW."moId", 'assignedToId', NEW."assignedToId");
      IF OLD."assignedToId" IS DISTINCT FROM NEW."assignedToId" AND OLD."assignedToId" IS NOT NULL THEN
        p := p || jsonb_build_object('previousAssignedToId', OLD."assignedToId");
      END IF;
      INSERT INTO "EventOutbox" ("topic", "entityId", "payload") VALUES ('wo:updated', NEW."id", p);
    END IF;
  ELSE
    INSERT INTO "EventOutbox" ("topic", "entityId", "payload")
    VALUES ('wo:updated', OLD."id", jsonb_build_object('id', OLD."id", 'status', OLD."status", 'moId', OLD."moId", 'previousAssignedToId', OLD."assignedToId", 'deleted', true));
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "WorkOrder_outbox" AFTER INSERT OR UPDATE OR DELETE ON "WorkOrder"
  FOR EACH ROW EXECUTE FUNCTION mes_outbox_wo();

-- A comment or issue on a work order announces itself as wo:updated of that work order.
CREATE FUNCTION mes_outbox_comment() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "EventOutbox" ("topic", "entityId", "payload")
  SELECT 'wo:updated', w."id", jsonb_build_object('id', w."id", 'status', w."status", 'moId', w."moId", 'assignedToId', w."assignedToId", 'commentId', NEW."id")
  FROM "WorkOrder" w WHERE w."id" = NEW."workOrderId";
  RETURN NULL;
END $$;
CREATE TRIGGER "Comment_outbox" AFTER INSERT ON "Comment" FOR EACH ROW EXECUTE FUNCTION mes_outbox_comment();

-- Stock: one stock:changed per statement and source, naming the products (a posting of many lines is
-- one event). Only columns every ledger row has are read, so added columns change nothing here.
CREATE FUNCTION mes_outbox_stock() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "EventOutbox" ("topic", "entityId", "payload")
  SELECT 'stock:changed', n."sourceId",
         jsonb_build_object('productIds', jsonb_agg(DISTINCT n."productId"), 'sourceType', n."sourceType", 'sourceId', n."sourceId")
  FROM new_rows n GROUP BY n."sourceType", n."sourceId";
  RETURN NULL;
END $$;
CREATE TRIGGER "StockEntry_outbox" AFTER INSERT ON "StockEntry"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION mes_outbox_stock();

-- Notifications: notification:new to its owner.
CREATE FUNCTION mes_outbox_notification() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "EventOutbox" ("topic", "entityId", "payload")
  VALUES ('notification:new', NEW."id", jsonb_build_object('id', NEW."id", 'userId', NEW."userId", 'type', NEW."type"));
  RETURN NULL;
END $$;
CREATE TRIGGER "Notification_outbox" AFTER INSERT ON "Notification" FOR EACH ROW EXECUTE FUNCTION mes_outbox_notification();

-- Users: user:changed when the role or the active flag changed (open sockets move rooms or close).
CREATE FUNCTION mes_outbox_user() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."role" IS DISTINCT FROM OLD."role" OR NEW."active" IS DISTINCT FROM OLD."active" THEN
    INSERT INTO "EventOutbox" ("topic", "entityId", "payload")
    VALUES ('user:changed', NEW."id", jsonb_build_object('userId', NEW."id", 'role', NEW."role", 'active', NEW."active", 'previousRole', OLD."role"));
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "User_outbox" AFTER UPDATE ON "User" FOR EACH ROW EXECUTE FUNCTION mes_outbox_user();

-- Webhook recording starts with the first event written from now on.
INSERT INTO "EventOutboxCursor" ("name", "txid", "id") VALUES ('webhooks', 0, 0);
