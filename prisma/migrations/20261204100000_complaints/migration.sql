-- 投诉: complaints with their closed loop (received → assigned → handled → answered → closed), each
-- step recorded, files stored like materials, numbered per bureau date.
-- CreateEnum
CREATE TYPE "ComplaintCategory" AS ENUM ('ATTITUDE', 'EFFICIENCY', 'CONDUCT', 'FEES', 'MATERIALS', 'ONLINE_SYSTEM', 'OTHER');

-- CreateEnum
CREATE TYPE "ComplaintStage" AS ENUM ('RECEIVED', 'ASSIGNED', 'HANDLED', 'ANSWERED', 'CLOSED');

-- CreateEnum
CREATE TYPE "ComplaintSatisfaction" AS ENUM ('SATISFIED', 'BASIC', 'UNSATISFIED');

-- CreateTable
CREATE TABLE "Complaint" (
    "id" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "category" "ComplaintCategory" NOT NULL,
    "text" TEXT NOT NULL,
    "applicationNumber" TEXT NOT NULL DEFAULT '',
    "applicationId" TEXT,
    "complainantId" TEXT,
    "name" TEXT NOT NULL DEFAULT '',
    "phone" TEXT NOT NULL,
    "stage" "ComplaintStage" NOT NULL DEFAULT 'RECEIVED',
    "stageDueOn" DATE,
    "sectionId" TEXT,
    "handling" TEXT,
    "answer" TEXT,
    "satisfaction" "ComplaintSatisfaction",
    "satisfactionComment" TEXT NOT NULL DEFAULT '',
    "pressedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Complaint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ComplaintEvent" (
    "id" TEXT NOT NULL,
    "complaintId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "text" TEXT NOT NULL DEFAULT '',
    "actorId" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ComplaintEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ComplaintAttachment" (
    "id" TEXT NOT NULL,
    "complaintId" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "mimeType" TEXT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "ComplaintAttachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ComplaintCounter" (
    "day" DATE NOT NULL,
    "last" INTEGER NOT NULL,

    CONSTRAINT "ComplaintCounter_pkey" PRIMARY KEY ("day")
);

-- CreateIndex
CREATE UNIQUE INDEX "Complaint_number_key" ON "Complaint"("number");

-- CreateIndex
CREATE INDEX "Complaint_stage_stageDueOn_idx" ON "Complaint"("stage", "stageDueOn");

-- CreateIndex
CREATE INDEX "Complaint_createdAt_idx" ON "Complaint"("createdAt");

-- CreateIndex
CREATE INDEX "ComplaintEvent_complaintId_at_idx" ON "ComplaintEvent"("complaintId", "at");

-- CreateIndex
CREATE INDEX "ComplaintAttachment_complaintId_idx" ON "ComplaintAttachment"("complaintId");

-- AddForeignKey
ALTER TABLE "Complaint" ADD CONSTRAINT "Complaint_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComplaintEvent" ADD CONSTRAINT "ComplaintEvent_complaintId_fkey" FOREIGN KEY ("complaintId") REFERENCES "Complaint"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComplaintAttachment" ADD CONSTRAINT "ComplaintAttachment_complaintId_fkey" FOREIGN KEY ("complaintId") REFERENCES "Complaint"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

