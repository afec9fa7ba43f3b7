import { createCookieSessionStorage, redirect } from "@remix-run/node";
import { getPortico } from "~/context.server";

/**
 * One-shot messages ("Tenant created", "User banned") carried across a redirect in a
 * signed cookie and shown once by the root layout.
 */
export type Toast = { type: "success" | "error"; message: string };

function toastStorage() {
  const { env } = getPortico();
  return createCookieSessionStorage<{ toast: Toast }>({
    cookie: {
      name: "portico-toast",
      path: "/",
      httpOnly: true,
      sameSite: "lax",
      secure: env.publicUrl.protocol === "https:",
      secrets: [env.secret],
    },
  });
}

export async function redirectWithToast(url: string, toast: Toast, init?: ResponseInit): Promise<Response> {
  const storage = toastStorage();
  const session = await storage.getSession();
  session.flash("toast", toast);
  const headers = new Headers(init?.headers);
  headers.append("Set-Cookie", await storage.commitSession(session));
  return redirect(url, { ...init, headers });
}

export async function getToast(request: Request): Promise<{ toast: Toast | null; headers: Headers }> {
  const storage = toastStorage();
  const session = await storage.getSession(request.headers.get("Cookie"));
  const toast = session.get("toast") ?? null;
  const headers = new Headers();
  if (toast) headers.append("Set-Cookie", await storage.commitSession(session));
  return { toast, headers };
}
