-- Failed public lookups, shared by every instance and kept through restarts.
CREATE TABLE "LookupFailure" (
    "id" BIGSERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LookupFailure_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "LookupFailure_key_at_idx" ON "LookupFailure"("key", "at");
