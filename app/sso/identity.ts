/** Who the identity provider says signed in, after the connection's attribute mapping. */
export type IdpIdentity = {
  /** The IdP's stable id for the user (SAML NameID, OIDC `sub`). */
  subject: string;
  email: string;
  name: string | null;
  groups: string[];
};

/** The identity provider's answer at the end of a sign-in: who, and where they were going; or why not. */
export type IdpAnswer =
  | { ok: true; identity: IdpIdentity; redirectTo: string | null; test: boolean }
  | { ok: false; code: string; detail: string };

/** The organization role a sign-in gives: the first mapped group the user is in, else the default. */
export function roleFor(
  groups: string[],
  mapping: { groupRoles: Record<string, string> },
  defaultRole: string,
): { role: string; fromGroup: boolean } {
  const held = new Set(groups);
  for (const [group, role] of Object.entries(mapping.groupRoles)) if (held.has(group)) return { role, fromGroup: true };
  return { role: defaultRole, fromGroup: false };
}

/** The part after the last @, lower case; null when it is not an address. */
export function emailDomain(email: string): string | null {
  const match = /^[^\s@]+@([a-z0-9-]+(?:\.[a-z0-9-]+)+)$/i.exec(email.trim());
  return match ? match[1]!.toLowerCase() : null;
}
