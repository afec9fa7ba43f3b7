-- CreateTable
CREATE TABLE "scim_connection" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "tokenPrefix" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "rotatedAt" TIMESTAMP(3),
    "lastUsedAt" TIMESTAMP(3),

    CONSTRAINT "scim_connection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "scim_request" (
    "id" TEXT NOT NULL,
    "connectionId" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "status" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "scim_request_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "scim_identity" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "userName" TEXT,
    "externalId" TEXT,
    "givenName" TEXT,
    "familyName" TEXT,
    "createdUser" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "scim_identity_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "scim_connection_tokenHash_key" ON "scim_connection"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "scim_connection_tenantId_organizationId_key" ON "scim_connection"("tenantId", "organizationId");

-- CreateIndex
CREATE INDEX "scim_request_connectionId_createdAt_idx" ON "scim_request"("connectionId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "scim_identity_tenantId_organizationId_userId_key" ON "scim_identity"("tenantId", "organizationId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "scim_identity_tenantId_organizationId_userName_key" ON "scim_identity"("tenantId", "organizationId", "userName");

-- CreateIndex
CREATE UNIQUE INDEX "scim_identity_tenantId_organizationId_externalId_key" ON "scim_identity"("tenantId", "organizationId", "externalId");

-- AddForeignKey
ALTER TABLE "scim_request" ADD CONSTRAINT "scim_request_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "scim_connection"("id") ON DELETE CASCADE ON UPDATE CASCADE;
