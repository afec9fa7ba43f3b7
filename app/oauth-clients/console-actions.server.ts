import { data } from "@remix-run/node";
import { adminActor, type ConsoleAccess } from "~/admin/access.server";
import type { FormErrors } from "~/http/forms";
import { readForm } from "~/http/read-form.server";
import { redirectWithToast } from "~/http/toast.server";
import type { LiveTenant } from "~/tenancy/registry.server";
import { requireLiveTenant } from "~/users/tenant-users.server";
import {
  createOAuthClient,
  deleteOAuthClient,
  OAuthClientError,
  OAuthProviderUnavailableError,
  rotateOAuthClientSecret,
  setOAuthClientEnabled,
  updateOAuthClient,
  type OAuthClientActor,
} from "./clients.server";
import { formErrorsOf, readClientForm, type ClientFormInput } from "./forms.server";

/**
 * The console's actions on the Applications pages: one small function per form intent, each
 * through the capability (which audits). A secret is only ever in an action's answer.
 */
export type ClientActionResult = {
  intent: string;
  errors?: FormErrors;
  /** What was sent, to show again beside the errors. */
  values?: ClientFormInput;
  /** Shown once: after create, rotate, or a switch to a secret method. */
  secret?: { clientId: string; name: string; value: string } | null;
};

const listPath = (access: ConsoleAccess) => `/admin/${access.tenant.slug}/oauth-clients`;
const clientPath = (access: ConsoleAccess, clientId: string) => `${listPath(access)}/${encodeURIComponent(clientId)}`;

const failure = (intent: string, errors: FormErrors, values?: ClientFormInput, status = 400) =>
  data<ClientActionResult>({ intent, errors, values }, { status });

/** Runs one intent; refusals become form errors (or a 404 for a client that is not here). */
async function guarded<T>(intent: string, run: () => Promise<T>, values?: ClientFormInput) {
  try {
    return await run();
  } catch (error) {
    if (error instanceof OAuthClientError) {
      if (error.code === "not_found") throw new Response(error.message, { status: 404 });
      return failure(intent, formErrorsOf(error), values, error.code === "invalid_input" ? 400 : 409);
    }
    if (error instanceof OAuthProviderUnavailableError) return failure(intent, { form: error.message }, undefined, 409);
    throw error;
  }
}

export async function clientListAction(access: ConsoleAccess, request: Request) {
  const form = await readForm(request);
  if (form.get("intent") !== "create") throw new Response("Unknown action.", { status: 400 });
  const parsed = readClientForm(form);
  if (parsed.errors) return failure("create", parsed.errors, parsed.input);
  const live = await requireLiveTenant(access);
  return guarded(
    "create",
    async () => {
      const { client, clientSecret } = await createOAuthClient(live, adminActor(access, request), parsed.input);
      // A client without a secret has nothing to show once: its page is the next step.
      if (!clientSecret)
        return redirectWithToast(clientPath(access, client.clientId), {
          type: "success",
          message: "Application created.",
        });
      return data<ClientActionResult>({
        intent: "create",
        secret: { clientId: client.clientId, name: client.name, value: clientSecret },
      });
    },
    parsed.input,
  );
}

type Target = { access: ConsoleAccess; live: LiveTenant; who: OAuthClientActor; clientId: string };

export async function clientPageAction(access: ConsoleAccess, request: Request, clientId: string) {
  const form = await readForm(request);
  const intent = String(form.get("intent") ?? "");
  const target = { access, clientId, live: await requireLiveTenant(access), who: adminActor(access, request) };
  switch (intent) {
    case "update":
      return updateAction(target, form);
    case "rotate":
      return guarded(intent, () => rotateAction(target));
    case "enable":
    case "disable":
      return guarded(intent, () => toggleAction(target, intent === "enable"));
    case "delete":
      return guarded(intent, () => deleteAction(target));
    default:
      throw new Response("Unknown action.", { status: 400 });
  }
}

async function updateAction({ access, live, who, clientId }: Target, form: FormData) {
  const { input, errors } = readClientForm(form);
  if (errors) return failure("update", errors, input);
  return guarded(
    "update",
    async () => {
      const { client, clientSecret } = await updateOAuthClient(live, who, { clientId, changes: input });
      if (clientSecret)
        return data<ClientActionResult>({
          intent: "update",
          secret: { clientId, name: client.name, value: clientSecret },
        });
      return redirectWithToast(clientPath(access, clientId), { type: "success", message: "Application saved." });
    },
    input,
  );
}

async function rotateAction({ live, who, clientId }: Target) {
  const { client, clientSecret } = await rotateOAuthClientSecret(live, who, { clientId });
  return data<ClientActionResult>({ intent: "rotate", secret: { clientId, name: client.name, value: clientSecret } });
}

async function toggleAction({ access, live, who, clientId }: Target, enabled: boolean) {
  const client = await setOAuthClientEnabled(live, who, { clientId, enabled });
  return redirectWithToast(clientPath(access, clientId), {
    type: "success",
    message: client.enabled ? "Application enabled." : "Application disabled; its token requests are refused.",
  });
}

async function deleteAction({ access, live, who, clientId }: Target) {
  const client = await deleteOAuthClient(live, who, { clientId });
  return redirectWithToast(listPath(access), {
    type: "success",
    message: `${client.name} was deleted with its tokens.`,
  });
}
