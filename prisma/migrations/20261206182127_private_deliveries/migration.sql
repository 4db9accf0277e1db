-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "aboutMemberId" TEXT,
ADD COLUMN     "privateKind" TEXT,
ADD COLUMN     "subjectId" TEXT;

-- CreateTable
CREATE TABLE "FlagRead" (
    "flagId" TEXT NOT NULL,
    "readerId" TEXT NOT NULL,
    "firstReadAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "FlagRead_pkey" PRIMARY KEY ("flagId","readerId")
);

-- CreateTable
CREATE TABLE "PlanShare" (
    "id" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "supervisorId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "section" TEXT NOT NULL,
    "textEnc" TEXT NOT NULL,
    "sharedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PlanShare_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PlanShare_memberId_idx" ON "PlanShare"("memberId");

-- CreateIndex
CREATE INDEX "OutboxMessage_aboutMemberId_idx" ON "OutboxMessage"("aboutMemberId");

-- AddForeignKey
ALTER TABLE "FlagRead" ADD CONSTRAINT "FlagRead_flagId_fkey" FOREIGN KEY ("flagId") REFERENCES "TriggerFlag"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FlagRead" ADD CONSTRAINT "FlagRead_readerId_fkey" FOREIGN KEY ("readerId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanShare" ADD CONSTRAINT "PlanShare_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanShare" ADD CONSTRAINT "PlanShare_supervisorId_fkey" FOREIGN KEY ("supervisorId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;
