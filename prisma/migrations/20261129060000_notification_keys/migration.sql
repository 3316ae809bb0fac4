-- Notifications are stored as a message key and its parameters and rendered in the reader's language
-- when read (issue 11; lib/notifications/render.ts). "title"/"body" keep the English text written at
-- creation: rows without a key (older ones this migration could not read back, or other writers) are
-- shown as stored.
ALTER TABLE "Notification" ADD COLUMN "key" TEXT;
ALTER TABLE "Notification" ADD COLUMN "params" JSONB;

-- Existing rows: each English text the product wrote is read back into its key and parameters, only
-- when the whole title and body match the template they came from (anything else keeps key NULL).
UPDATE "Notification" n SET "key" = 'mo.late',
  "params" = jsonb_build_object('orderNo', t[1], 'name', b[1], 'deadline', jsonb_build_object('$date', replace(b[2], ' ', 'T') || ':00.000Z'))
FROM (SELECT "id", regexp_match("title", '^(.*) is late$') AS t,
             regexp_match("body", '^"(.*)" was due (\d{4}-\d{2}-\d{2} \d{2}:\d{2}) UTC and is not done\.$') AS b
      FROM "Notification" WHERE "type" = 'mo.late' AND "key" IS NULL) m
WHERE n."id" = m."id" AND m.t IS NOT NULL AND m.b IS NOT NULL;

UPDATE "Notification" n SET "key" = n."type",
  "params" = jsonb_build_object('code', t[1], 'title', b[1], 'orderNo', b[2])
FROM (SELECT "id", regexp_match("title", '^(.*) assigned to you$') AS t,
             regexp_match("body", '^(.*) \(([^()]*)\) was assigned to you\.$') AS b
      FROM "Notification" WHERE "type" = 'wo.assigned' AND "key" IS NULL) m
WHERE n."id" = m."id" AND m.t IS NOT NULL AND m.b IS NOT NULL;

UPDATE "Notification" n SET "key" = n."type",
  "params" = jsonb_build_object('code', t[1], 'title', b[1], 'orderNo', b[2])
FROM (SELECT "id", regexp_match("title", '^(.*) transferred away$') AS t,
             regexp_match("body", '^(.*) \(([^()]*)\) is no longer assigned to you\.$') AS b
      FROM "Notification" WHERE "type" = 'wo.transferred' AND "key" IS NULL) m
WHERE n."id" = m."id" AND m.t IS NOT NULL AND m.b IS NOT NULL;

UPDATE "Notification" n SET "key" = 'stock.reorder',
  "params" = jsonb_build_object('sku', t[1], 'name', b[1], 'onHand', b[2]::numeric, 'uom', b[3], 'reorderPoint', b[4]::numeric)
FROM (SELECT "id", regexp_match("title", '^(.*) is at or below its reorder point$') AS t,
             regexp_match("body", '^(.*): (-?\d+(?:\.\d+)?) (.*) on hand \(reorder point (-?\d+(?:\.\d+)?)\)\.$') AS b
      FROM "Notification" WHERE "type" = 'stock.reorder' AND "key" IS NULL) m
WHERE n."id" = m."id" AND m.t IS NOT NULL AND m.b IS NOT NULL;

-- A shortage lists one product per "; ": converted only when every part matches.
UPDATE "Notification" n SET "key" = 'stock.shortage', "params" = jsonb_build_object('items', m.items)
FROM (SELECT s."id",
             jsonb_agg(jsonb_build_object('sku', p[1], 'name', p[2], 'onHand', p[3]::numeric, 'required', p[4]::numeric, 'shortBy', p[5]::numeric, 'uom', p[6]) ORDER BY part.i) AS items,
             bool_and(p IS NOT NULL) AS whole
      FROM "Notification" s
      CROSS JOIN LATERAL regexp_split_to_table(s."body", '; ') WITH ORDINALITY AS part(txt, i)
      CROSS JOIN LATERAL (SELECT regexp_match(part.txt, '^(.*) \((.*)\): (-?\d+(?:\.\d+)?) on hand, (-?\d+(?:\.\d+)?) needed, short by (-?\d+(?:\.\d+)?) (.*)$') AS p) x
      WHERE s."type" = 'stock.shortage' AND s."key" IS NULL AND s."title" = 'A stock posting was refused: not enough stock'
      GROUP BY s."id") m
WHERE n."id" = m."id" AND m.whole;

UPDATE "Notification" n SET "key" = 'wo.issue',
  "params" = jsonb_build_object('code', t[1], 'orderNo', t[2], 'author', b[1], 'content', b[2])
FROM (SELECT "id", regexp_match("title", '^Issue reported on (.*) \(([^()]*)\)$') AS t,
             regexp_match("body", '^([^:]*): (.*)$') AS b
      FROM "Notification" WHERE "type" = 'wo.issue' AND "key" IS NULL) m
WHERE n."id" = m."id" AND m.t IS NOT NULL AND m.b IS NOT NULL;
