-- AlterTable
ALTER TABLE "tenant" ADD COLUMN "gettingStartedDismissedAt" DATETIME;
