import { CONFIG_OPERATIONS } from "./config.server";
import { EMAIL_TEMPLATE_OPERATIONS } from "./email-templates.server";
import { FORWARD_AUTH_OPERATIONS } from "./forward-auth.server";
import { IMPORT_EXPORT_OPERATIONS } from "./import-export.server";
import type { Operation } from "./operation.server";
import { OAUTH_CLIENT_OPERATIONS } from "./oauth-clients.server";
import { ORGANIZATION_INVITATION_OPERATIONS } from "./organization-invitations.server";
import { ORGANIZATION_TEAM_OPERATIONS } from "./organization-teams.server";
import { ORGANIZATION_OPERATIONS } from "./organizations.server";
import { SCIM_OPERATIONS } from "./scim.server";
import { SSO_OPERATIONS } from "./sso.server";
import { TOKEN_OPERATIONS } from "./tokens.server";
import { USER_OPERATIONS } from "./users.server";
import { WEBHOOK_OPERATIONS } from "./webhooks.server";

/** Every /api/v1 operation. Import and export come first: `/users/export` is not a user id. */
export const OPERATIONS: Operation[] = [
  ...IMPORT_EXPORT_OPERATIONS,
  ...USER_OPERATIONS,
  ...ORGANIZATION_OPERATIONS,
  ...ORGANIZATION_INVITATION_OPERATIONS,
  ...ORGANIZATION_TEAM_OPERATIONS,
  ...SCIM_OPERATIONS,
  ...SSO_OPERATIONS,
  ...WEBHOOK_OPERATIONS,
  ...CONFIG_OPERATIONS,
  ...EMAIL_TEMPLATE_OPERATIONS,
  ...TOKEN_OPERATIONS,
  ...FORWARD_AUTH_OPERATIONS,
  ...OAUTH_CLIENT_OPERATIONS,
];
