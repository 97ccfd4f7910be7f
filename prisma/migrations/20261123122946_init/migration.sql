-- CreateEnum
CREATE TYPE "ItemKind" AS ENUM ('INSTANT', 'PROMISED', 'REPORTED');

-- CreateEnum
CREATE TYPE "MaterialKind" AS ENUM ('CORE', 'SUPPLEMENTARY');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('APPLICANT', 'CLERK', 'REVIEWER', 'CHIEF', 'DIRECTOR', 'SUPERVISOR', 'ADMIN');

-- CreateEnum
CREATE TYPE "ApplicantType" AS ENUM ('PERSON', 'ENTERPRISE');

-- CreateEnum
CREATE TYPE "SealStatus" AS ENUM ('ACTIVE', 'ARCHIVED');

-- CreateTable
CREATE TABLE "Department" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Department_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Section" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "duty" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Section_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Item" (
    "id" TEXT NOT NULL,
    "implementationCode" TEXT NOT NULL,
    "basicCode" TEXT NOT NULL,
    "taskType" INTEGER NOT NULL,
    "departmentId" TEXT NOT NULL,
    "sectionId" TEXT,
    "currentVersionId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Item_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ItemVersion" (
    "id" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "mainItemName" TEXT NOT NULL DEFAULT '',
    "kind" "ItemKind" NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "eligibility" TEXT NOT NULL DEFAULT '',
    "legalBasis" TEXT NOT NULL,
    "processSteps" TEXT[],
    "statutoryDays" INTEGER NOT NULL,
    "promisedDays" INTEGER NOT NULL,
    "feeNote" TEXT NOT NULL,
    "visitsRequired" INTEGER NOT NULL,
    "onlineAvailable" BOOLEAN NOT NULL DEFAULT true,
    "demoValues" BOOLEAN NOT NULL DEFAULT false,
    "changeNote" TEXT NOT NULL DEFAULT '',
    "publishedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedById" TEXT,

    CONSTRAINT "ItemVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Material" (
    "id" TEXT NOT NULL,
    "itemVersionId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "MaterialKind" NOT NULL,
    "originalRequired" BOOLEAN NOT NULL DEFAULT false,
    "copies" INTEGER NOT NULL DEFAULT 1,
    "note" TEXT NOT NULL DEFAULT '',
    "templateUrl" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "Material_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "loginId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sectionId" TEXT,
    "applicantType" "ApplicantType",
    "residentId" TEXT,
    "creditCode" TEXT,
    "contactName" TEXT,
    "phone" TEXT,
    "failedLoginCount" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMP(3),
    "lastLoginAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Seal" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "holder" TEXT NOT NULL,
    "status" "SealStatus" NOT NULL,
    "activeMarker" BOOLEAN,
    "departmentId" TEXT,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Seal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StampRecord" (
    "id" TEXT NOT NULL,
    "sealId" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "certificateNo" TEXT NOT NULL,
    "stampedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StampRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "actorRole" "Role",
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "meta" JSONB,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Department_code_key" ON "Department"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Department_name_key" ON "Department"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Section_code_key" ON "Section"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Section_name_key" ON "Section"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Item_implementationCode_key" ON "Item"("implementationCode");

-- CreateIndex
CREATE UNIQUE INDEX "Item_currentVersionId_key" ON "Item"("currentVersionId");

-- CreateIndex
CREATE INDEX "Item_sectionId_idx" ON "Item"("sectionId");

-- CreateIndex
CREATE INDEX "Item_departmentId_idx" ON "Item"("departmentId");

-- CreateIndex
CREATE INDEX "ItemVersion_kind_idx" ON "ItemVersion"("kind");

-- CreateIndex
CREATE INDEX "ItemVersion_name_idx" ON "ItemVersion"("name");

-- CreateIndex
CREATE UNIQUE INDEX "ItemVersion_itemId_version_key" ON "ItemVersion"("itemId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "Material_itemVersionId_position_key" ON "Material"("itemVersionId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "User_loginId_key" ON "User"("loginId");

-- CreateIndex
CREATE UNIQUE INDEX "User_residentId_key" ON "User"("residentId");

-- CreateIndex
CREATE UNIQUE INDEX "User_creditCode_key" ON "User"("creditCode");

-- CreateIndex
CREATE INDEX "User_role_idx" ON "User"("role");

-- CreateIndex
CREATE UNIQUE INDEX "Seal_activeMarker_key" ON "Seal"("activeMarker");

-- CreateIndex
CREATE INDEX "StampRecord_sealId_stampedAt_idx" ON "StampRecord"("sealId", "stampedAt");

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_entityId_id_idx" ON "AuditEvent"("entityType", "entityId", "id");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_id_idx" ON "AuditEvent"("actorId", "id");

-- AddForeignKey
ALTER TABLE "Item" ADD CONSTRAINT "Item_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Item" ADD CONSTRAINT "Item_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "Section"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Item" ADD CONSTRAINT "Item_currentVersionId_fkey" FOREIGN KEY ("currentVersionId") REFERENCES "ItemVersion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ItemVersion" ADD CONSTRAINT "ItemVersion_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "Item"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Material" ADD CONSTRAINT "Material_itemVersionId_fkey" FOREIGN KEY ("itemVersionId") REFERENCES "ItemVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "Section"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Seal" ADD CONSTRAINT "Seal_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StampRecord" ADD CONSTRAINT "StampRecord_sealId_fkey" FOREIGN KEY ("sealId") REFERENCES "Seal"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StampRecord" ADD CONSTRAINT "StampRecord_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Rules Prisma's schema language cannot state (see docs/decisions/005-database-enforced-rules.md).

-- One active seal: the active seal carries activeMarker = true (unique); archived seals carry NULL.
ALTER TABLE "Seal" ADD CONSTRAINT "Seal_active_marker_matches_status"
  CHECK ((status = 'ACTIVE' AND "activeMarker" IS TRUE) OR (status = 'ARCHIVED' AND "activeMarker" IS NULL));

-- Rows that must never change once written: the audit trail (全程留痕) and published item
-- versions with their materials (applications record the version they were filed under).
CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "AuditEvent_append_only"
  BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION refuse_change();

CREATE TRIGGER "ItemVersion_append_only"
  BEFORE UPDATE OR DELETE ON "ItemVersion"
  FOR EACH ROW EXECUTE FUNCTION refuse_change();

CREATE TRIGGER "Material_append_only"
  BEFORE UPDATE OR DELETE ON "Material"
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
