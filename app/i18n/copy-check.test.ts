import { describe, expect, it } from "vitest";
import { copyTextProblem, placeholdersOf } from "./copy-check";

describe("a tenant's text", () => {
  it("names the placeholders of plain and plural messages, not the plural branches", () => {
    expect(placeholdersOf("Reset your {product} password")).toEqual(["product"]);
    expect(placeholdersOf("The link expires in {hours, plural, one {# hour} other {# hours}}.")).toEqual(["hours"]);
  });

  it("may use the placeholders Portico's message fills, and no others", () => {
    const builtIn = "Confirm your email address for {product}";
    expect(copyTextProblem("emails.verifyEmail.subject", "Welcome to {product}", builtIn)).toBeNull();
    expect(copyTextProblem("emails.verifyEmail.subject", "Open {{url}}", builtIn)).toBe(
      "Unknown placeholder {url}. Use {product}.",
    );
    expect(copyTextProblem("signIn.title", "Hi {name}", "Sign in")).toBe(
      "Unknown placeholder {name}. This text has none.",
    );
  });

  it("is plain text within its length, with closed braces", () => {
    expect(copyTextProblem("signIn.title", "<script>alert(1)</script>", "Sign in")).toBe(
      "Use plain text: HTML tags are not allowed.",
    );
    expect(copyTextProblem("signIn.title", "x".repeat(301), "Sign in")).toBe("Use at most 300 characters.");
    expect(copyTextProblem("emails.welcome.body", "x".repeat(1000), "Hi")).toBeNull();
    expect(copyTextProblem("emails.welcome.subject", "x".repeat(201), "Hi")).toBe("Use at most 200 characters.");
    expect(copyTextProblem("emails.verifyEmail.subject", "For {product", "For {product}")).toBe(
      "A brace is not closed: write placeholders as {name}.",
    );
    expect(copyTextProblem("signIn.title", "3 < 4 and a > b", "Sign in")).toBeNull();
  });
});
