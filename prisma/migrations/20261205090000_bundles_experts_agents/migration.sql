-- #17: 一件事 bundles (one form, linked applications, joint site survey, one delivery), the expert pool
-- with declared conflicts and reproducible draws, and 帮办代办 agents' powers of attorney.
-- CreateEnum
CREATE TYPE "AgentAuthorityStatus" AS ENUM ('REQUESTED', 'CONFIRMED', 'REVOKED');

-- AlterTable
ALTER TABLE "Application" ADD COLUMN     "agentAuthorityId" TEXT,
ADD COLUMN     "bundleFilingId" TEXT;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "bureauHelper" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "Bundle" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "sharedMaterials" TEXT[],
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Bundle_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BundleItem" (
    "bundleId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "required" BOOLEAN NOT NULL DEFAULT true,
    "siteSurvey" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "BundleItem_pkey" PRIMARY KEY ("bundleId","itemId")
);

-- CreateTable
CREATE TABLE "BundleFiling" (
    "id" TEXT NOT NULL,
    "number" TEXT,
    "submissionKey" TEXT NOT NULL,
    "bundleId" TEXT NOT NULL,
    "applicantId" TEXT NOT NULL,
    "filedById" TEXT NOT NULL,
    "deliveryMethod" "DeliveryMethod" NOT NULL DEFAULT 'ELECTRONIC',
    "deliveryAddress" TEXT NOT NULL DEFAULT '',
    "submittedAt" TIMESTAMP(3),
    "completedAt" TIMESTAMP(3),
    "deliveredAt" TIMESTAMP(3),
    "collectorName" TEXT,
    "collectorIdNumber" TEXT,
    "trackingNumber" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BundleFiling_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JointSurvey" (
    "id" TEXT NOT NULL,
    "bundleFilingId" TEXT NOT NULL,
    "scheduledOn" DATE NOT NULL,
    "place" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "applicationIds" TEXT[],
    "scheduledById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JointSurvey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Expert" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "employer" TEXT NOT NULL DEFAULT '',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Expert_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExpertConflict" (
    "id" TEXT NOT NULL,
    "expertId" TEXT NOT NULL,
    "applicantId" TEXT NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "declaredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExpertConflict_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExpertDraw" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "seed" TEXT NOT NULL,
    "eligibleIds" TEXT[],
    "excludedIds" TEXT[],
    "pickedIds" TEXT[],
    "drawnById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExpertDraw_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AgentAuthority" (
    "id" TEXT NOT NULL,
    "enterpriseId" TEXT NOT NULL,
    "agentId" TEXT NOT NULL,
    "status" "AgentAuthorityStatus" NOT NULL DEFAULT 'REQUESTED',
    "scope" TEXT NOT NULL DEFAULT '',
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "confirmedAt" TIMESTAMP(3),
    "confirmedById" TEXT,
    "evidenceFileId" TEXT,
    "revokedAt" TIMESTAMP(3),
    "revokedById" TEXT,

    CONSTRAINT "AgentAuthority_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Bundle_code_key" ON "Bundle"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Bundle_name_key" ON "Bundle"("name");

-- CreateIndex
CREATE UNIQUE INDEX "BundleItem_bundleId_position_key" ON "BundleItem"("bundleId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "BundleFiling_number_key" ON "BundleFiling"("number");

-- CreateIndex
CREATE UNIQUE INDEX "BundleFiling_submissionKey_key" ON "BundleFiling"("submissionKey");

-- CreateIndex
CREATE INDEX "BundleFiling_applicantId_createdAt_idx" ON "BundleFiling"("applicantId", "createdAt");

-- CreateIndex
CREATE INDEX "BundleFiling_bundleId_createdAt_idx" ON "BundleFiling"("bundleId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "JointSurvey_bundleFilingId_key" ON "JointSurvey"("bundleFilingId");

-- CreateIndex
CREATE INDEX "Expert_field_active_idx" ON "Expert"("field", "active");

-- CreateIndex
CREATE INDEX "ExpertConflict_applicantId_idx" ON "ExpertConflict"("applicantId");

-- CreateIndex
CREATE UNIQUE INDEX "ExpertConflict_expertId_applicantId_key" ON "ExpertConflict"("expertId", "applicantId");

-- CreateIndex
CREATE INDEX "ExpertDraw_applicationId_createdAt_idx" ON "ExpertDraw"("applicationId", "createdAt");

-- CreateIndex
CREATE INDEX "AgentAuthority_agentId_status_idx" ON "AgentAuthority"("agentId", "status");

-- CreateIndex
CREATE INDEX "AgentAuthority_enterpriseId_status_idx" ON "AgentAuthority"("enterpriseId", "status");

-- CreateIndex
CREATE INDEX "Application_bundleFilingId_idx" ON "Application"("bundleFilingId");

-- CreateIndex
CREATE INDEX "Application_agentAuthorityId_idx" ON "Application"("agentAuthorityId");

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_bundleFilingId_fkey" FOREIGN KEY ("bundleFilingId") REFERENCES "BundleFiling"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_agentAuthorityId_fkey" FOREIGN KEY ("agentAuthorityId") REFERENCES "AgentAuthority"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BundleItem" ADD CONSTRAINT "BundleItem_bundleId_fkey" FOREIGN KEY ("bundleId") REFERENCES "Bundle"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BundleFiling" ADD CONSTRAINT "BundleFiling_bundleId_fkey" FOREIGN KEY ("bundleId") REFERENCES "Bundle"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BundleFiling" ADD CONSTRAINT "BundleFiling_applicantId_fkey" FOREIGN KEY ("applicantId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JointSurvey" ADD CONSTRAINT "JointSurvey_bundleFilingId_fkey" FOREIGN KEY ("bundleFilingId") REFERENCES "BundleFiling"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExpertConflict" ADD CONSTRAINT "ExpertConflict_expertId_fkey" FOREIGN KEY ("expertId") REFERENCES "Expert"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExpertConflict" ADD CONSTRAINT "ExpertConflict_applicantId_fkey" FOREIGN KEY ("applicantId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExpertDraw" ADD CONSTRAINT "ExpertDraw_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgentAuthority" ADD CONSTRAINT "AgentAuthority_enterpriseId_fkey" FOREIGN KEY ("enterpriseId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgentAuthority" ADD CONSTRAINT "AgentAuthority_agentId_fkey" FOREIGN KEY ("agentId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;




-- 一件事编号: one number per bundle filing, from a sequence (a rolled-back filing leaves a gap).
CREATE SEQUENCE "bundle_filing_serial";

-- At most one open (requested or confirmed) authority per enterprise and agent.
CREATE UNIQUE INDEX "AgentAuthority_open_key" ON "AgentAuthority"("enterpriseId", "agentId") WHERE (status <> 'REVOKED'::"AgentAuthorityStatus");
