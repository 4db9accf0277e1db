-- DropIndex
DROP INDEX "SupervisionSession_seriesId_startsAt_key";

-- AlterTable
ALTER TABLE "Poll" ADD COLUMN     "asSeries" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "channelId" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "messageId" TEXT,
ADD COLUMN     "sessionId" TEXT,
ADD COLUMN     "timeZone" TEXT NOT NULL DEFAULT 'UTC';

-- AlterTable
ALTER TABLE "Rsvp" ADD COLUMN     "attended" BOOLEAN;

-- AlterTable
ALTER TABLE "SupervisionSeries" ADD COLUMN     "channelId" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "facilitatorId" TEXT,
ADD COLUMN     "firstStartLocal" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "lastStartsAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "rule" TEXT NOT NULL DEFAULT 'FREQ=WEEKLY',
ADD COLUMN     "sequence" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "timeZone" TEXT NOT NULL DEFAULT 'UTC';

-- AlterTable
ALTER TABLE "SupervisionSession" ADD COLUMN     "attendanceAt" TIMESTAMPTZ(3),
ADD COLUMN     "channelId" TEXT,
ADD COLUMN     "discordEventId" TEXT,
ADD COLUMN     "originalStartsAt" TIMESTAMPTZ(3),
ADD COLUMN     "sequence" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "slotId" TEXT,
ADD COLUMN     "timeZone" TEXT NOT NULL DEFAULT 'UTC';

-- CreateTable
CREATE TABLE "SupervisionSettings" (
    "teamId" TEXT NOT NULL,
    "reminderMinutes" INTEGER[] DEFAULT ARRAY[1440, 15]::INTEGER[],
    "postAgendaAtStart" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "SupervisionSettings_pkey" PRIMARY KEY ("teamId")
);

-- CreateTable
CREATE TABLE "SupervisionSlot" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "supervisorId" TEXT NOT NULL,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3) NOT NULL,
    "withdrawnAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SupervisionSlot_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SupervisionSlot_supervisorId_startsAt_idx" ON "SupervisionSlot"("supervisorId", "startsAt");

-- CreateIndex
CREATE INDEX "SupervisionSlot_teamId_startsAt_idx" ON "SupervisionSlot"("teamId", "startsAt");

-- CreateIndex
CREATE UNIQUE INDEX "SupervisionSession_slotId_key" ON "SupervisionSession"("slotId");

-- CreateIndex
CREATE UNIQUE INDEX "SupervisionSession_seriesId_originalStartsAt_key" ON "SupervisionSession"("seriesId", "originalStartsAt");

-- AddForeignKey
ALTER TABLE "SupervisionSeries" ADD CONSTRAINT "SupervisionSeries_facilitatorId_fkey" FOREIGN KEY ("facilitatorId") REFERENCES "Member"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionSettings" ADD CONSTRAINT "SupervisionSettings_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionSlot" ADD CONSTRAINT "SupervisionSlot_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionSlot" ADD CONSTRAINT "SupervisionSlot_supervisorId_fkey" FOREIGN KEY ("supervisorId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionSession" ADD CONSTRAINT "SupervisionSession_slotId_fkey" FOREIGN KEY ("slotId") REFERENCES "SupervisionSlot"("id") ON DELETE SET NULL ON UPDATE CASCADE;
