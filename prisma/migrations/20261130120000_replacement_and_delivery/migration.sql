-- Replacement certificates (补办/变更) share the application and the number of the one they replace;
-- one certificate is first issued per application (originalOf), each replacement one version more.
DROP INDEX "Certificate_applicationId_key";
DROP INDEX "Certificate_number_key";
ALTER TABLE "Certificate" ADD COLUMN "originalOf" TEXT,
  ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1,
  ADD COLUMN "replacementKind" TEXT,
  ADD COLUMN "replacementReason" TEXT,
  ADD COLUMN "deliveryAddress" TEXT NOT NULL DEFAULT '',
  ADD COLUMN "trackingNumber" TEXT,
  ADD COLUMN "mailedAt" TIMESTAMP(3),
  ADD COLUMN "collectorName" TEXT,
  ADD COLUMN "collectorIdNumber" TEXT;
UPDATE "Certificate" SET "originalOf" = "applicationId" WHERE "replacesId" IS NULL;
CREATE UNIQUE INDEX "Certificate_originalOf_key" ON "Certificate"("originalOf");
CREATE INDEX "Certificate_applicationId_idx" ON "Certificate"("applicationId");
CREATE INDEX "Certificate_number_idx" ON "Certificate"("number");
ALTER TABLE "Certificate" ADD CONSTRAINT "Certificate_replacement_kind" CHECK ("replacementKind" IS NULL OR "replacementKind" IN ('REISSUE', 'AMEND'));
ALTER TABLE "Certificate" ADD CONSTRAINT "Certificate_replacement_shape" CHECK (("replacesId" IS NULL) = ("replacementKind" IS NULL) AND ("replacesId" IS NULL) = ("originalOf" IS NOT NULL));

-- Delivery (送达) the applicant chose: at filing, changeable until the certificate is issued.
ALTER TABLE "Application" ADD COLUMN "deliveryMethod" "DeliveryMethod" NOT NULL DEFAULT 'ELECTRONIC',
  ADD COLUMN "deliveryAddress" TEXT NOT NULL DEFAULT '';

-- A sealed document's PDF, fixed when first made.
ALTER TABLE "SealedDocument" ADD COLUMN "pdfSha256" TEXT;
CREATE UNIQUE INDEX "SealedDocument_pdfSha256_key" ON "SealedDocument"("pdfSha256");
