import { Form, Link } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { CopyField } from "~/components/ui/copy-field";
import { Card } from "~/components/ui/layout";
import type { GettingStarted, GettingStartedStep } from "./getting-started.server";

const STEPS: Record<GettingStartedStep, { label: string; hint: string; to: string }> = {
  trustedOrigin: {
    label: "Add a trusted origin",
    hint: "The site that embeds the widget, such as https://app.example.com.",
    to: "settings",
  },
  signInMethods: {
    label: "Choose sign-in methods",
    hint: "Passwords, magic links, passkeys, social sign-in, two-factor…",
    to: "auth-methods",
  },
  brand: { label: "Brand your pages", hint: "Publish a theme with your logo and colors.", to: "branding" },
  testEmail: {
    label: "Send a test email",
    hint: "See what your users receive, in your theme.",
    to: "emails",
  },
  webhook: {
    label: "Add a webhook",
    hint: "Tell your backend when users sign up, sign in or change.",
    to: "webhooks",
  },
};

/** The overview's first card: where users sign in, the embed snippet, and the checklist. */
export function GettingStartedCard({
  slug,
  data,
  canDismiss,
}: {
  slug: string;
  data: GettingStarted;
  canDismiss: boolean;
}) {
  const steps = data.steps;
  const done = steps?.filter((step) => step.done).length ?? 0;
  return (
    <Card title="Getting started" className="mb-6">
      <div className="grid gap-4">
        <p className="text-sm">
          Your users sign in at{" "}
          <a href={data.signInUrl} className="font-mono underline" target="_blank" rel="noreferrer">
            {data.signInUrl}
          </a>
          , or in your own page with the widget:
        </p>
        <CopyField label="Widget script" value={data.widgetScript} copyLabel="Copy script" />
        <CopyField label="Sign-in widget" value={data.widgetElement} copyLabel="Copy element" />
        {steps ? (
          <section aria-labelledby="checklist-title">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <h3 id="checklist-title" className="font-semibold">
                Checklist{" "}
                <span className="text-sm font-normal text-muted">
                  ({done} of {steps.length} done)
                </span>
              </h3>
              {canDismiss ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="dismiss-getting-started" />
                  <Button variant="secondary">Dismiss checklist</Button>
                </Form>
              ) : null}
            </div>
            <ul className="mt-3 grid gap-2" aria-label="Getting-started checklist">
              {steps.map((step) => {
                const copy = STEPS[step.id];
                return (
                  <li
                    key={step.id}
                    aria-label={`${copy.label}: ${step.done ? "done" : "to do"}`}
                    className="flex items-start gap-3 rounded-theme border border-border p-3"
                  >
                    <span
                      aria-hidden="true"
                      className={`mt-0.5 inline-flex h-5 w-5 shrink-0 items-center justify-center rounded-full border text-xs ${step.done ? "border-green-600 bg-green-600 text-white" : "border-border"}`}
                    >
                      {step.done ? "✓" : ""}
                    </span>
                    <span className="min-w-0">
                      <Link
                        to={`/admin/${slug}/${copy.to}`}
                        className={`font-medium underline ${step.done ? "text-muted line-through" : ""}`}
                      >
                        {copy.label}
                      </Link>
                      <span className="block text-sm text-muted">{copy.hint}</span>
                    </span>
                  </li>
                );
              })}
            </ul>
          </section>
        ) : null}
      </div>
    </Card>
  );
}
