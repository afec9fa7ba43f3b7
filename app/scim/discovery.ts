import { ScimError } from "./errors";

/**
 * The discovery documents (RFC 7643 §5–7): what this SCIM server supports, so clients such as
 * Okta and Entra ID know to send PATCH, not to send bulk or sort requests, and which
 * attributes exist.
 */
export const USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
export const GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";
export const LIST_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
export const PATCH_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
export const MAX_PAGE_SIZE = 100;

type Attribute = {
  name: string;
  type: "string" | "boolean" | "complex" | "reference";
  multiValued?: boolean;
  required?: boolean;
  uniqueness?: "none" | "server";
  mutability?: "readWrite" | "readOnly";
  subAttributes?: Attribute[];
};

const attribute = (a: Attribute): Record<string, unknown> => ({
  multiValued: false,
  required: false,
  caseExact: false,
  mutability: "readWrite",
  returned: "default",
  uniqueness: "none",
  ...a,
  ...(a.subAttributes ? { subAttributes: a.subAttributes.map(attribute) } : {}),
});

const SCHEMAS = [
  {
    id: USER_SCHEMA,
    name: "User",
    description:
      "A user of the organization. userName is unique in the organization; the email is the sign-in address.",
    attributes: [
      { name: "userName", type: "string", required: true, uniqueness: "server" },
      {
        name: "name",
        type: "complex",
        subAttributes: [
          { name: "formatted", type: "string" },
          { name: "givenName", type: "string" },
          { name: "familyName", type: "string" },
        ],
      },
      { name: "displayName", type: "string" },
      { name: "active", type: "boolean" },
      {
        name: "emails",
        type: "complex",
        multiValued: true,
        subAttributes: [
          { name: "value", type: "string" },
          { name: "type", type: "string" },
          { name: "primary", type: "boolean" },
        ],
      },
      { name: "externalId", type: "string" },
    ].map((a) => attribute(a as Attribute)),
  },
  {
    id: GROUP_SCHEMA,
    name: "Group",
    description: "A team of the organization.",
    attributes: [
      { name: "displayName", type: "string", required: true, uniqueness: "server" },
      {
        name: "members",
        type: "complex",
        multiValued: true,
        subAttributes: [
          { name: "value", type: "string" },
          { name: "display", type: "string", mutability: "readOnly" },
        ],
      },
    ].map((a) => attribute(a as Attribute)),
  },
];

function meta(resourceType: string, location: string) {
  return { meta: { resourceType, location } };
}

function serviceProviderConfig(baseUrl: string) {
  return {
    schemas: ["urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"],
    documentationUri: `${new URL(baseUrl).origin}/docs/enterprise-sso`,
    patch: { supported: true },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: true, maxResults: MAX_PAGE_SIZE },
    changePassword: { supported: false },
    sort: { supported: false },
    etag: { supported: false },
    authenticationSchemes: [
      {
        type: "oauthbearertoken",
        name: "Bearer token",
        description: "The organization's SCIM token, from the console or the management API.",
        primary: true,
      },
    ],
    ...meta("ServiceProviderConfig", `${baseUrl}/ServiceProviderConfig`),
  };
}

function resourceType(name: "User" | "Group", baseUrl: string) {
  return {
    schemas: ["urn:ietf:params:scim:schemas:core:2.0:ResourceType"],
    id: name,
    name,
    endpoint: `/${name}s`,
    schema: name === "User" ? USER_SCHEMA : GROUP_SCHEMA,
    ...meta("ResourceType", `${baseUrl}/ResourceTypes/${name}`),
  };
}

function schemaDocument(schema: (typeof SCHEMAS)[number], baseUrl: string) {
  return {
    schemas: ["urn:ietf:params:scim:schemas:core:2.0:Schema"],
    ...schema,
    ...meta("Schema", `${baseUrl}/Schemas/${schema.id}`),
  };
}

const list = (resources: unknown[]) => ({
  schemas: [LIST_SCHEMA],
  totalResults: resources.length,
  startIndex: 1,
  itemsPerPage: resources.length,
  Resources: resources,
});

/** GET /ResourceTypes[/id] and /Schemas[/id]; null when the path is neither. */
export function discoveryDocument(segments: string[], baseUrl: string): unknown {
  const [collection, id] = segments;
  if (collection === "ServiceProviderConfig" && !id) return serviceProviderConfig(baseUrl);
  if (collection === "ResourceTypes") {
    const types = (["User", "Group"] as const).map((name) => resourceType(name, baseUrl));
    if (!id) return list(types);
    const found = types.find((type) => type.id === id);
    if (!found) throw new ScimError(404, `There is no resource type "${id.slice(0, 100)}".`);
    return found;
  }
  if (collection === "Schemas") {
    const documents = SCHEMAS.map((schema) => schemaDocument(schema, baseUrl));
    if (!id) return list(documents);
    const found = documents.find((document) => document.id === id);
    if (!found) throw new ScimError(404, `There is no schema "${id.slice(0, 100)}".`);
    return found;
  }
  return null;
}
