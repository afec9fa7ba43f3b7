import type { PlatformBranding } from "~/config/branding";

/** The deployment's logo (when APP_LOGO_URL is set) and name, e.g. in the console's header. */
export function BrandMark({
  branding,
  suffix,
}: {
  branding: Pick<PlatformBranding, "name" | "logoUrl">;
  suffix?: string;
}) {
  return (
    <span className="inline-flex items-center gap-2">
      {branding.logoUrl ? (
        <img src={branding.logoUrl} alt="" width={28} height={28} className="h-7 w-7 object-contain" />
      ) : null}
      <span data-testid="brand-name">{branding.name}</span>
      {suffix ? (
        <>
          {" "}
          <span className="font-normal text-muted">{suffix}</span>
        </>
      ) : null}
    </span>
  );
}

/** Support, terms and privacy links the deployment configured (APP_SUPPORT_*, APP_TERMS_URL, …). */
export function BrandLinks({ branding, className }: { branding: PlatformBranding; className?: string }) {
  const links = [
    branding.supportUrl ? { href: branding.supportUrl, label: "Support" } : null,
    branding.supportEmail ? { href: `mailto:${branding.supportEmail}`, label: branding.supportEmail } : null,
    branding.termsUrl ? { href: branding.termsUrl, label: "Terms" } : null,
    branding.privacyUrl ? { href: branding.privacyUrl, label: "Privacy" } : null,
  ].filter((link) => link !== null);
  if (links.length === 0) return null;
  return (
    <ul className={`flex flex-wrap justify-center gap-x-4 gap-y-1 text-sm text-muted ${className ?? ""}`}>
      {links.map((link) => (
        <li key={link.href}>
          <a href={link.href} className="underline-offset-4 hover:underline">
            {link.label}
          </a>
        </li>
      ))}
    </ul>
  );
}
