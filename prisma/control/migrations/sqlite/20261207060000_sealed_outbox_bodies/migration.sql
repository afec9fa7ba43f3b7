-- AlterTable
ALTER TABLE "email_message" ADD COLUMN "sealed" TEXT;

-- AlterTable
ALTER TABLE "sms_message" ADD COLUMN "sealed" TEXT;
