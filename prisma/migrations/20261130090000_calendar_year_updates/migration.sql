-- A year of the calendar can be replaced by a corrected notice; keep who did it and when.
ALTER TABLE "HolidayCalendarYear" ADD COLUMN "updatedById" TEXT,
ADD COLUMN "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;
