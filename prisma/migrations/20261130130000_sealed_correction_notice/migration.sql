-- The one-time correction notice (一次性告知书) goes out under the seal like the other documents.
ALTER TABLE "CorrectionNotice" ADD COLUMN "documentId" TEXT;
CREATE UNIQUE INDEX "CorrectionNotice_documentId_key" ON "CorrectionNotice"("documentId");
ALTER TABLE "CorrectionNotice" ADD CONSTRAINT "CorrectionNotice_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "SealedDocument"("id") ON DELETE SET NULL ON UPDATE CASCADE;
