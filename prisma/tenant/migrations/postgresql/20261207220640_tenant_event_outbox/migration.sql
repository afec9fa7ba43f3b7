-- CreateTable
CREATE TABLE "portico_event" (
    "id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "event" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "portico_event_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "portico_event_subjectId_idx" ON "portico_event"("subjectId");

-- CreateIndex
CREATE INDEX "portico_event_createdAt_idx" ON "portico_event"("createdAt");
