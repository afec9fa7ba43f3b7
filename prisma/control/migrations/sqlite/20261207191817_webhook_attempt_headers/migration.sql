-- AlterTable
ALTER TABLE "webhook_attempt" ADD COLUMN "requestHeaders" TEXT;
ALTER TABLE "webhook_attempt" ADD COLUMN "responseHeaders" TEXT;
