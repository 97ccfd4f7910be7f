-- 就近办: township centres, the items each may accept, their clerks, and the filings accepted there.
-- AlterTable
ALTER TABLE "Application" ADD COLUMN     "centreId" TEXT;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "centreId" TEXT;

-- CreateTable
CREATE TABLE "ServiceCentre" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "address" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ServiceCentre_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CentreItem" (
    "centreId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,

    CONSTRAINT "CentreItem_pkey" PRIMARY KEY ("centreId","itemId")
);

-- CreateIndex
CREATE UNIQUE INDEX "ServiceCentre_code_key" ON "ServiceCentre"("code");

-- CreateIndex
CREATE UNIQUE INDEX "ServiceCentre_name_key" ON "ServiceCentre"("name");

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "ServiceCentre"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CentreItem" ADD CONSTRAINT "CentreItem_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "ServiceCentre"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- CreateIndex
CREATE INDEX "Application_centre_idx" ON "Application"("centreId") WHERE ("centreId" IS NOT NULL);
