-- AlterTable
ALTER TABLE "webhook_attempt" ADD COLUMN     "requestHeaders" TEXT,
ADD COLUMN     "responseHeaders" TEXT;
