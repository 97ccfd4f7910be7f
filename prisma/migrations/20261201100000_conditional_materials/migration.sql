-- Materials with a condition (e.g. 授权委托书 "委托他人办理"): asked only when the filer says the
-- condition holds; otherwise not applicable — never a mandatory slot, never on a checklist as missing.
ALTER TABLE "Material" ADD COLUMN "condition" TEXT NOT NULL DEFAULT '';
ALTER TABLE "ApplicationMaterial" ADD COLUMN "applicable" BOOLEAN NOT NULL DEFAULT true;

-- The demo catalogue's agent authorisation always said so in its note; the new column says it in a
-- form the workflow reads. (A one-time backfill of a column that did not exist: the append-only rule
-- is suspended for this statement only.)
ALTER TABLE "Material" DISABLE TRIGGER "Material_append_only";
UPDATE "Material" SET "condition" = '委托他人办理' WHERE note = '委托他人办理时提供';
ALTER TABLE "Material" ENABLE TRIGGER "Material_append_only";
