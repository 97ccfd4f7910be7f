-- The clerk's work list: the window's open cases (waiting for intake, under correction, owing
-- materials, awaiting the certificate) in filing order, and certificates still to hand over (pick-up
-- not collected, post not sent). Both sets stay small however many cases the bureau has decided.
CREATE INDEX "Application_window_open_idx" ON "Application" ("submittedAt", "id")
  WHERE state IN ('SUBMITTED', 'CORRECTION_REQUESTED', 'ACCEPTED_WITH_DEFICIENCIES', 'AWAITING_SEAL');

CREATE INDEX "Certificate_pending_handover_idx" ON "Certificate" ("applicationId")
  WHERE status = 'VALID' AND (("deliveryMethod" = 'PICKUP' AND "deliveredAt" IS NULL) OR ("deliveryMethod" = 'POST' AND "mailedAt" IS NULL));
