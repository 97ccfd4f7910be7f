-- Accounts: one-time codes (password reset, claiming an account created at the window or by an
-- enterprise), sessions voided by a reset or a disabling, and enterprise staff sub-accounts.
ALTER TABLE "User" ADD COLUMN "sessionsValidFrom" TIMESTAMP(3);
ALTER TABLE "User" ADD COLUMN "enterpriseId" TEXT;
ALTER TABLE "User" ADD CONSTRAINT "User_enterpriseId_fkey" FOREIGN KEY ("enterpriseId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
CREATE INDEX "User_enterpriseId_idx" ON "User"("enterpriseId");

CREATE TABLE "AccountCode" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AccountCode_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "AccountCode_userId_createdAt_idx" ON "AccountCode"("userId", "createdAt");
ALTER TABLE "AccountCode" ADD CONSTRAINT "AccountCode_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
