-- A bad rating's follow-up (差评整改) gets yellow and red cards like any deadline: a new kind, and a
-- subject (the follow-up's id) so two follow-ups of one case each have their own card.
ALTER TYPE "CardKind" ADD VALUE 'RATING_FOLLOW_UP';

ALTER TABLE "Card" ADD COLUMN "subject" TEXT NOT NULL DEFAULT '';

DROP INDEX "Card_applicationId_kind_colour_key";
CREATE UNIQUE INDEX "Card_applicationId_kind_colour_subject_key" ON "Card"("applicationId", "kind", "colour", "subject");
