-- CreateEnum
CREATE TYPE "FlagWish" AS ENUM ('talk_now', 'talk_today', 'next_supervision', 'just_noting');

-- CreateEnum
CREATE TYPE "FlagAckKind" AS ENUM ('reach_out', 'noted');

-- AlterTable
ALTER TABLE "FlagAcknowledgement" ADD COLUMN     "kind" "FlagAckKind" NOT NULL DEFAULT 'reach_out';

-- AlterTable
ALTER TABLE "TriggerFlag" ADD COLUMN     "acknowledgedAt" TIMESTAMPTZ(3),
ADD COLUMN     "closedAt" TIMESTAMPTZ(3),
ADD COLUMN     "followUpEnc" TEXT,
ADD COLUMN     "notesErasedAt" TIMESTAMPTZ(3),
ADD COLUMN     "sentToIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "step" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "wish" "FlagWish" NOT NULL DEFAULT 'just_noting';

-- AlterTable
ALTER TABLE "WellnessPlan" ADD COLUMN     "breakingDownEnc" TEXT,
ADD COLUMN     "postCrisisEnc" TEXT,
ADD COLUMN     "supportPeopleEnc" TEXT;
