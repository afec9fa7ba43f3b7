-- CreateTable
CREATE TABLE "sso_connection" (
    "id" TEXT NOT NULL PRIMARY KEY,
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "sso_login_request" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "connectionId" TEXT NOT NULL,
    "redirectTo" TEXT,
    "purpose" TEXT NOT NULL DEFAULT 'sign-in',
    "secret" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "consumedAt" DATETIME,
    CONSTRAINT "sso_login_request_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "sso_connection" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "sso_consumed_assertion" (
    "connectionId" TEXT NOT NULL,
    "assertionId" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,

    PRIMARY KEY ("connectionId", "assertionId")
);

-- CreateTable
CREATE TABLE "sso_domain" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tenantId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "domain" TEXT NOT NULL,
    "verificationToken" TEXT NOT NULL,
    "verifiedAt" DATETIME,
    "lastCheckedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
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
