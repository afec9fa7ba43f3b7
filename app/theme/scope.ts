/** The attribute on the hosted layout's root; a tenant's custom CSS only styles inside it. */
export const TENANT_SCOPE_ATTRIBUTE = "data-portico-tenant";
