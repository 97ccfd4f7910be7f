-- A section's queue and its counts read the open cases of the item versions the section covers.
CREATE INDEX "Application_open_version_due_idx" ON "Application"("itemVersionId", "promisedDue", "id") WHERE state IN ('ACCEPTED', 'ACCEPTED_WITH_DEFICIENCIES', 'REVIEWED', 'ESCALATED', 'FORWARDED');
