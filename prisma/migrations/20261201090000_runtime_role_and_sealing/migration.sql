-- Writes that scale and a portal that runs with least privilege (docs/decisions/013).

-- 1. The audit chain is sealed by one step after commit instead of under a lock held by every
--    writer until it commits. A row is inserted unsealed (seq, prevHash, hash NULL); the sealing
--    step takes the rows committed since, in id order, gives each the next chain position (seq)
--    and its hash. Chain order is seq order.
ALTER TABLE "AuditEvent" ADD COLUMN "seq" BIGINT;

ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only";
UPDATE "AuditEvent" e SET seq = r.n FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM "AuditEvent") r WHERE r.id = e.id;
ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_append_only";

CREATE UNIQUE INDEX "AuditEvent_seq_key" ON "AuditEvent"("seq");
CREATE INDEX "AuditEvent_unsealed_idx" ON "AuditEvent"("id") WHERE (seq IS NULL);

-- Inserting takes no lock: the id comes from the sequence, the chain columns are left to the sealer
-- (a writer cannot bring its own hash or position).
CREATE OR REPLACE FUNCTION audit_event_chain() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.id := nextval(pg_get_serial_sequence('"AuditEvent"', 'id'));
  NEW.seq := NULL;
  NEW."prevHash" := NULL;
  NEW.hash := NULL;
  RETURN NEW;
END;
$$;

-- Rows never change, except the one-time sealing of a row that is not sealed yet, which must
-- leave its content as it was and give it the hash of that content.
CREATE FUNCTION audit_event_seal_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.seq IS NULL AND NEW.seq IS NOT NULL
     AND (to_jsonb(NEW) - 'seq' - 'prevHash' - 'hash') = (to_jsonb(OLD) - 'seq' - 'prevHash' - 'hash')
     AND NEW.hash = audit_event_hash(NEW."prevHash", NEW) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

DROP TRIGGER "AuditEvent_append_only" ON "AuditEvent";
CREATE TRIGGER "AuditEvent_append_only"
  BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION audit_event_seal_only();

-- The sealing step. One at a time (advisory lock, held only while sealing); `wait` false returns 0
-- at once when another sealer is busy. Runs as the owner, so the portal's role needs no UPDATE.
CREATE FUNCTION seal_audit_events(max_rows integer DEFAULT 10000, wait boolean DEFAULT false) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  last_seq bigint;
  last_hash text;
  r "AuditEvent";
  n integer := 0;
BEGIN
  IF wait THEN
    PERFORM pg_advisory_xact_lock(20261123);
  ELSIF NOT pg_try_advisory_xact_lock(20261123) THEN
    RETURN 0;
  END IF;
  SELECT seq, hash INTO last_seq, last_hash FROM "AuditEvent" WHERE seq IS NOT NULL ORDER BY seq DESC LIMIT 1;
  last_seq := coalesce(last_seq, 0);
  FOR r IN SELECT * FROM "AuditEvent" WHERE seq IS NULL ORDER BY id LIMIT max_rows LOOP
    last_seq := last_seq + 1;
    r."prevHash" := last_hash;
    last_hash := audit_event_hash(last_hash, r);
    UPDATE "AuditEvent" SET seq = last_seq, "prevHash" = r."prevHash", hash = last_hash WHERE id = r.id;
    n := n + 1;
  END LOOP;
  RETURN n;
END;
$$;

-- 2. The day's application number comes from a sequence: no row is locked from a submission's
--    first statement to its commit. The first filing of a day records the sequence value the day
--    starts at (base); a filing's serial is its value - base + 1. Numbers stay unique per day; a
--    submission that rolls back leaves a gap.
CREATE SEQUENCE application_number_seq AS bigint;
ALTER TABLE "ApplicationCounter" ADD COLUMN "base" BIGINT;
-- Days already counted go on after their last number.
UPDATE "ApplicationCounter" SET base = 1 - last;
ALTER TABLE "ApplicationCounter" ALTER COLUMN "base" SET NOT NULL;
ALTER TABLE "ApplicationCounter" DROP COLUMN "last";

CREATE FUNCTION next_application_serial(d text) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  b bigint;
  v bigint;
BEGIN
  SELECT base INTO b FROM "ApplicationCounter" WHERE day = d;
  IF b IS NULL THEN
    v := nextval('application_number_seq');
    INSERT INTO "ApplicationCounter" (day, base) VALUES (d, v) ON CONFLICT (day) DO NOTHING;
    SELECT base INTO b FROM "ApplicationCounter" WHERE day = d;
    RETURN v - b + 1;
  END IF;
  RETURN nextval('application_number_seq') - b + 1;
END;
$$;

-- 3. Least privilege. The portal connects as a login role that is a member of bureau_runtime:
--    it reads and writes the bureau's tables, but may only add to the append-only ones (the audit
--    trail, stamp log, correction notices, item versions and their materials), never truncate, and
--    never touches the migrations table. Migrations run as the owner. Where the migrating role may
--    not create roles (some managed servers), this step is skipped with a notice and the
--    administrator creates the role (README, "Database roles").
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'bureau_runtime') THEN
    BEGIN
      CREATE ROLE bureau_runtime NOLOGIN;
    EXCEPTION
      WHEN duplicate_object THEN NULL; -- created meanwhile by a migration of another database on this server
      WHEN insufficient_privilege THEN
        RAISE NOTICE 'bureau_runtime not created (no CREATEROLE); grant its rights by hand, see README';
        RETURN;
    END;
  END IF;
  GRANT USAGE ON SCHEMA public TO bureau_runtime;
  GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO bureau_runtime;
  IF to_regclass('"_prisma_migrations"') IS NOT NULL THEN -- absent from a diff's shadow database
    REVOKE ALL ON "_prisma_migrations" FROM bureau_runtime;
  END IF;
  REVOKE UPDATE, DELETE, TRUNCATE ON "AuditEvent", "StampRecord", "CorrectionNotice", "ItemVersion", "Material" FROM bureau_runtime;
  GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO bureau_runtime;
  -- Tables and sequences of later migrations (run by this same owner) are granted the same way;
  -- a later append-only table revokes UPDATE and DELETE in its own migration.
  ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO bureau_runtime;
  ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO bureau_runtime;
END;
$$;
