import { describe, expect, it } from "vitest";
import { ScimError } from "./errors";
import { parseFilter } from "./filter";
import { parsePatch, parseUserResource, patchUser, porticoName } from "./user-resource";

const PATCH = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
const alice = parseUserResource({ userName: "alice@acme.com", name: { givenName: "Alice", familyName: "Adams" } });

function refusal(run: () => unknown): ScimError {
  try {
    run();
  } catch (error) {
    if (error instanceof ScimError) return error;
    throw error;
  }
  throw new Error("expected a ScimError");
}

describe("filters", () => {
  it("reads one equality test, with the core schema's URN and escaped quotes", () => {
    expect(parseFilter('userName eq "a@b.c"', ["userName"])).toEqual({ attribute: "userName", value: "a@b.c" });
    expect(parseFilter('urn:ietf:params:scim:schemas:core:2.0:User:USERNAME EQ "x"', ["userName"])?.attribute).toBe(
      "userName",
    );
    expect(parseFilter('displayName eq "Sales \\"EMEA\\""', ["displayName"])?.value).toBe('Sales "EMEA"');
    expect(parseFilter(null, ["userName"])).toBeNull();
  });

  it("refuses what it would answer wrongly, naming what it supports", () => {
    for (const filter of ['userName eq "a" and active eq true', 'userName co "a"', "userName pr", 'emails eq "a"']) {
      const error = refusal(() => parseFilter(filter, ["userName", "externalId"]));
      expect(error).toMatchObject({ status: 400, scimType: "invalidFilter" });
      expect(error.message).toContain('externalId eq "…"');
    }
  });
});

describe("users", () => {
  it("takes the sign-in email from the primary, else the work, else the first address, else userName", () => {
    const emails = [
      { value: "home@x.com", type: "home" },
      { value: "Work@X.com", type: "work" },
    ];
    expect(parseUserResource({ userName: "u1", emails }).email).toBe("work@x.com");
    expect(parseUserResource({ userName: "u1", emails: [...emails, { value: "p@x.com", primary: true }] }).email).toBe(
      "p@x.com",
    );
    expect(alice.email).toBe("alice@acme.com");
    expect(alice.active).toBe(true);
    expect(parseUserResource({ userName: "a@b.co" }, false).active).toBe(false);
    expect(parseUserResource({ userName: "a@b.co", active: "True" }, false).active).toBe(true);
    expect(refusal(() => parseUserResource({ userName: "not-an-email" })).message).toContain("emails");
  });

  it("names the user from displayName, else the name's parts, else the address", () => {
    expect(porticoName(alice)).toBe("Alice Adams");
    expect(porticoName({ ...alice, displayName: "Al" })).toBe("Al");
    expect(porticoName({ ...alice, givenName: null, familyName: null })).toBe("alice");
  });

  it("applies URN-prefixed and path-less operations, ignores attributes Portico does not keep", () => {
    const operations = parsePatch({
      schemas: [PATCH],
      Operations: [
        { op: "Replace", path: "urn:ietf:params:scim:schemas:core:2.0:User:active", value: "False" },
        { op: "Add", path: "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department", value: "R&D" },
        { op: "replace", value: { "name.familyName": "Baker", phoneNumbers: [{ value: "1" }] } },
        { op: "remove", path: "externalId" },
      ],
    });
    expect(patchUser({ ...alice, externalId: "e1" }, operations)).toEqual({
      ...alice,
      active: false,
      familyName: "Baker",
      externalId: null,
    });
  });

  it("refuses operations that cannot apply", () => {
    const patch = (operation: object) => patchUser(alice, parsePatch({ schemas: [PATCH], Operations: [operation] }));
    expect(refusal(() => patch({ op: "remove" })).scimType).toBe("noTarget");
    expect(refusal(() => patch({ op: "remove", path: 'emails[type eq "work"].value' })).scimType).toBe("mutability");
    expect(refusal(() => patch({ op: "replace", path: 'emails[type eq "home"].value', value: "x@y.z" })).scimType).toBe(
      "noTarget",
    );
    expect(refusal(() => patch({ op: "replace", path: "active", value: 1 })).scimType).toBe("invalidValue");
    expect(refusal(() => parsePatch({ Operations: [] })).scimType).toBe("invalidSyntax");
  });
});
