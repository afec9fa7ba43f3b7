import type { MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";

export const meta: MetaFunction = () => [
  { title: "Portico – self-hosted, white-label authentication" },
  {
    name: "description",
    content: "Branded sign-in pages, widgets, JWTs and webhooks for every app you run, on your own servers.",
  },
];

export default function Index() {
  return (
    <main className="mx-auto flex min-h-screen max-w-2xl flex-col justify-center gap-6 p-8">
      <h1 className="text-4xl font-bold tracking-tight">Portico</h1>
      <p className="text-lg text-muted">
        Self-hosted, white-label authentication: branded sign-in pages, embeddable widgets, JWTs and webhooks for every
        app you run, on servers you own.
      </p>
      <p>
        <Link
          to="/t/demo/sign-in"
          className="rounded-theme bg-primary px-4 py-2.5 font-semibold text-primary-foreground"
        >
          Try the demo sign-in
        </Link>
      </p>
    </main>
  );
}
