-- The day's first two filings can take their sequence values in one order and create the day's
-- counter in the other: the one whose value is below the counter's base then computed serial 0 (or
-- less) and the filing failed ("sequence out of range: 0"; seen once in CI). Such a value is dropped
-- and the next one taken, which is above the base (the sequence only grows): a gap, never a
-- duplicate or a failure.
CREATE OR REPLACE FUNCTION next_application_serial(d text) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  b bigint;
  v bigint;
BEGIN
  SELECT base INTO b FROM "ApplicationCounter" WHERE day = d;
  IF b IS NULL THEN
    v := nextval('application_number_seq');
    INSERT INTO "ApplicationCounter" (day, base) VALUES (d, v) ON CONFLICT (day) DO NOTHING;
    SELECT base INTO b FROM "ApplicationCounter" WHERE day = d;
    IF v < b THEN
      v := nextval('application_number_seq');
    END IF;
    RETURN v - b + 1;
  END IF;
  RETURN nextval('application_number_seq') - b + 1;
END;
$$;
