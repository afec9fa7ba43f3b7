-- CreateTable
CREATE TABLE "sso_connection" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "protocol" TEXT NOT NULL,
    "idpEntityId" TEXT,
    "idpSsoUrl" TEXT,
    "idpCertificates" TEXT,
    "oidcIssuer" TEXT,
    "oidcClientId" TEXT,
    "oidcClientSecret" TEXT,
    "defaultRole" TEXT NOT NULL DEFAULT 'member',
    "attributeMapping" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "sso_connection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sso_login_request" (
    "id" TEXT NOT NULL,
    "connectionId" TEXT NOT NULL,
    "redirectTo" TEXT,
    "purpose" TEXT NOT NULL DEFAULT 'sign-in',
    "secret" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "consumedAt" TIMESTAMP(3),

    CONSTRAINT "sso_login_request_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sso_consumed_assertion" (
    "connectionId" TEXT NOT NULL,
    "assertionId" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "sso_consumed_assertion_pkey" PRIMARY KEY ("connectionId","assertionId")
);

-- CreateTable
CREATE TABLE "sso_domain" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "domain" TEXT NOT NULL,
    "verificationToken" TEXT NOT NULL,
    "verifiedAt" TIMESTAMP(3),
    "lastCheckedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sso_domain_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "sso_connection_tenantId_organizationId_key" ON "sso_connection"("tenantId", "organizationId");

-- CreateIndex
CREATE INDEX "sso_login_request_createdAt_idx" ON "sso_login_request"("createdAt");

-- CreateIndex
CREATE INDEX "sso_consumed_assertion_expiresAt_idx" ON "sso_consumed_assertion"("expiresAt");

-- CreateIndex
CREATE INDEX "sso_domain_tenantId_organizationId_idx" ON "sso_domain"("tenantId", "organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "sso_domain_tenantId_domain_key" ON "sso_domain"("tenantId", "domain");

-- AddForeignKey
ALTER TABLE "sso_login_request" ADD CONSTRAINT "sso_login_request_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "sso_connection"("id") ON DELETE CASCADE ON UPDATE CASCADE;
