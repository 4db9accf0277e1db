-- AlterTable
ALTER TABLE "Resource" ADD COLUMN     "editedBy" TEXT,
ADD COLUMN     "replacesId" TEXT;

-- CreateIndex
CREATE INDEX "Resource_replacesId_idx" ON "Resource"("replacesId");

-- CreateIndex
CREATE UNIQUE INDEX "Resource_workspaceId_replacesId_key" ON "Resource"("workspaceId", "replacesId");

-- AddForeignKey
ALTER TABLE "Resource" ADD CONSTRAINT "Resource_replacesId_fkey" FOREIGN KEY ("replacesId") REFERENCES "Resource"("id") ON DELETE SET NULL ON UPDATE CASCADE;
