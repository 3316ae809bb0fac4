-- mes_post_stock: the one supported way to write stock with SQL (docs/sql.md). Other programs (an
-- ERP's script, psql) post one line of stock exactly as lib/stock/post.ts posts one line for the app:
-- the same lock order (the product's StockLevel row, then the StockBalance key), the same checks (the
-- tracking rules of lib/lots/lots.ts and receipts, 4 decimals, |x| < 10^14, never below zero per key
-- unless allowed), the same ledger row (the product's balance chain, moving-average value from
-- lib/stock/valuation.ts) and the same balance, level and average updates. Its stock:changed outbox row
-- comes from the ledger trigger like any posting; the trigger marks it `external` so the relay re-ranks
-- material availability (the app does that for its own postings from memory).
-- Keep this in step with lib/stock/post.ts and lib/stock/valuation.ts: tests/integration/sql-stock.test.ts
-- posts the same movements through both and compares every row.

-- The ledger trigger as before, plus `external: true` on what mes_post_stock wrote (it sets
-- mes.stock_posting for the one INSERT); app postings keep the payload they had.
CREATE OR REPLACE FUNCTION mes_outbox_stock() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "EventOutbox" ("topic", "entityId", "payload")
  SELECT 'stock:changed', n."sourceId",
         jsonb_build_object('productIds', jsonb_agg(DISTINCT n."productId"), 'sourceType', n."sourceType", 'sourceId', n."sourceId")
           || CASE WHEN current_setting('mes.stock_posting', true) = 'sql' THEN jsonb_build_object('external', true) ELSE '{}'::jsonb END
  FROM new_rows n GROUP BY n."sourceType", n."sourceId";
  RETURN NULL;
END $$;

CREATE FUNCTION mes_post_stock(
  product text,                       -- the product's SKU (or its id)
  change numeric,                     -- signed quantity: > 0 adds stock, < 0 takes it
  reason text,                        -- RECEIPT, INITIAL, MANUAL, COUNT or SCRAP (the ledger's sourceType)
  location text DEFAULT 'STOCK',      -- the location's code (case-insensitive)
  lot text DEFAULT NULL,              -- the lot's code (serial for SERIAL products); required for tracked products
  unit_cost numeric DEFAULT NULL,     -- inbound only: cost per unit; moves the moving average
  reference text DEFAULT NULL,        -- becomes the entry's sourceId (a PO or packing-slip number)
  note text DEFAULT NULL,
  allow_negative boolean DEFAULT false,
  scrap_reason text DEFAULT NULL,     -- SCRAP only, required: DAMAGED, EXPIRED, QUALITY, PROCESS or OTHER
  expires_at timestamp DEFAULT NULL   -- a lot made by this receipt gets this expiry
) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  -- Arguments copied once, so no statement below confuses them with a column of the same name.
  v_change numeric := mes_post_stock.change;
  v_reason text := upper(btrim(mes_post_stock.reason));
  v_cost numeric := mes_post_stock.unit_cost;
  v_lot_code text := mes_post_stock.lot;
  v_scrap text := upper(btrim(mes_post_stock.scrap_reason));
  v_note text := mes_post_stock.note;
  v_source text := mes_post_stock.reference;
  v_allow boolean := COALESCE(mes_post_stock.allow_negative, false);
  v_inbound boolean;
  p record;
  loc record;
  v_lot_id text;
  lvl record;
  v_key_before numeric;
  v_key_after numeric;
  v_avg numeric;
  v_after numeric;
  v_unit numeric;
  v_value numeric;
  v_new_avg numeric;
  v_level_value numeric;
  v_moved numeric;
  v_id bigint;
BEGIN
  -- What may be posted from outside: MO consumption/output and transfers belong to their use cases
  -- (an order's completion, a two-line transfer), which only the API performs.
  IF v_reason IS NULL OR v_reason NOT IN ('RECEIPT', 'INITIAL', 'MANUAL', 'COUNT', 'SCRAP') THEN
    RAISE EXCEPTION 'mes_post_stock: reason % cannot be posted with SQL', COALESCE(quote_literal(mes_post_stock.reason), 'NULL')
      USING ERRCODE = '22023', HINT = 'Use RECEIPT, INITIAL, MANUAL, COUNT or SCRAP; MO consumption/output and transfers go through the API.';
  END IF;
  IF v_change IS NULL OR v_change = 0 THEN
    RAISE EXCEPTION 'mes_post_stock: change must be a quantity other than zero' USING ERRCODE = '22023';
  END IF;
  IF v_change <> round(v_change, 4) THEN
    RAISE EXCEPTION 'mes_post_stock: change % has more than 4 decimals', v_change USING ERRCODE = '22023';
  END IF;
  IF abs(v_change) >= 1e14 THEN
    RAISE EXCEPTION 'mes_post_stock: change % is too large (less than 100000000000000 in size)', v_change USING ERRCODE = '22003';
  END IF;
  v_inbound := v_change > 0;
  IF v_reason IN ('RECEIPT', 'INITIAL') AND NOT v_inbound THEN
    RAISE EXCEPTION 'mes_post_stock: a % adds stock: change must be greater than zero', v_reason USING ERRCODE = '22023';
  END IF;
  IF v_reason = 'SCRAP' THEN
    IF v_inbound THEN
      RAISE EXCEPTION 'mes_post_stock: SCRAP takes stock out: change must be below zero' USING ERRCODE = '22023';
    END IF;
    IF v_scrap IS NULL OR v_scrap NOT IN (SELECT unnest(enum_range(NULL::"ScrapReason"))::text) THEN
      RAISE EXCEPTION 'mes_post_stock: SCRAP needs a scrap_reason'
        USING ERRCODE = '22023', HINT = 'One of ' || array_to_string(enum_range(NULL::"ScrapReason"), ', ') || '.';
    END IF;
  ELSIF v_scrap IS NOT NULL THEN
    RAISE EXCEPTION 'mes_post_stock: scrap_reason is for SCRAP only' USING ERRCODE = '22023';
  END IF;
  IF v_cost IS NOT NULL THEN
    IF NOT v_inbound THEN
      RAISE EXCEPTION 'mes_post_stock: unit_cost is for inbound stock only (outbound stock leaves at the average)' USING ERRCODE = '22023';
    END IF;
    IF v_cost < 0 OR v_cost <> round(v_cost, 4) THEN
      RAISE EXCEPTION 'mes_post_stock: unit_cost % must be at least 0 with at most 4 decimals', v_cost USING ERRCODE = '22023';
    END IF;
    IF v_cost >= 1e14 THEN
      RAISE EXCEPTION 'mes_post_stock: unit_cost % is too large (less than 100000000000000)', v_cost USING ERRCODE = '22003';
    END IF;
  END IF;

  -- The product: by SKU, else by id.
  SELECT pr."id", pr."sku", pr."uom", pr."tracking"::text AS tracking, pr."archivedAt" INTO p
  FROM "Product" pr WHERE pr."sku" = mes_post_stock.product;
  IF NOT FOUND THEN
    SELECT pr."id", pr."sku", pr."uom", pr."tracking"::text AS tracking, pr."archivedAt" INTO p
    FROM "Product" pr WHERE pr."id" = mes_post_stock.product;
  END IF;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'mes_post_stock: no product with SKU or id %', COALESCE(quote_literal(mes_post_stock.product), 'NULL') USING ERRCODE = 'P0002';
  END IF;
  IF p."archivedAt" IS NOT NULL AND v_reason IN ('RECEIPT', 'INITIAL') THEN
    RAISE EXCEPTION 'mes_post_stock: % is archived: restore it before receiving stock', p."sku" USING ERRCODE = '55000';
  END IF;
  -- Counted units take whole numbers (lib/products/units.ts COUNTED_UNITS).
  IF v_change <> trunc(v_change) AND lower(btrim(p."uom")) IN ('pcs', 'pc', 'ea', 'each', 'set', 'unit', 'units', 'stuks', 'st', 'piece', 'pieces') THEN
    RAISE EXCEPTION 'mes_post_stock: % is counted in %: use a whole number', p."sku", btrim(p."uom") USING ERRCODE = '22023';
  END IF;

  -- The location: by code, case-insensitively (an exact match first).
  SELECT l."id", l."code", l."active" INTO loc
  FROM "Location" l WHERE lower(l."code") = lower(COALESCE(mes_post_stock.location, 'STOCK'))
  ORDER BY (l."code" = COALESCE(mes_post_stock.location, 'STOCK')) DESC LIMIT 1;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'mes_post_stock: no location with code %', quote_literal(COALESCE(mes_post_stock.location, 'STOCK')) USING ERRCODE = 'P0002';
  END IF;
  IF NOT loc."active" AND v_inbound THEN
    RAISE EXCEPTION 'mes_post_stock: location % is inactive: nothing can be put there', loc."code" USING ERRCODE = '55000';
  END IF;

  -- The lot: tracked products need one, untracked ones refuse it (lib/lots/lots.ts resolveKey). A
  -- receipt (or opening stock) makes a lot on its first receipt, as POST /api/stock/receipts does.
  IF p.tracking = 'NONE' AND v_lot_code IS NOT NULL THEN
    RAISE EXCEPTION 'mes_post_stock: % is not tracked by lot: leave lot out', p."sku" USING ERRCODE = '22023';
  END IF;
  IF p.tracking <> 'NONE' THEN
    IF v_lot_code IS NULL OR btrim(v_lot_code) = '' THEN
      RAISE EXCEPTION 'mes_post_stock: % is tracked by %: name the lot', p."sku", lower(p.tracking) USING ERRCODE = '22023';
    END IF;
    SELECT t."id" INTO v_lot_id FROM "Lot" t WHERE t."productId" = p."id" AND t."code" = v_lot_code;
    IF v_reason IN ('RECEIPT', 'INITIAL') THEN
      IF p.tracking = 'SERIAL' AND v_change <> 1 THEN
        RAISE EXCEPTION 'mes_post_stock: one serial is one unit: change must be 1' USING ERRCODE = '22023';
      END IF;
      IF v_lot_id IS NULL THEN
        INSERT INTO "Lot" ("id", "productId", "code", "expiresAt")
        VALUES (gen_random_uuid()::text, p."id", v_lot_code, mes_post_stock.expires_at)
        ON CONFLICT ("productId", "code") DO NOTHING RETURNING "id" INTO v_lot_id;
        IF v_lot_id IS NULL THEN -- made meanwhile by another receipt
          SELECT t."id" INTO v_lot_id FROM "Lot" t WHERE t."productId" = p."id" AND t."code" = v_lot_code;
        END IF;
      ELSIF p.tracking = 'SERIAL' AND EXISTS (SELECT 1 FROM "StockBalance" b WHERE b."lotId" = v_lot_id AND b."onHand" <> 0) THEN
        RAISE EXCEPTION 'mes_post_stock: serial % is already in stock', v_lot_code USING ERRCODE = '55000';
      END IF;
    ELSIF v_lot_id IS NULL THEN
      RAISE EXCEPTION 'mes_post_stock: % has no lot %', p."sku", quote_literal(v_lot_code)
        USING ERRCODE = 'P0002', HINT = 'Lots are made by a RECEIPT (or INITIAL) of a new code.';
    END IF;
  END IF;

  -- Locks, in lib/stock/post.ts's global order: the product's level (made when missing), then the
  -- balance of the key (made when missing).
  INSERT INTO "StockLevel" ("productId", "onHand", "updatedAt") VALUES (p."id", 0, now()) ON CONFLICT ("productId") DO NOTHING;
  SELECT s."onHand", s."value" INTO lvl FROM "StockLevel" s WHERE s."productId" = p."id" FOR UPDATE;
  INSERT INTO "StockBalance" ("productId", "locationId", "lotId", "onHand", "updatedAt")
  VALUES (p."id", loc."id", v_lot_id, 0, now())
  ON CONFLICT ("productId", "locationId", "lotId") DO NOTHING;
  SELECT b."onHand" INTO v_key_before FROM "StockBalance" b
  WHERE b."productId" = p."id" AND b."locationId" = loc."id" AND b."lotId" IS NOT DISTINCT FROM v_lot_id FOR UPDATE;
  -- The average, read only now that the level is locked (as post.ts does).
  SELECT pr."unitCost" INTO v_avg FROM "Product" pr WHERE pr."id" = p."id";

  v_key_after := v_key_before + v_change;
  IF v_key_after < 0 AND NOT v_allow THEN
    RAISE EXCEPTION 'mes_post_stock: not enough % at % (lot %): on hand %, required %, short by %',
        p."sku", loc."code", COALESCE(v_lot_code, '-'), v_key_before, -v_change, -v_key_after
      USING ERRCODE = '23514', HINT = 'Nothing was written. Pass allow_negative => true to post below zero.';
  END IF;
  v_after := lvl."onHand" + v_change;
  IF abs(v_after) >= 1e14 OR abs(v_key_after) >= 1e14 THEN
    RAISE EXCEPTION 'mes_post_stock: the balance of % would exceed what the ledger can hold (less than 100000000000000)', p."sku" USING ERRCODE = '22003';
  END IF;

  -- Moving average valuation, as lib/stock/valuation.ts valueMovement (round() is half away from zero,
  -- like ROUND_HALF_UP there).
  v_unit := COALESCE(v_avg, 0);
  v_new_avg := NULL;
  IF v_inbound AND v_cost IS NOT NULL THEN
    v_unit := round(v_cost, 4);
    v_value := round(v_change * v_unit, 4);
    IF lvl."onHand" > 0 THEN
      v_moved := (lvl."value" + v_value) / v_after;
      v_new_avg := CASE WHEN v_moved < 0 THEN v_unit ELSE round(v_moved, 4) END;
    ELSE
      v_new_avg := v_unit;
    END IF;
    IF v_avg IS NOT NULL AND v_new_avg = v_avg THEN v_new_avg := NULL; END IF;
  ELSE
    v_value := round(v_change * v_unit, 4);
  END IF;
  IF v_after = 0 THEN v_value := -lvl."value"; END IF;
  v_level_value := lvl."value" + v_value;
  IF abs(v_value) >= 1e14 OR abs(v_level_value) >= 1e14 THEN
    RAISE EXCEPTION 'mes_post_stock: the stock value of % would exceed what the ledger can hold (less than 100000000000000)', p."sku" USING ERRCODE = '22003';
  END IF;

  -- The writes, in post.ts's order: level, average, balance, ledger row.
  UPDATE "StockLevel" SET "onHand" = v_after, "value" = v_level_value, "updatedAt" = now() WHERE "productId" = p."id";
  IF v_new_avg IS NOT NULL THEN
    UPDATE "Product" SET "unitCost" = v_new_avg WHERE "id" = p."id";
  END IF;
  UPDATE "StockBalance" SET "onHand" = v_key_after, "updatedAt" = now()
  WHERE "productId" = p."id" AND "locationId" = loc."id" AND "lotId" IS NOT DISTINCT FROM v_lot_id;
  PERFORM set_config('mes.stock_posting', 'sql', true);
  INSERT INTO "StockEntry" ("productId", "locationId", "lotId", "change", "balanceAfter", "unitCost", "value", "sourceType", "sourceId", "note", "scrapReason", "createdById", "createdAt")
  VALUES (p."id", loc."id", v_lot_id, v_change, v_after, v_unit, v_value, v_reason::"StockSourceType", v_source, v_note, v_scrap::"ScrapReason", NULL, now() AT TIME ZONE 'UTC')
  RETURNING "id" INTO v_id;
  PERFORM set_config('mes.stock_posting', '', true);
  RETURN v_id;
END $$;

COMMENT ON FUNCTION mes_post_stock(text, numeric, text, text, text, numeric, text, text, boolean, text, timestamp) IS
  'Posts one stock movement as the app does (docs/sql.md); returns the StockEntry id. Errors: 22023 bad argument, 22003 too large, P0002 unknown product/location/lot, 55000 archived product/inactive location/serial in stock, 23514 not enough stock.';
