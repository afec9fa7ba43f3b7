import { useTranslate } from "~/i18n/use-translate";

const BUILT_IN_ROLE_KEYS = {
  owner: "organizations.role.owner",
  admin: "organizations.role.admin",
  member: "organizations.role.member",
} as const;

/** A member's role(s) as people read them: built-in roles translated, custom roles by their name. */
export function useRoleLabel() {
  const t = useTranslate();
  return (role: string) =>
    role
      .split(",")
      .map((name) => name.trim())
      .map((name) =>
        Object.hasOwn(BUILT_IN_ROLE_KEYS, name) ? t(BUILT_IN_ROLE_KEYS[name as keyof typeof BUILT_IN_ROLE_KEYS]) : name,
      )
      .join(", ");
}
