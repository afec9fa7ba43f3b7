import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import { requireTenantRole } from "~/admin/access.server";
import { roleAtLeast } from "~/admin/roles";
import {
  AUTH_METHOD_CATEGORIES,
  AUTH_METHOD_IDS,
  AUTH_METHODS,
  authMethodSecretName,
  type AuthMethodDefinition,
  type AuthMethodId,
} from "~/auth-methods/catalog";
import { saveAuthMethodSettings, toggleAuthMethod } from "~/auth-methods/console.server";
import { SecretField, SocialSetup } from "~/auth-methods/social/console-parts";
import { storedAuthMethodSecrets, tenantAuthBaseUrls } from "~/auth-methods/social/console.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormError, FormField } from "~/components/form-field";
import { Button } from "~/components/ui/button";
import { CheckboxField } from "~/components/ui/checkbox-field";
import { SelectField } from "~/components/ui/select-field";
import { Badge, Card, PageHeader } from "~/components/ui/layout";
import { Switch } from "~/components/ui/switch";
import { redirectWithToast } from "~/http/toast.server";
import { readForm } from "~/http/read-form.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { tenant, role } = await requireTenantRole(request, params.tenant, "viewer");
  return {
    slug: tenant.slug,
    methods: tenant.config.authMethods,
    canEdit: roleAtLeast(role, "admin"),
    // Which secret settings are stored (never their values), and where provider callbacks go.
    secretsSet: await storedAuthMethodSecrets(tenant.id),
    authBaseUrls: tenantAuthBaseUrls(tenant),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireTenantRole(request, params.tenant, "admin");
  const form = await readForm(request);
  const intent = form.get("intent");
  const result =
    intent === "toggle"
      ? await toggleAuthMethod(access, request, form)
      : intent === "settings"
        ? await saveAuthMethodSettings(access, request, form)
        : null;
  if (!result) throw new Response("Unknown action.", { status: 400 });
  if (!result.ok) return data(result, { status: 400 });
  return redirectWithToast(`/admin/${access.tenant.slug}/auth-methods`, { type: "success", message: result.message });
}

export default function AuthMethods() {
  const { methods, canEdit } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title="Auth methods"
        description="Switch sign-in methods and features on or off. Changes reach the hosted pages, widgets and config.json within a second."
      />
      {canEdit ? null : (
        <p className="mb-4 rounded-theme border border-border bg-card px-4 py-3 text-sm text-muted">
          You have read-only access: only admins and owners can change auth methods.
        </p>
      )}
      <div className="flex flex-col gap-8">
        {AUTH_METHOD_CATEGORIES.map((category) => {
          const available = AUTH_METHOD_IDS.filter((id) => AUTH_METHODS[id].category === category);
          if (available.length === 0) return null;
          return (
            <section key={category} aria-labelledby={`category-${category}`}>
              <h2 id={`category-${category}`} className="mb-3 text-lg font-semibold">
                {category}
              </h2>
              <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
                {available.map((id) => (
                  <MethodCard key={id} id={id} stored={methods[id]} methods={methods} canEdit={canEdit} />
                ))}
              </div>
            </section>
          );
        })}
      </div>
    </>
  );
}

function MethodHeading({ label, badge, children }: { label: string; badge: ReactNode; children: ReactNode }) {
  return (
    <div className="mb-2 flex items-start justify-between gap-3">
      <h3 className="flex flex-wrap items-center gap-2 font-semibold">
        {label} {badge}
      </h3>
      {children}
    </div>
  );
}

type StoredMethods = ReturnType<typeof useLoaderData<typeof loader>>["methods"];

function MethodCard({
  id,
  stored,
  methods,
  canEdit,
}: {
  id: AuthMethodId;
  stored: Record<string, unknown> & { enabled: boolean };
  methods: StoredMethods;
  canEdit: boolean;
}) {
  const method = AUTH_METHODS[id] as AuthMethodDefinition;
  const { secretsSet, authBaseUrls } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failure = result && !result.ok && result.methodId === id ? result : null;
  const busy = useNavigation().state === "submitting";
  const dependents = AUTH_METHOD_IDS.filter((other) =>
    (AUTH_METHODS[other].dependsOn as readonly string[]).includes(id),
  );
  const missing = method.dependsOn.filter((dependency) => !methods[dependency].enabled);
  return (
    <Card>
      <MethodHeading
        label={method.label}
        badge={<Badge tone={stored.enabled ? "success" : "neutral"}>{stored.enabled ? "On" : "Off"}</Badge>}
      >
        <Form method="post">
          <input type="hidden" name="intent" value="toggle" />
          <input type="hidden" name="method" value={id} />
          <input type="hidden" name="enabled" value={String(!stored.enabled)} />
          <Switch checked={stored.enabled} label={method.label} disabled={!canEdit || busy} />
        </Form>
      </MethodHeading>
      <p className="text-sm text-muted">{method.description}</p>
      <SocialSetup
        id={id}
        stored={stored}
        secretSet={Boolean(secretsSet[authMethodSecretName(id, "clientSecret")])}
        authBaseUrls={authBaseUrls}
      />
      {method.dependsOn.length > 0 ? (
        <p className="mt-2 text-sm">
          Needs {method.dependsOn.map((dependency) => AUTH_METHODS[dependency].label).join(" and ")}
          {missing.length > 0 ? " (currently off)." : "."}
        </p>
      ) : null}
      {dependents.length > 0 ? (
        <p className="mt-2 text-sm text-muted">
          {dependents.map((dependent) => AUTH_METHODS[dependent].label).join(" and ")} need
          {dependents.length > 1 ? "" : "s"} this.
        </p>
      ) : null}
      {failure?.formError ? (
        <div className="mt-3">
          <FormError message={failure.formError} />
        </div>
      ) : null}
      {method.fields.length > 0 ? (
        <Form method="post" className="mt-4 border-t border-border pt-4" aria-label={`${method.label} settings`}>
          <input type="hidden" name="intent" value="settings" />
          <input type="hidden" name="method" value={id} />
          <fieldset disabled={!canEdit} className="flex flex-col gap-3">
            <legend className="sr-only">{method.label} settings</legend>
            {method.fields.map((field) =>
              field.kind === "boolean" ? (
                <CheckboxField
                  key={field.name}
                  name={field.name}
                  label={field.label}
                  hint={field.hint}
                  defaultChecked={Boolean(stored[field.name])}
                  error={failure?.fieldErrors?.[field.name]}
                />
              ) : field.kind === "select" ? (
                <SelectField
                  key={field.name}
                  name={field.name}
                  label={field.label}
                  hint={field.hint}
                  options={field.options ?? []}
                  defaultValue={failure?.values?.[field.name] ?? String(stored[field.name])}
                  error={failure?.fieldErrors?.[field.name]}
                />
              ) : field.kind === "secret" ? (
                <SecretField
                  key={field.name}
                  name={field.name}
                  label={field.label}
                  hint={field.hint}
                  isSet={Boolean(secretsSet[authMethodSecretName(id, field.name)])}
                  error={failure?.fieldErrors?.[field.name]}
                />
              ) : (
                <FormField
                  key={field.name}
                  name={field.name}
                  label={field.label}
                  hint={field.hint}
                  inputMode={field.kind === "number" ? "numeric" : undefined}
                  defaultValue={failure?.values?.[field.name] ?? String(stored[field.name])}
                  error={failure?.fieldErrors?.[field.name]}
                />
              ),
            )}
            <div>
              <Button variant="secondary">Save {method.label.toLowerCase()} settings</Button>
            </div>
          </fieldset>
        </Form>
      ) : null}
    </Card>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
