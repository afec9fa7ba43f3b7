-- AlterTable
ALTER TABLE "email_message" ADD COLUMN "lockedUntil" DATETIME;

-- AlterTable
ALTER TABLE "sms_message" ADD COLUMN "lockedUntil" DATETIME;

-- CreateIndex
CREATE INDEX "email_message_status_nextAttemptAt_idx" ON "email_message"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "sms_message_status_nextAttemptAt_idx" ON "sms_message"("status", "nextAttemptAt");
