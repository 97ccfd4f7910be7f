-- CreateEnum
CREATE TYPE "DelegationScope" AS ENUM ('INSTANT_ONLY', 'INSTANT_AND_PROMISED');

-- CreateEnum
CREATE TYPE "ClockEntryKind" AS ENUM ('SUSPENSION', 'SURVEY', 'EXTENSION');

-- CreateEnum
CREATE TYPE "SuspensionReason" AS ENUM ('HEARING', 'TESTING', 'INSPECTION', 'APPRAISAL', 'EXPERT_REVIEW', 'APPLICANT_CORRECTION', 'OWED_MATERIALS');

-- CreateEnum
CREATE TYPE "ReviewRecommendation" AS ENUM ('APPROVE', 'DENY');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "ApplicationState" ADD VALUE 'REVIEWED';
ALTER TYPE "ApplicationState" ADD VALUE 'ESCALATED';
ALTER TYPE "ApplicationState" ADD VALUE 'FORWARDED';
ALTER TYPE "ApplicationState" ADD VALUE 'REPLY_RECEIVED';
ALTER TYPE "ApplicationState" ADD VALUE 'AWAITING_SEAL';
ALTER TYPE "ApplicationState" ADD VALUE 'DENIED';

-- AlterTable
ALTER TABLE "Application" ADD COLUMN     "decidedById" TEXT,
ADD COLUMN     "decisionBasis" TEXT,
ADD COLUMN     "decisionDelegationId" TEXT,
ADD COLUMN     "decisionReason" TEXT,
ADD COLUMN     "forwardedTo" TEXT,
ADD COLUMN     "higherReply" TEXT;

-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "hash" TEXT,
ADD COLUMN     "prevHash" TEXT;

-- CreateTable
CREATE TABLE "Delegation" (
    "id" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "grantedById" TEXT NOT NULL,
    "granteeUserId" TEXT,
    "granteeRole" "Role",
    "itemIds" TEXT[],
    "sectionIds" TEXT[],
    "scope" "DelegationScope" NOT NULL,
    "validFrom" DATE NOT NULL,
    "validTo" DATE NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),
    "revokedById" TEXT,
    "revokeReason" TEXT,

    CONSTRAINT "Delegation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RevokedSession" (
    "sessionId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "revokedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RevokedSession_pkey" PRIMARY KEY ("sessionId")
);

-- CreateIndex
CREATE INDEX "RevokedSession_userId_idx" ON "RevokedSession"("userId");

-- CreateTable
CREATE TABLE "DelegationCounter" (
    "year" INTEGER NOT NULL,
    "last" INTEGER NOT NULL,

    CONSTRAINT "DelegationCounter_pkey" PRIMARY KEY ("year")
);

-- CreateTable
CREATE TABLE "ClockEntry" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "kind" "ClockEntryKind" NOT NULL,
    "reason" "SuspensionReason",
    "note" TEXT NOT NULL DEFAULT '',
    "startedOn" DATE NOT NULL,
    "endedOn" DATE,
    "days" INTEGER,
    "orderedById" TEXT NOT NULL,
    "endedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClockEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewOpinion" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "recommendation" "ReviewRecommendation" NOT NULL,
    "opinion" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReviewOpinion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Delegation_number_key" ON "Delegation"("number");

-- CreateIndex
CREATE INDEX "ClockEntry_applicationId_startedOn_idx" ON "ClockEntry"("applicationId", "startedOn");

-- CreateIndex
CREATE INDEX "ReviewOpinion_applicationId_createdAt_idx" ON "ReviewOpinion"("applicationId", "createdAt");

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_decisionDelegationId_fkey" FOREIGN KEY ("decisionDelegationId") REFERENCES "Delegation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClockEntry" ADD CONSTRAINT "ClockEntry_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewOpinion" ADD CONSTRAINT "ReviewOpinion_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;



-- Hand-written rules (docs/decisions/008).

-- The audit trail is hash-chained: each row's hash covers the previous row's hash and its own
-- content. The trigger takes a transaction-level advisory lock and assigns the id under it, so
-- chain order is id order even with concurrent writers; `npm run audit:verify` recomputes it.
CREATE FUNCTION audit_event_hash(prev text, e "AuditEvent") RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT encode(sha256(convert_to(concat_ws('|',
    coalesce(prev, ''),
    e.id::text,
    to_char(e.at, 'YYYY-MM-DD"T"HH24:MI:SS.MS'),
    coalesce(e."actorId", ''),
    coalesce(e."actorRole"::text, ''),
    e.action,
    e."entityType",
    e."entityId",
    coalesce(e.before::text, ''),
    coalesce(e.after::text, ''),
    coalesce(e.meta::text, '')
  ), 'UTF8')), 'hex')
$$;

CREATE FUNCTION audit_event_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  last_hash text;
BEGIN
  PERFORM pg_advisory_xact_lock(20261123);
  NEW.id := nextval(pg_get_serial_sequence('"AuditEvent"', 'id'));
  SELECT hash INTO last_hash FROM "AuditEvent" ORDER BY id DESC LIMIT 1;
  NEW."prevHash" := last_hash;
  NEW.hash := audit_event_hash(last_hash, NEW);
  RETURN NEW;
END;
$$;

-- Rows written before this migration join the chain in id order.
ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only";
DO $$
DECLARE
  r "AuditEvent";
  last_hash text := NULL;
BEGIN
  FOR r IN SELECT * FROM "AuditEvent" ORDER BY id LOOP
    UPDATE "AuditEvent" SET "prevHash" = last_hash, hash = audit_event_hash(last_hash, r) WHERE id = r.id;
    last_hash := audit_event_hash(last_hash, r);
  END LOOP;
END;
$$;
ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_append_only";

CREATE TRIGGER "AuditEvent_chain"
  BEFORE INSERT ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION audit_event_chain();

-- A delegation is a signed document: only its revocation may be added later, once.
CREATE FUNCTION delegation_revoke_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'Delegation rows are never deleted' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD."revokedAt" IS NOT NULL
     OR (to_jsonb(NEW) - 'revokedAt' - 'revokedById' - 'revokeReason') <> (to_jsonb(OLD) - 'revokedAt' - 'revokedById' - 'revokeReason') THEN
    RAISE EXCEPTION 'A delegation can only be revoked, once' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "Delegation_revoke_only"
  BEFORE UPDATE OR DELETE ON "Delegation"
  FOR EACH ROW EXECUTE FUNCTION delegation_revoke_only();

-- A decision to deny carries its reasons; clock entries are consistent with their kind.
ALTER TABLE "Application" ADD CONSTRAINT "Application_denial_reasoned"
  CHECK (state::text <> 'DENIED' OR (coalesce("decisionReason", '') <> '' AND coalesce("decisionBasis", '') <> ''));
ALTER TABLE "ClockEntry" ADD CONSTRAINT "ClockEntry_kind_fields"
  CHECK ((kind = 'SUSPENSION' AND reason IS NOT NULL AND days IS NULL)
      OR (kind = 'SURVEY' AND days IS NULL)
      OR (kind = 'EXTENSION' AND days BETWEEN 1 AND 10 AND "endedOn" IS NULL));
ALTER TABLE "ClockEntry" ADD CONSTRAINT "ClockEntry_ends_after_start" CHECK ("endedOn" IS NULL OR "endedOn" >= "startedOn");
