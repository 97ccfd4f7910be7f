-- The job queue's tables have row-level security enabled by graphile-worker (so that an API layer
-- over the database never exposes them); the owner passes it, but the portal's login would see and
-- add no rows: no job enqueued by the web server, none taken by the worker, no schedule recorded.
-- Each such table gets a policy letting bureau_runtime use every row (docs/decisions/016). Found
-- by the browser tests, which run the portal and the worker as that login.
DO $$
DECLARE
  t record;
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'bureau_runtime') THEN
    RETURN;
  END IF;
  FOR t IN
    SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'graphile_worker' AND c.relkind = 'r' AND c.relrowsecurity
  LOOP
    EXECUTE format('CREATE POLICY bureau_runtime_rows ON graphile_worker.%I TO bureau_runtime USING (true) WITH CHECK (true)', t.relname);
  END LOOP;
END;
$$;
