-- The open API's rate limits (#18): one counter per key (an API key, or a client address without
-- one) and one-minute window, incremented atomically by INSERT … ON CONFLICT DO UPDATE so every
-- node shares it. Old windows are deleted as they are passed.
CREATE TABLE "ApiRateWindow" (
    "key" TEXT NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ApiRateWindow_pkey" PRIMARY KEY ("key","windowStart")
);

CREATE INDEX "ApiRateWindow_windowStart_idx" ON "ApiRateWindow"("windowStart");
