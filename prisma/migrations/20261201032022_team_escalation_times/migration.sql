-- AlterTable
ALTER TABLE "Team" ADD COLUMN     "escalateAfterMinutes" INTEGER NOT NULL DEFAULT 240,
ADD COLUMN     "escalateUrgentMinutes" INTEGER NOT NULL DEFAULT 15;
