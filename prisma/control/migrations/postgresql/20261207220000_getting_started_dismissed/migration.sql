-- AlterTable
ALTER TABLE "tenant" ADD COLUMN     "gettingStartedDismissedAt" TIMESTAMP(3);
