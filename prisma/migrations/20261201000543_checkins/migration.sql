-- DropIndex
DROP INDEX "CheckinRound_teamId_opensAt_key";

-- AlterTable
ALTER TABLE "CheckinAnswer" ADD COLUMN     "itemsEnc" TEXT,
ADD COLUMN     "sharedAnon" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "sharedNamed" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "supervisorOnly" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "CheckinRound" ADD COLUMN     "away" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "invited" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "key" TEXT NOT NULL,
ADD COLUMN     "remindAt" TIMESTAMPTZ(3) NOT NULL,
ADD COLUMN     "reminderSentAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "CheckinTemplate" ADD COLUMN     "active" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "days" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "deletedAt" TIMESTAMPTZ(3),
ADD COLUMN     "digestMode" TEXT NOT NULL DEFAULT 'close',
ADD COLUMN     "openHours" INTEGER NOT NULL DEFAULT 24,
ADD COLUMN     "time" TEXT NOT NULL DEFAULT '09:00',
ADD COLUMN     "timeMode" TEXT NOT NULL DEFAULT 'team';

-- CreateTable
CREATE TABLE "CheckinRosterEntry" (
    "teamId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "leftAt" TIMESTAMPTZ(3),
    "seenAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CheckinRosterEntry_pkey" PRIMARY KEY ("teamId","memberId")
);

-- CreateTable
CREATE TABLE "CheckinPreference" (
    "memberId" TEXT NOT NULL,
    "pausedUntil" TIMESTAMPTZ(3),
    "buddy" BOOLEAN NOT NULL DEFAULT false,
    "lastBuddyAt" TIMESTAMPTZ(3),

    CONSTRAINT "CheckinPreference_pkey" PRIMARY KEY ("memberId")
);

-- CreateTable
CREATE TABLE "CheckinTeamSettings" (
    "teamId" TEXT NOT NULL,
    "minGroupSize" INTEGER NOT NULL DEFAULT 3,
    "rosterReadAt" TIMESTAMPTZ(3),

    CONSTRAINT "CheckinTeamSettings_pkey" PRIMARY KEY ("teamId")
);

-- CreateIndex
CREATE INDEX "CheckinRosterEntry_memberId_idx" ON "CheckinRosterEntry"("memberId");

-- CreateIndex
CREATE UNIQUE INDEX "CheckinRound_key_key" ON "CheckinRound"("key");

-- CreateIndex
CREATE INDEX "CheckinRound_teamId_opensAt_idx" ON "CheckinRound"("teamId", "opensAt");

-- AddForeignKey
ALTER TABLE "CheckinRosterEntry" ADD CONSTRAINT "CheckinRosterEntry_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CheckinRosterEntry" ADD CONSTRAINT "CheckinRosterEntry_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CheckinPreference" ADD CONSTRAINT "CheckinPreference_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CheckinTeamSettings" ADD CONSTRAINT "CheckinTeamSettings_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;
