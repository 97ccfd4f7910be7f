-- Issuance under the bureau's one seal: certificates, the seal's signing identity, the stamp log.

ALTER TYPE "ApplicationState" ADD VALUE 'ISSUED';

CREATE TYPE "CertificateStatus" AS ENUM ('VALID', 'SUSPENDED', 'REVOKED', 'CANCELLED', 'EXPIRED', 'WITHDRAWN');
CREATE TYPE "DeliveryMethod" AS ENUM ('ELECTRONIC', 'PICKUP', 'POST');

ALTER TABLE "Item" ADD COLUMN "certificatePrefix" TEXT NOT NULL DEFAULT '广安审批许';

-- A new column with a default fires no row trigger: published versions stay as they were.
ALTER TABLE "ItemVersion" ADD COLUMN "certificateValidityYears" INTEGER NOT NULL DEFAULT 5;

ALTER TABLE "Seal" ADD COLUMN "keyId" TEXT,
ADD COLUMN "certificatePem" TEXT,
ADD COLUMN "rsaFingerprint" TEXT,
ADD COLUMN "sm2PublicKey" TEXT,
ADD COLUMN "sm2Fingerprint" TEXT,
ADD COLUMN "validFrom" TIMESTAMP(3),
ADD COLUMN "validTo" TIMESTAMP(3),
ADD COLUMN "demo" BOOLEAN NOT NULL DEFAULT false;
CREATE UNIQUE INDEX "Seal_keyId_key" ON "Seal"("keyId");

ALTER TABLE "StampRecord" ADD COLUMN "documentKind" TEXT NOT NULL DEFAULT 'CERTIFICATE',
ADD COLUMN "certificateId" TEXT,
ADD COLUMN "applicationId" TEXT,
ADD COLUMN "delegationId" TEXT,
ADD COLUMN "pdfSha256" TEXT,
ADD COLUMN "recordSm3" TEXT,
ADD COLUMN "rsaKeyId" TEXT,
ADD COLUMN "sm2KeyId" TEXT;
CREATE UNIQUE INDEX "StampRecord_certificateId_key" ON "StampRecord"("certificateId");
CREATE INDEX "StampRecord_stampedAt_id_idx" ON "StampRecord"("stampedAt", "id");

CREATE TABLE "Certificate" (
    "id" TEXT NOT NULL,
    "identifier" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "itemVersionId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "typeCode" TEXT NOT NULL,
    "holderName" TEXT NOT NULL,
    "holderIdType" TEXT NOT NULL,
    "holderId" TEXT NOT NULL,
    "issuerName" TEXT NOT NULL,
    "issuerCode" TEXT NOT NULL,
    "issuedOn" DATE NOT NULL,
    "validFrom" DATE NOT NULL,
    "validTo" DATE,
    "status" "CertificateStatus" NOT NULL DEFAULT 'VALID',
    "content" JSONB NOT NULL,
    "decisionRef" TEXT NOT NULL,
    "replacesId" TEXT,
    "sealId" TEXT NOT NULL,
    "pdfSha256" TEXT NOT NULL,
    "canonicalRecord" TEXT NOT NULL,
    "recordSm3" TEXT NOT NULL,
    "sm2Signature" TEXT NOT NULL,
    "deliveryMethod" "DeliveryMethod" NOT NULL DEFAULT 'ELECTRONIC',
    "deliveryNote" TEXT NOT NULL DEFAULT '',
    "deliveredAt" TIMESTAMP(3),
    "statusChangedAt" TIMESTAMP(3),
    "statusReason" TEXT,
    "statusBasis" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Certificate_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "CertificateCounter" (
    "prefix" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "last" INTEGER NOT NULL,

    CONSTRAINT "CertificateCounter_pkey" PRIMARY KEY ("prefix","year")
);

CREATE UNIQUE INDEX "Certificate_identifier_key" ON "Certificate"("identifier");
CREATE UNIQUE INDEX "Certificate_number_key" ON "Certificate"("number");
CREATE UNIQUE INDEX "Certificate_applicationId_key" ON "Certificate"("applicationId");
CREATE UNIQUE INDEX "Certificate_replacesId_key" ON "Certificate"("replacesId");
CREATE UNIQUE INDEX "Certificate_pdfSha256_key" ON "Certificate"("pdfSha256");
CREATE INDEX "Certificate_status_idx" ON "Certificate"("status");

ALTER TABLE "StampRecord" ADD CONSTRAINT "StampRecord_certificateId_fkey" FOREIGN KEY ("certificateId") REFERENCES "Certificate"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Certificate" ADD CONSTRAINT "Certificate_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Certificate" ADD CONSTRAINT "Certificate_replacesId_fkey" FOREIGN KEY ("replacesId") REFERENCES "Certificate"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Certificate" ADD CONSTRAINT "Certificate_sealId_fkey" FOREIGN KEY ("sealId") REFERENCES "Seal"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- 一枚印章: only the active seal stamps. An archived seal (or one outside its validity) is refused
-- here too, whatever the application code does.
CREATE FUNCTION stamp_only_with_active_seal() RETURNS trigger AS $$
DECLARE s RECORD;
BEGIN
  SELECT status, "validFrom", "validTo" INTO s FROM "Seal" WHERE id = NEW."sealId";
  IF s.status IS DISTINCT FROM 'ACTIVE' THEN
    RAISE EXCEPTION 'seal % is not the active seal and cannot stamp', NEW."sealId" USING ERRCODE = 'check_violation';
  END IF;
  IF (s."validFrom" IS NOT NULL AND NEW."stampedAt" < s."validFrom") OR (s."validTo" IS NOT NULL AND NEW."stampedAt" >= s."validTo") THEN
    RAISE EXCEPTION 'seal % is outside its validity', NEW."sealId" USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER "StampRecord_active_seal_only" BEFORE INSERT ON "StampRecord" FOR EACH ROW EXECUTE FUNCTION stamp_only_with_active_seal();

-- An archived seal stays archived: it can never become active again.
CREATE FUNCTION seal_archive_is_final() RETURNS trigger AS $$
BEGIN
  IF OLD.status = 'ARCHIVED' AND NEW.status <> 'ARCHIVED' THEN
    RAISE EXCEPTION 'seal % is archived (封存) and cannot be reactivated', OLD.id USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER "Seal_archive_is_final" BEFORE UPDATE ON "Seal" FOR EACH ROW EXECUTE FUNCTION seal_archive_is_final();
