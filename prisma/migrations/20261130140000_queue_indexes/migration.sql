-- Lists right and fast at a million applications: a stored "clock suspended" flag, and partial
-- indexes that serve each queue's keyset page in due-date order.
ALTER TABLE "Application" ADD COLUMN "clockSuspended" BOOLEAN NOT NULL DEFAULT false;
UPDATE "Application" a SET "clockSuspended" = true
WHERE EXISTS (SELECT 1 FROM "ClockEntry" e WHERE e."applicationId" = a.id AND e.kind = 'SUSPENSION' AND e."endedOn" IS NULL);

DROP INDEX "Application_applicantId_createdAt_idx";
CREATE INDEX "Application_applicantId_createdAt_id_idx" ON "Application"("applicantId", "createdAt", "id");
CREATE INDEX "Application_open_due_idx" ON "Application"("promisedDue", "id") WHERE state IN ('ACCEPTED', 'ACCEPTED_WITH_DEFICIENCIES', 'REVIEWED', 'ESCALATED', 'FORWARDED');
CREATE INDEX "Application_intake_idx" ON "Application"("submittedAt", "id") WHERE state = 'SUBMITTED';
CREATE INDEX "Application_awaiting_seal_idx" ON "Application"("decidedAt", "id") WHERE state = 'AWAITING_SEAL';
