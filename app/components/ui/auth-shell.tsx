import type { ReactNode } from "react";

/** The centred card around the platform's own account pages (sign-in, sign-up, invitations). */
export function AuthShell({ appName, children }: { appName: string; children: ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col items-center justify-center px-4 py-10">
      <main className="w-full max-w-sm">
        <p className="mb-6 text-center text-lg font-bold tracking-tight">
          {appName} <span className="font-normal text-muted">Console</span>
        </p>
        <div className="rounded-theme border border-border bg-card p-6 shadow-sm sm:p-8">{children}</div>
      </main>
    </div>
  );
}
