-- Issue 22, finding 4: no accepted amount or rate may make a page fail. Conversions
-- and the worklist priority are computed in NUMERIC and kept inside bigint: a rate of
-- 0.0000000001 or an amount times 200 years of days used to raise "bigint out of range"
-- on /worklist, /today and the send plan. Beyond the bigint range the value is held at
-- its edge: the order still puts it first, which is all the number is for. The rounding
-- step is NUMERIC too (sign(bigint) is double precision, which made the whole sum a double).
CREATE OR REPLACE FUNCTION "dd_clamp_bigint"("value" NUMERIC) RETURNS BIGINT
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT LEAST(GREATEST("value", -9223372036854775807), 9223372036854775807)::BIGINT
$$;

CREATE OR REPLACE FUNCTION "dd_convert_minor"("amount" BIGINT, "num" NUMERIC, "den" NUMERIC) RETURNS BIGINT
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT dd_clamp_bigint(div("amount" * "num", "den")
    + CASE WHEN 2 * abs(mod("amount" * "num", "den")) > "den"
             OR (2 * abs(mod("amount" * "num", "den")) = "den" AND mod(div("amount" * "num", "den"), 2) <> 0)
           THEN sign("amount"::NUMERIC) ELSE 0 END)
$$;
