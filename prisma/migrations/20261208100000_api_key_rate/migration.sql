-- A department key's own rate limit (calls per minute); null keeps the default.
ALTER TABLE "ApiKey" ADD COLUMN     "ratePerMinute" INTEGER;
