-- 好差评: ratings of services (one per online filing, one per window visit) and the follow-up of a
-- bad rating; the window a clerk serves at (docs/decisions/018).
-- CreateEnum
CREATE TYPE "RatingLevel" AS ENUM ('VERY_SATISFIED', 'SATISFIED', 'BASIC', 'UNSATISFIED', 'VERY_UNSATISFIED');

-- CreateEnum
CREATE TYPE "RatedService" AS ENUM ('ONLINE', 'WINDOW');

-- CreateEnum
CREATE TYPE "RatingChannel" AS ENUM ('WEB', 'PHONE', 'WINDOW_DEVICE', 'SMS');

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "serviceWindow" TEXT;

-- CreateTable
CREATE TABLE "Rating" (
    "id" TEXT NOT NULL,
    "serviceKey" TEXT NOT NULL,
    "service" "RatedService" NOT NULL,
    "applicationId" TEXT NOT NULL,
    "itemVersionId" TEXT NOT NULL,
    "channel" "RatingChannel" NOT NULL,
    "staffId" TEXT,
    "window" TEXT NOT NULL DEFAULT '',
    "raterId" TEXT,
    "level" "RatingLevel" NOT NULL,
    "aspects" JSONB NOT NULL DEFAULT '{}',
    "comment" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "excludedAt" TIMESTAMP(3),
    "appealReason" TEXT,
    "appealedById" TEXT,
    "appealedAt" TIMESTAMP(3),
    "appealDecidedById" TEXT,
    "appealUpheld" BOOLEAN,
    "appealDecidedAt" TIMESTAMP(3),

    CONSTRAINT "Rating_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RatingFollowUp" (
    "id" TEXT NOT NULL,
    "ratingId" TEXT NOT NULL,
    "sectionId" TEXT,
    "dueOn" DATE NOT NULL,
    "verifiedAt" TIMESTAMP(3),
    "answer" TEXT,
    "answeredById" TEXT,
    "answeredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RatingFollowUp_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Rating_serviceKey_key" ON "Rating"("serviceKey");

-- CreateIndex
CREATE INDEX "Rating_createdAt_idx" ON "Rating"("createdAt");

-- CreateIndex
CREATE INDEX "Rating_staffId_createdAt_idx" ON "Rating"("staffId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "RatingFollowUp_ratingId_key" ON "RatingFollowUp"("ratingId");

-- CreateIndex
CREATE INDEX "RatingFollowUp_open_idx" ON "RatingFollowUp"("dueOn") WHERE ("answeredAt" IS NULL);

-- AddForeignKey
ALTER TABLE "Rating" ADD CONSTRAINT "Rating_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RatingFollowUp" ADD CONSTRAINT "RatingFollowUp_ratingId_fkey" FOREIGN KEY ("ratingId") REFERENCES "Rating"("id") ON DELETE RESTRICT ON UPDATE CASCADE;



