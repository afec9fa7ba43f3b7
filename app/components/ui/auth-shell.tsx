import type { ReactNode } from "react";
import type { PlatformBranding } from "~/config/branding";
import { BrandLinks, BrandMark } from "./brand-mark";

/**
 * The centred card around the platform's own account pages (sign-in, sign-up, invitations),
 * with the deployment's logo and, when `branding` is given, its support and legal links.
 */
export function AuthShell({
  appName,
  branding,
  children,
}: {
  appName: string;
  branding?: PlatformBranding;
  children: ReactNode;
}) {
  return (
    <div className="flex min-h-screen flex-col items-center justify-center px-4 py-10">
      <main className="w-full max-w-sm">
        <p className="mb-6 text-center text-lg font-bold tracking-tight">
          <BrandMark branding={{ name: appName, logoUrl: branding?.logoUrl ?? null }} suffix="Console" />
        </p>
        <div className="rounded-theme border border-border bg-card p-6 shadow-sm sm:p-8">{children}</div>
        {branding ? <BrandLinks branding={branding} className="mt-6" /> : null}
      </main>
    </div>
  );
}
