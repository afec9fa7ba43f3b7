import { Form, Link, useNavigation } from "@remix-run/react";
import { useEffect, useState } from "react";
import { FormField } from "~/components/form-field";
import { Button } from "~/components/ui/button";
import { CheckboxField } from "~/components/ui/checkbox-field";
import { Card } from "~/components/ui/layout";

/**
 * The user list's search and filters (a GET form: the URL holds them, so a filtered list can
 * be bookmarked and paged), and the confirmation of a bulk action.
 */
export type ListFilters = {
  q: string;
  banned: boolean;
  unverified: boolean;
  twoFactor: boolean;
  signedInSince: string;
};

export function SearchAndFilters({ slug, filters }: { slug: string; filters: ListFilters }) {
  const searching = useNavigation().state === "loading";
  const active = filters.q || filters.banned || filters.unverified || filters.twoFactor || filters.signedInSince;
  return (
    <Form method="get" role="search" className="mb-4 flex flex-col gap-3">
      <div className="flex flex-wrap items-end gap-2">
        <div className="min-w-0 flex-1">
          <FormField
            label="Search users"
            name="q"
            type="search"
            defaultValue={filters.q}
            placeholder="Email, name or username"
            maxLength={100}
          />
        </div>
        <Button variant="secondary" disabled={searching}>
          Search
        </Button>
        {active ? (
          <Link
            to={`/admin/${slug}/users`}
            className="inline-flex items-center px-2 py-2 text-sm text-primary hover:underline"
          >
            Clear
          </Link>
        ) : null}
      </div>
      <fieldset className="flex flex-wrap items-end gap-x-6 gap-y-3">
        <legend className="sr-only">Filters</legend>
        <CheckboxField label="Banned" name="banned" value="true" defaultChecked={filters.banned} />
        <CheckboxField
          label="Unverified email"
          name="emailVerified"
          value="false"
          defaultChecked={filters.unverified}
        />
        <CheckboxField label="Has two-factor" name="twoFactorEnabled" value="true" defaultChecked={filters.twoFactor} />
        <FormField label="Signed in since" name="signedInSince" type="date" defaultValue={filters.signedInSince} />
      </fieldset>
    </Form>
  );
}

/** Ticks or clears every row checkbox of the form; shown once JavaScript runs (it needs it). */
export function SelectAllOnPage({ form }: { form: string }) {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  if (!hydrated) return <span className="sr-only">Select</span>;
  return (
    <input
      type="checkbox"
      aria-label="Select all on page"
      className="h-4 w-4 accent-primary"
      onChange={(event) => {
        const boxes = document.querySelectorAll<HTMLInputElement>(`#${form} input[name="userId"]`);
        for (const box of boxes) box.checked = event.currentTarget.checked;
      }}
    />
  );
}

export function BulkConfirm({
  action,
  verb,
  users,
  cancel,
}: {
  action: string;
  verb: string;
  users: { id: string; email: string }[];
  cancel: string;
}) {
  const count = `${users.length} ${users.length === 1 ? "user" : "users"}`;
  return (
    <Card title={`${verb} ${count}?`} className="mb-4 border-danger">
      <Form method="post" className="flex flex-col gap-3">
        <input type="hidden" name="intent" value="bulk" />
        <input type="hidden" name="bulkAction" value={action} />
        <input type="hidden" name="confirmed" value="yes" />
        {users.map((user) => (
          <input key={user.id} type="hidden" name="userId" value={user.id} />
        ))}
        <ul className="max-h-48 overflow-y-auto text-sm">
          {users.map((user) => (
            <li key={user.id}>{user.email}</li>
          ))}
        </ul>
        <p className="text-sm text-muted">
          {action === "delete"
            ? "Deleting cannot be undone."
            : action === "ban"
              ? "They cannot sign in until unbanned, and are signed out everywhere."
              : "They must sign in again on every device."}
        </p>
        <div className="flex flex-wrap items-center gap-3">
          <Button variant="danger">
            {verb} {count}
          </Button>
          <Link to={cancel} className="text-sm text-primary hover:underline">
            Cancel
          </Link>
        </div>
      </Form>
    </Card>
  );
}
