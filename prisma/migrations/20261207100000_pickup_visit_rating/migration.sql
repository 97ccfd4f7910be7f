-- 一次一评: the clerk who handed a certificate over, so the pick-up visit can be rated like an intake.
ALTER TABLE "Certificate" ADD COLUMN     "deliveredById" TEXT;
