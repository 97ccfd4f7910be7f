-- Supervision figures (docs/decisions/017): the working-day calendar as a table, each closed day's
-- figures summed once (DailyFigure, with the days it holds in FigureDay), indexes for summing a
-- day's events, and triggers that send a summed day back to be summed again when a case or a
-- certificate changes an event on it. Tables are granted to bureau_runtime by the default privileges.
-- CreateEnum
CREATE TYPE "FigureDimension" AS ENUM ('TOTAL', 'ITEM', 'STAFF');

-- CreateTable
CREATE TABLE "DailyFigure" (
    "dimension" "FigureDimension" NOT NULL,
    "day" DATE NOT NULL,
    "key" TEXT NOT NULL,
    "received" INTEGER NOT NULL,
    "accepted" INTEGER NOT NULL,
    "decided" INTEGER NOT NULL,
    "onTimePromised" INTEGER NOT NULL,
    "onTimeStatutory" INTEGER NOT NULL,
    "daysCounted" INTEGER NOT NULL,
    "daysUsed" INTEGER NOT NULL,
    "promisedDays" INTEGER NOT NULL,
    "statutoryDays" INTEGER NOT NULL,
    "instantReceived" INTEGER NOT NULL,
    "instantSameDay" INTEGER NOT NULL,
    "issued" INTEGER NOT NULL,

    CONSTRAINT "DailyFigure_pkey" PRIMARY KEY ("dimension","day","key")
);

-- CreateTable
CREATE TABLE "FigureDay" (
    "day" DATE NOT NULL,
    "summedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FigureDay_pkey" PRIMARY KEY ("day")
);

-- CreateTable
CREATE TABLE "WorkingDay" (
    "day" DATE NOT NULL,
    "working" BOOLEAN NOT NULL,
    "ordinal" INTEGER NOT NULL,

    CONSTRAINT "WorkingDay_pkey" PRIMARY KEY ("day")
);

-- CreateTable
CREATE TABLE "WorkingDaySync" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "calendarKey" TEXT NOT NULL,
    "syncedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WorkingDaySync_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Application_submittedAt_idx" ON "Application"("submittedAt");

-- CreateIndex
CREATE INDEX "Application_acceptedAt_idx" ON "Application"("acceptedAt");

-- CreateIndex
CREATE INDEX "Application_decidedAt_idx" ON "Application"("decidedAt");

-- CreateIndex
CREATE INDEX "Certificate_issuedOn_idx" ON "Certificate"("issuedOn");

-- Overdue now: the open cases whose clock runs, read from the index alone.
CREATE INDEX "Application_clock_due_idx" ON "Application"("promisedDue", "statutoryDue", "itemId") WHERE state IN ('ACCEPTED', 'ACCEPTED_WITH_DEFICIENCIES', 'REVIEWED', 'ESCALATED') AND NOT "clockSuspended";


-- A summed day goes back to be summed again when an event on it changes: a filing, acceptance or
-- decision of a case (its day in Beijing time, before and after the change), or a certificate's
-- issue date. Live work happens today, which is never summed yet, so for it this deletes nothing.
CREATE FUNCTION figure_day_of(at timestamp) RETURNS date LANGUAGE sql STABLE AS $$
  SELECT ((at AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Shanghai')::date
$$;

CREATE FUNCTION application_figure_days_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    DELETE FROM "FigureDay" WHERE day IN (figure_day_of(OLD."submittedAt"), figure_day_of(OLD."acceptedAt"), figure_day_of(OLD."decidedAt"));
  END IF;
  IF TG_OP <> 'DELETE' THEN
    DELETE FROM "FigureDay" WHERE day IN (figure_day_of(NEW."submittedAt"), figure_day_of(NEW."acceptedAt"), figure_day_of(NEW."decidedAt"));
  END IF;
  RETURN NULL;
END;
$$;

CREATE FUNCTION certificate_figure_days_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    DELETE FROM "FigureDay" WHERE day = OLD."issuedOn";
  END IF;
  IF TG_OP <> 'DELETE' THEN
    DELETE FROM "FigureDay" WHERE day = NEW."issuedOn";
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Application_figure_days_written" AFTER INSERT OR DELETE ON "Application"
  FOR EACH ROW EXECUTE FUNCTION application_figure_days_changed();
CREATE TRIGGER "Application_figure_days_changed" AFTER UPDATE ON "Application"
  FOR EACH ROW WHEN (OLD."submittedAt" IS DISTINCT FROM NEW."submittedAt" OR OLD."acceptedAt" IS DISTINCT FROM NEW."acceptedAt"
    OR OLD."acceptedById" IS DISTINCT FROM NEW."acceptedById" OR OLD."decidedAt" IS DISTINCT FROM NEW."decidedAt"
    OR OLD."decidedById" IS DISTINCT FROM NEW."decidedById" OR OLD.state IS DISTINCT FROM NEW.state
    OR OLD."itemId" IS DISTINCT FROM NEW."itemId" OR OLD."itemVersionId" IS DISTINCT FROM NEW."itemVersionId"
    OR OLD."promisedDue" IS DISTINCT FROM NEW."promisedDue" OR OLD."statutoryDue" IS DISTINCT FROM NEW."statutoryDue")
  EXECUTE FUNCTION application_figure_days_changed();

CREATE TRIGGER "Certificate_figure_days_written" AFTER INSERT OR DELETE ON "Certificate"
  FOR EACH ROW EXECUTE FUNCTION certificate_figure_days_changed();
CREATE TRIGGER "Certificate_figure_days_changed" AFTER UPDATE ON "Certificate"
  FOR EACH ROW WHEN (OLD."issuedOn" IS DISTINCT FROM NEW."issuedOn" OR OLD."originalOf" IS DISTINCT FROM NEW."originalOf" OR OLD."itemId" IS DISTINCT FROM NEW."itemId")
  EXECUTE FUNCTION certificate_figure_days_changed();
