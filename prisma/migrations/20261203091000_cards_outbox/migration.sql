-- Cards (预警) with supervision notices (督办), the notification outbox, and each person's e-mail and
-- preferred channels (docs/decisions/016). Tables are granted to bureau_runtime by the default privileges.
-- CreateEnum
CREATE TYPE "CardKind" AS ENUM ('PROMISED', 'STATUTORY', 'ISSUANCE', 'OWED_MATERIALS', 'UNANSWERED_FILING');

-- CreateEnum
CREATE TYPE "CardColour" AS ENUM ('YELLOW', 'RED');

-- CreateEnum
CREATE TYPE "NotificationChannel" AS ENUM ('SMS', 'EMAIL');

-- CreateEnum
CREATE TYPE "NotificationStatus" AS ENUM ('PENDING', 'SENT', 'FAILED');

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "email" TEXT,
ADD COLUMN     "notifyChannels" "NotificationChannel"[] DEFAULT ARRAY['SMS']::"NotificationChannel"[];

-- CreateTable
CREATE TABLE "Card" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "kind" "CardKind" NOT NULL,
    "colour" "CardColour" NOT NULL,
    "dueOn" DATE NOT NULL,
    "responsibleId" TEXT,
    "sectionId" TEXT,
    "raisedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMP(3),

    CONSTRAINT "Card_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SupervisionNotice" (
    "id" TEXT NOT NULL,
    "cardId" TEXT NOT NULL,
    "issuedById" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "issuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "answeredById" TEXT,
    "answer" TEXT,
    "answeredAt" TIMESTAMP(3),

    CONSTRAINT "SupervisionNotice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "userId" TEXT,
    "channel" "NotificationChannel" NOT NULL,
    "address" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "subject" TEXT NOT NULL DEFAULT '',
    "text" TEXT NOT NULL,
    "status" "NotificationStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Card_raisedAt_idx" ON "Card"("raisedAt");

-- CreateIndex
CREATE INDEX "Card_open_idx" ON "Card"("raisedAt", "id") WHERE ("closedAt" IS NULL);

-- CreateIndex
CREATE UNIQUE INDEX "Card_applicationId_kind_colour_key" ON "Card"("applicationId", "kind", "colour");

-- CreateIndex
CREATE INDEX "SupervisionNotice_cardId_idx" ON "SupervisionNotice"("cardId");

-- CreateIndex
CREATE INDEX "SupervisionNotice_open_idx" ON "SupervisionNotice"("issuedAt", "id") WHERE ("answeredAt" IS NULL);

-- CreateIndex
CREATE INDEX "Notification_status_createdAt_idx" ON "Notification"("status", "createdAt");

-- CreateIndex
CREATE INDEX "Notification_userId_createdAt_idx" ON "Notification"("userId", "createdAt");

-- AddForeignKey
ALTER TABLE "Card" ADD CONSTRAINT "Card_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Card" ADD CONSTRAINT "Card_responsibleId_fkey" FOREIGN KEY ("responsibleId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionNotice" ADD CONSTRAINT "SupervisionNotice_cardId_fkey" FOREIGN KEY ("cardId") REFERENCES "Card"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;



