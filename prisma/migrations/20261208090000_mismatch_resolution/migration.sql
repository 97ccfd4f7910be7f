-- 对账差错处理: how an administrator closed each mismatch of a day's reconciliation, recorded once.
CREATE TABLE "MismatchResolution" (
    "id" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "code" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "resolution" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    "resolvedById" TEXT NOT NULL,
    "resolvedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MismatchResolution_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "MismatchResolution_day_code_kind_key" ON "MismatchResolution"("day", "code", "kind");

ALTER TABLE "MismatchResolution" ADD CONSTRAINT "MismatchResolution_resolvedById_fkey" FOREIGN KEY ("resolvedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A record of what was done about the money: never changed or removed, by anyone.
CREATE TRIGGER "MismatchResolution_append_only"
  BEFORE UPDATE OR DELETE ON "MismatchResolution"
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER "MismatchResolution_no_truncate" BEFORE TRUNCATE ON "MismatchResolution" FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
DO $$
BEGIN
  IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'bureau_runtime') THEN
    REVOKE UPDATE, DELETE, TRUNCATE ON "MismatchResolution" FROM bureau_runtime;
  END IF;
END;
$$;
