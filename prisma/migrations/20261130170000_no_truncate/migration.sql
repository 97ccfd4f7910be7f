-- Append-only tables cannot be emptied wholesale either: TRUNCATE fires no row triggers, so it is
-- refused by a statement trigger of its own (the audit trail, the stamp log, correction notices,
-- item versions and their materials, delegations).
CREATE TRIGGER "AuditEvent_no_truncate" BEFORE TRUNCATE ON "AuditEvent" FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
CREATE TRIGGER "StampRecord_no_truncate" BEFORE TRUNCATE ON "StampRecord" FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
CREATE TRIGGER "CorrectionNotice_no_truncate" BEFORE TRUNCATE ON "CorrectionNotice" FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
CREATE TRIGGER "ItemVersion_no_truncate" BEFORE TRUNCATE ON "ItemVersion" FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
CREATE TRIGGER "Material_no_truncate" BEFORE TRUNCATE ON "Material" FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
CREATE TRIGGER "Delegation_no_truncate" BEFORE TRUNCATE ON "Delegation" FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
