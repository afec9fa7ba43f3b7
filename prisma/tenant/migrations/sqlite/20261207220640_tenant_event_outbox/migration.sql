-- CreateTable
CREATE TABLE "portico_event" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "type" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "event" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "portico_event_subjectId_idx" ON "portico_event"("subjectId");

-- CreateIndex
CREATE INDEX "portico_event_createdAt_idx" ON "portico_event"("createdAt");
