-- A resubmission after a one-time correction notice no longer overwrites the first submission's time.
ALTER TABLE "Application" ADD COLUMN "resubmittedAt" TIMESTAMP(3);
