import { Link, NavLink } from "@remix-run/react";
import type { ReactNode } from "react";
import { BrandMark } from "~/components/ui/brand-mark";
import { useSite } from "./site";

const NAV = [
  { to: "/#features", label: "Features" },
  { to: "/#compare", label: "Compare" },
  { to: "/docs", label: "Docs" },
];

/** The header of the marketing site and the docs: brand, sections, sign-in and sign-up. */
export function SiteHeader() {
  const { branding } = useSite();
  return (
    <header className="border-b border-border bg-card">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-3">
        <Link to="/" className="text-lg font-bold tracking-tight" aria-label={`${branding.name} home`}>
          <BrandMark branding={branding} />
        </Link>
        <nav aria-label="Site" className="flex flex-wrap items-center gap-x-5 gap-y-1 text-sm">
          {NAV.map((item) => (
            <NavLink key={item.to} to={item.to} className="font-medium hover:text-primary hover:underline">
              {item.label}
            </NavLink>
          ))}
          <Link to="/sign-in" className="font-medium hover:text-primary hover:underline">
            Sign in
          </Link>
          <Link
            to="/sign-up"
            className="rounded-theme bg-primary px-3 py-1.5 font-semibold text-primary-foreground hover:opacity-90"
          >
            Get started
          </Link>
        </nav>
      </div>
    </header>
  );
}

function FooterLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <li>
      <a href={href} className="hover:text-foreground hover:underline">
        {children}
      </a>
    </li>
  );
}

/** Product and legal links; the legal ones are the deployment's own (APP_TERMS_URL, …). */
export function SiteFooter() {
  const { branding } = useSite();
  return (
    <footer className="mt-16 border-t border-border bg-card">
      <div className="mx-auto grid max-w-6xl gap-8 px-4 py-10 text-sm text-muted sm:grid-cols-3">
        <div>
          <p className="font-semibold text-foreground">{branding.name}</p>
          <p className="mt-2">Self-hosted, white-label authentication.</p>
        </div>
        <nav aria-label="Product">
          <p className="font-semibold text-foreground">Product</p>
          <ul className="mt-2 flex flex-col gap-1.5">
            <FooterLink href="/docs">Documentation</FooterLink>
            <FooterLink href="/docs/quickstart">Quickstart</FooterLink>
            <FooterLink href="/sign-up">Create an account</FooterLink>
          </ul>
        </nav>
        <nav aria-label="Legal and support">
          <p className="font-semibold text-foreground">Legal and support</p>
          <ul className="mt-2 flex flex-col gap-1.5">
            {branding.termsUrl ? <FooterLink href={branding.termsUrl}>Terms of service</FooterLink> : null}
            {branding.privacyUrl ? <FooterLink href={branding.privacyUrl}>Privacy policy</FooterLink> : null}
            {branding.supportUrl ? <FooterLink href={branding.supportUrl}>Support</FooterLink> : null}
            {branding.supportEmail ? (
              <FooterLink href={`mailto:${branding.supportEmail}`}>{branding.supportEmail}</FooterLink>
            ) : null}
            <FooterLink href="/docs/self-hosting">Run it yourself</FooterLink>
          </ul>
        </nav>
      </div>
    </footer>
  );
}
