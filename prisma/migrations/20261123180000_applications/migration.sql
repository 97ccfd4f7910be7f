-- CreateEnum
CREATE TYPE "ApplicationState" AS ENUM ('DRAFT', 'SUBMITTED', 'CORRECTION_REQUESTED', 'ACCEPTED', 'ACCEPTED_WITH_DEFICIENCIES', 'REJECTED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "FilingChannel" AS ENUM ('ONLINE', 'WINDOW');

-- CreateEnum
CREATE TYPE "MaterialVerdict" AS ENUM ('OK', 'MISSING', 'DEFICIENT', 'OWED');

-- CreateTable
CREATE TABLE "Application" (
    "id" TEXT NOT NULL,
    "number" TEXT,
    "submissionKey" TEXT NOT NULL,
    "applicantId" TEXT NOT NULL,
    "filedById" TEXT NOT NULL,
    "channel" "FilingChannel" NOT NULL,
    "itemId" TEXT NOT NULL,
    "itemVersionId" TEXT NOT NULL,
    "state" "ApplicationState" NOT NULL DEFAULT 'DRAFT',
    "subject" TEXT NOT NULL,
    "contactName" TEXT NOT NULL,
    "contactPhone" TEXT NOT NULL,
    "address" TEXT NOT NULL DEFAULT '',
    "submittedAt" TIMESTAMP(3),
    "acceptedAt" TIMESTAMP(3),
    "acceptedById" TEXT,
    "promisedDue" DATE,
    "statutoryDue" DATE,
    "owedBy" DATE,
    "rejectionReason" TEXT,
    "rejectionBasis" TEXT,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Application_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApplicationMaterial" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "materialId" TEXT NOT NULL,
    "storedFileId" TEXT,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "verdict" "MaterialVerdict",
    "problem" TEXT NOT NULL DEFAULT '',
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ApplicationMaterial_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StoredFile" (
    "id" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "uploadedById" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "mimeType" TEXT NOT NULL,
    "originalName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StoredFile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CorrectionNotice" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "issuedById" TEXT NOT NULL,
    "issuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "entries" JSONB NOT NULL,
    "seenRevisions" JSONB NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "CorrectionNotice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApplicationCounter" (
    "day" TEXT NOT NULL,
    "last" INTEGER NOT NULL,

    CONSTRAINT "ApplicationCounter_pkey" PRIMARY KEY ("day")
);

-- CreateTable
CREATE TABLE "Message" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "applicationId" TEXT,
    "kind" TEXT NOT NULL,
    "params" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMP(3),

    CONSTRAINT "Message_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HolidayCalendarYear" (
    "year" INTEGER NOT NULL,
    "off" TEXT[],
    "work" TEXT[],
    "source" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HolidayCalendarYear_pkey" PRIMARY KEY ("year")
);

-- CreateIndex
CREATE UNIQUE INDEX "Application_number_key" ON "Application"("number");

-- CreateIndex
CREATE UNIQUE INDEX "Application_submissionKey_key" ON "Application"("submissionKey");

-- CreateIndex
CREATE INDEX "Application_applicantId_createdAt_idx" ON "Application"("applicantId", "createdAt");

-- CreateIndex
CREATE INDEX "Application_state_submittedAt_idx" ON "Application"("state", "submittedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ApplicationMaterial_applicationId_materialId_key" ON "ApplicationMaterial"("applicationId", "materialId");

-- CreateIndex
CREATE UNIQUE INDEX "StoredFile_ownerId_sha256_key" ON "StoredFile"("ownerId", "sha256");

-- CreateIndex
CREATE INDEX "CorrectionNotice_applicationId_issuedAt_idx" ON "CorrectionNotice"("applicationId", "issuedAt");

-- CreateIndex
CREATE INDEX "Message_userId_createdAt_idx" ON "Message"("userId", "createdAt");

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_applicantId_fkey" FOREIGN KEY ("applicantId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_filedById_fkey" FOREIGN KEY ("filedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "Item"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_itemVersionId_fkey" FOREIGN KEY ("itemVersionId") REFERENCES "ItemVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicationMaterial" ADD CONSTRAINT "ApplicationMaterial_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicationMaterial" ADD CONSTRAINT "ApplicationMaterial_materialId_fkey" FOREIGN KEY ("materialId") REFERENCES "Material"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicationMaterial" ADD CONSTRAINT "ApplicationMaterial_storedFileId_fkey" FOREIGN KEY ("storedFileId") REFERENCES "StoredFile"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StoredFile" ADD CONSTRAINT "StoredFile_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CorrectionNotice" ADD CONSTRAINT "CorrectionNotice_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Message" ADD CONSTRAINT "Message_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Message" ADD CONSTRAINT "Message_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE SET NULL ON UPDATE CASCADE;



-- Hand-written rules (docs/decisions/007): the database refuses what must never happen.
-- A rejection (不予受理) always carries its reason and legal basis.
ALTER TABLE "Application" ADD CONSTRAINT "Application_rejection_reasoned"
  CHECK (state <> 'REJECTED' OR (coalesce("rejectionReason", '') <> '' AND coalesce("rejectionBasis", '') <> ''));
-- Every application that was submitted carries its number (a withdrawn draft may have none).
ALTER TABLE "Application" ADD CONSTRAINT "Application_number_when_submitted"
  CHECK (state IN ('DRAFT', 'WITHDRAWN') OR number IS NOT NULL);
-- A correction notice, once issued, is a document: it is never edited or deleted.
CREATE TRIGGER "CorrectionNotice_append_only"
  BEFORE UPDATE OR DELETE ON "CorrectionNotice"
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
