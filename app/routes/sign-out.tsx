import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { safeRedirectTarget } from "~/auth/redirect.server";
import { platformSignOut } from "~/platform/forms.server";
import { readForm } from "~/http/read-form.server";

/** Signing out is a POST (the console header's button); a visit by link changes nothing. */
export async function loader() {
  return redirect("/admin");
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  // "Sign in as someone else" (the invitation page) comes back to where it started.
  const next = safeRedirectTarget(String(form.get("redirectTo") ?? ""), {
    requestOrigin: new URL(request.url).origin,
    basePath: "",
    trustedOrigins: [],
  });
  const headers = new Headers();
  for (const cookie of await platformSignOut(request)) headers.append("Set-Cookie", cookie);
  return redirect(next ? `/sign-in?redirectTo=${encodeURIComponent(next)}` : "/sign-in", { headers });
}
