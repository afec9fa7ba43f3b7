import type { MetaFunction } from "@remix-run/node";
import type { ReactNode } from "react";
import { Link, useLoaderData } from "@remix-run/react";
import { COMPARISON, FAQ, FEATURES, HERO, STEPS, withName } from "~/marketing/content";
import { LiveDemo } from "~/marketing/live-demo";
import { liveDemoState } from "~/marketing/live-demo.server";
import { siteMeta, useSite } from "~/marketing/site";
import { SiteFooter, SiteHeader } from "~/marketing/site-chrome";

export async function loader() {
  return { demo: await liveDemoState() };
}

export const meta: MetaFunction = ({ matches }) =>
  siteMeta(matches, {
    title: "{name}: self-hosted, white-label authentication",
    description:
      "{name} gives every app you run branded sign-in pages, embeddable widgets, JWTs and webhooks, self-hosted on your own servers with a database per tenant.",
    path: "/",
  });

function Section({ id, title, lead, children }: { id: string; title: string; lead?: string; children: ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="mx-auto max-w-6xl scroll-mt-6 px-4 py-14">
      <h2 id={`${id}-title`} className="text-2xl font-bold tracking-tight sm:text-3xl">
        {title}
      </h2>
      {lead ? <p className="mt-2 max-w-2xl text-muted">{lead}</p> : null}
      <div className="mt-8">{children}</div>
    </section>
  );
}

/** The landing page: what the deployment offers, a live demo, how it works, a comparison, FAQ. */
export default function Landing() {
  const { demo } = useLoaderData<typeof loader>();
  const { branding, publicOrigin } = useSite();
  const name = branding.name;
  const embed = [
    `<script type="module" src="${publicOrigin}/widgets/portico.js"></script>`,
    `<auth-login tenant="your-app"></auth-login>`,
  ].join("\n");
  return (
    <>
      <SiteHeader />
      <main>
        <div className="mx-auto max-w-6xl px-4 pt-16 pb-10 sm:pt-24">
          <h1 className="max-w-3xl text-4xl font-extrabold tracking-tight text-balance sm:text-5xl">
            {withName(HERO.title, name)}
          </h1>
          <p className="mt-5 max-w-2xl text-lg text-muted">{withName(HERO.lead, name)}</p>
          <div className="mt-8 flex flex-wrap gap-3">
            <Link
              to="/sign-up"
              className="rounded-theme bg-primary px-5 py-3 font-semibold text-primary-foreground hover:opacity-90"
            >
              Get started free
            </Link>
            <Link to="/docs/quickstart" className="rounded-theme border border-border bg-card px-5 py-3 font-semibold">
              Read the quickstart
            </Link>
          </div>
        </div>

        {demo ? (
          <Section
            id="demo"
            title="Try it live"
            lead={`A real ${name} tenant: sign up for real and see what your app receives.`}
          >
            <LiveDemo tenant={demo.tenant} widget={demo.widget} />
          </Section>
        ) : null}

        <Section id="features" title="Everything sign-in needs" lead="One deployment covers every app and environment.">
          <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {FEATURES.map((feature) => (
              <li key={feature.id} className="rounded-theme border border-border bg-card p-5">
                <h3 className="font-semibold">{feature.title}</h3>
                <p className="mt-2 text-sm text-muted">{withName(feature.text, name)}</p>
              </li>
            ))}
          </ul>
        </Section>

        <Section id="how-it-works" title="How it works">
          <ol className="grid gap-4 md:grid-cols-3">
            {STEPS.map((step, index) => (
              <li key={step.title} className="rounded-theme border border-border bg-card p-5">
                <p className="text-sm font-semibold text-primary">Step {index + 1}</p>
                <h3 className="mt-1 font-semibold">{step.title}</h3>
                <p className="mt-2 text-sm text-muted">{step.text}</p>
              </li>
            ))}
          </ol>
          <p className="mt-8 font-semibold">The embed, in two lines:</p>
          <pre className="mt-3 overflow-x-auto rounded-theme border border-border bg-card p-4 text-sm">
            <code>{embed}</code>
          </pre>
        </Section>

        <Section id="compare" title={`${name} and hosted services`} lead="The facts that decide it.">
          <div className="overflow-x-auto rounded-theme border border-border bg-card">
            <table className="w-full min-w-[40rem] text-left text-sm">
              <caption className="sr-only">{`${name} compared with Clerk and Auth0`}</caption>
              <thead>
                <tr className="border-b border-border">
                  <th scope="col" className="px-4 py-3">
                    <span className="sr-only">Aspect</span>
                  </th>
                  {COMPARISON.columns.map((column) => (
                    <th key={column} scope="col" className="px-4 py-3 font-semibold">
                      {withName(column, name)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {COMPARISON.rows.map((row) => (
                  <tr key={row.label} className="border-b border-border last:border-0">
                    <th scope="row" className="px-4 py-3 font-semibold">
                      {row.label}
                    </th>
                    {row.cells.map((cell) => (
                      <td key={cell.value} className={`px-4 py-3 ${cell.good ? "font-medium" : "text-muted"}`}>
                        {cell.value}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="mt-3 text-xs text-muted">
            From each vendor&apos;s public documentation and pricing pages; check them for their current terms.
          </p>
        </Section>

        <Section id="faq" title="Questions">
          <dl className="grid gap-6 md:grid-cols-2">
            {FAQ.map((item) => (
              <div key={item.question}>
                <dt className="font-semibold">{withName(item.question, name)}</dt>
                <dd className="mt-1 text-sm text-muted">{withName(item.answer, name)}</dd>
              </div>
            ))}
          </dl>
        </Section>

        <div className="mx-auto max-w-6xl px-4 pb-6">
          <div className="flex flex-col items-start gap-4 rounded-theme border border-border bg-card p-8 sm:flex-row sm:items-center sm:justify-between">
            <div>
              <h2 className="text-xl font-bold">Run sign-in for your apps today.</h2>
              <p className="mt-1 text-sm text-muted">Create your account, then your first tenant in a minute.</p>
            </div>
            <Link
              to="/sign-up"
              className="rounded-theme bg-primary px-5 py-3 font-semibold text-primary-foreground hover:opacity-90"
            >
              Create your account
            </Link>
          </div>
        </div>
      </main>
      <SiteFooter />
    </>
  );
}
