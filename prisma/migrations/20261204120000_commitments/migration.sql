-- 告知承诺: a material an item version lets be replaced by a signed commitment, the commitment with
-- its post-check, and the credit record a false one leaves on the applicant.
-- CreateEnum
CREATE TYPE "PostCheckResult" AS ENUM ('HOLDS', 'FALSE');

-- AlterTable
ALTER TABLE "Material" ADD COLUMN     "commitmentText" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "Commitment" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "materialId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "signerName" TEXT NOT NULL,
    "signedById" TEXT NOT NULL,
    "signedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "checkedAt" TIMESTAMP(3),
    "checkedById" TEXT,
    "result" "PostCheckResult",
    "checkNote" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "Commitment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CreditRecord" (
    "id" TEXT NOT NULL,
    "applicantId" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CreditRecord_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Commitment_applicationId_materialId_key" ON "Commitment"("applicationId", "materialId");

-- CreateIndex
CREATE INDEX "CreditRecord_applicantId_idx" ON "CreditRecord"("applicantId");

-- AddForeignKey
ALTER TABLE "Commitment" ADD CONSTRAINT "Commitment_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

