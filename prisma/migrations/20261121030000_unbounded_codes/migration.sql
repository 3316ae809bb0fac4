-- lpad(n, 6) truncates numbers of 7+ digits ('1000000' → '100000'), so order number 1,000,000 would
-- collide with 100,000. Pad to at least 6 digits and never cut; nextval is called exactly once.
CREATE FUNCTION "mes_next_code"(prefix TEXT, seq REGCLASS) RETURNS TEXT
  LANGUAGE sql VOLATILE
  AS $$ SELECT prefix || lpad(v::text, greatest(6, length(v::text)), '0') FROM nextval(seq) AS v $$;

ALTER TABLE "ManufacturingOrder" ALTER COLUMN "orderNo" SET DEFAULT "mes_next_code"('MO-', 'mo_number_seq');
ALTER TABLE "WorkOrder" ALTER COLUMN "code" SET DEFAULT "mes_next_code"('WO-', 'wo_number_seq');
