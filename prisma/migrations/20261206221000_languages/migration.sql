-- AlterTable
ALTER TABLE "Member" ADD COLUMN     "language" TEXT,
ADD COLUMN     "platformLocale" TEXT;

-- AlterTable
ALTER TABLE "Team" ADD COLUMN     "language" TEXT NOT NULL DEFAULT 'en';
