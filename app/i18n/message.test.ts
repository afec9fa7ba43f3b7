import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fieldMessages, translateMessage } from "./message";
import { createTranslator } from "./translate";

describe("fieldMessages", () => {
  const schema = z.object({
    name: z.string().min(1).max(5),
    email: z.string().min(1).max(254).pipe(z.email()),
    password: z.string().min(8),
    confirm: z.string().refine((value) => value === "same", "errors.passwordsDoNotMatch"),
  });

  it("words each field's first issue by its code, in the page's locale", () => {
    const result = schema.safeParse({ name: "toolong", email: "nope", password: "short", confirm: "other" });
    const errors = fieldMessages(result.error!);
    expect(errors).toEqual({
      name: { key: "errors.tooLong", values: { max: 5 } },
      email: { key: "errors.emailInvalid" },
      password: { key: "errors.tooShort", values: { min: 8 } },
      confirm: { key: "errors.passwordsDoNotMatch" },
    });
    const de = createTranslator("de");
    expect(translateMessage(de, errors.password)).toBe("Verwenden Sie mindestens 8 Zeichen.");
    expect(translateMessage(createTranslator("en"), errors.name)).toBe("Use at most 5 characters.");
  });

  it("names the empty field", () => {
    const errors = fieldMessages(schema.safeParse({ name: "", email: "", password: "", confirm: "same" }).error!);
    expect(errors.name).toEqual({ key: "errors.nameRequired" });
    expect(errors.email).toEqual({ key: "errors.emailRequired" });
    expect(errors.password).toEqual({ key: "errors.tooShort", values: { min: 8 } });
  });
});
