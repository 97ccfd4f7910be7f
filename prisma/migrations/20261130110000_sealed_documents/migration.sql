-- Official documents under the seal: number (文号), verification identifier, SM2-signed record.
CREATE TABLE "SealedDocument" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "identifier" TEXT NOT NULL,
    "canonicalRecord" TEXT NOT NULL,
    "recordSm3" TEXT NOT NULL,
    "sm2Signature" TEXT NOT NULL,
    "sealId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SealedDocument_pkey" PRIMARY KEY ("id")
);

ALTER TABLE "StampRecord" ADD COLUMN "documentId" TEXT;

-- A suspension for art. 45 says how long it is expected to take.
ALTER TABLE "ClockEntry" ADD COLUMN "expectedDays" INTEGER;

CREATE UNIQUE INDEX "SealedDocument_key_key" ON "SealedDocument"("key");
CREATE UNIQUE INDEX "SealedDocument_number_key" ON "SealedDocument"("number");
CREATE UNIQUE INDEX "SealedDocument_identifier_key" ON "SealedDocument"("identifier");
CREATE INDEX "SealedDocument_applicationId_idx" ON "SealedDocument"("applicationId");
CREATE UNIQUE INDEX "StampRecord_documentId_key" ON "StampRecord"("documentId");

ALTER TABLE "SealedDocument" ADD CONSTRAINT "SealedDocument_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "SealedDocument" ADD CONSTRAINT "SealedDocument_sealId_fkey" FOREIGN KEY ("sealId") REFERENCES "Seal"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "StampRecord" ADD CONSTRAINT "StampRecord_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "SealedDocument"("id") ON DELETE SET NULL ON UPDATE CASCADE;
