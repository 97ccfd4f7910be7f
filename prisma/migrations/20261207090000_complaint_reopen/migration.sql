-- 不满意重办: an unsatisfied complainant sends the answered complaint back to its section once.
ALTER TABLE "Complaint" ADD COLUMN     "timesReopened" INTEGER NOT NULL DEFAULT 0;
