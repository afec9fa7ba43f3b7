import { Form, useNavigation } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { Badge, Card } from "~/components/ui/layout";
import { consoleTime } from "~/components/console-time";
import type { BrandingPage } from "~/theme/editor.server";

type VersionChange = BrandingPage["history"][number]["changes"][number];

/** What a version changed from the one before it, folded: a theme has many settings. */
function VersionChanges({ version, changes }: { version: number; changes: VersionChange[] }) {
  if (changes.length === 0) return <span className="text-muted">None</span>;
  return (
    <details>
      <summary className="cursor-pointer">
        {changes.length} change{changes.length === 1 ? "" : "s"}
      </summary>
      <ul aria-label={`Changes in v${version}`} className="mt-1 flex flex-col gap-1 text-xs">
        {changes.map((change) => (
          <li key={change.path}>
            <span className="font-medium">{change.label}</span>:{" "}
            <span className="text-danger line-through">{change.from}</span> → <span>{change.to}</span>
          </li>
        ))}
      </ul>
    </details>
  );
}

/** Published versions, newest first, with rollback for admins. */
export function ThemeHistory({ loaded }: { loaded: BrandingPage }) {
  const busy = useNavigation().state !== "idle";
  return (
    <Card title="Versions">
      {loaded.history.length === 0 ? (
        <p className="text-sm text-muted">Nothing saved yet: your pages use Portico's default theme.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="text-muted">
              <tr>
                <th className="py-1 font-medium">Version</th>
                <th className="py-1 font-medium">Status</th>
                <th className="py-1 font-medium">Saved</th>
                <th className="py-1 font-medium">By</th>
                <th className="py-1 font-medium">Changes</th>
                <th className="py-1 font-medium">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {loaded.history.map((entry) => (
                <tr key={entry.version} className="border-t border-border">
                  <td className="py-2">v{entry.version}</td>
                  <td className="py-2">
                    <Badge tone={entry.status === "published" ? "success" : "neutral"}>{entry.status}</Badge>
                  </td>
                  <td className="py-2">
                    <time dateTime={entry.createdAt}>{consoleTime(entry.createdAt)}</time>
                  </td>
                  <td className="py-2 break-all">{entry.savedBy ?? "Portico"}</td>
                  <td className="py-2">
                    <VersionChanges version={entry.version} changes={entry.changes} />
                  </td>
                  <td className="py-2 text-right">
                    {entry.status === "archived" && loaded.canEdit ? (
                      <Form
                        method="post"
                        onSubmit={(event) => {
                          if (
                            loaded.draft &&
                            !window.confirm("Restoring this version discards your unpublished draft. Continue?")
                          )
                            event.preventDefault();
                        }}
                      >
                        <input type="hidden" name="version" value={entry.version} />
                        <Button name="intent" value="rollback" variant="secondary" disabled={busy}>
                          Restore v{entry.version}
                        </Button>
                      </Form>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {loaded.canEdit ? (
        <Form
          method="post"
          className="mt-4"
          onSubmit={(event) => {
            if (
              !window.confirm("Replace the draft with Portico's default theme? The live theme stays until you publish.")
            )
              event.preventDefault();
          }}
        >
          <Button name="intent" value="reset" variant="secondary" disabled={busy}>
            Reset to defaults
          </Button>
        </Form>
      ) : null}
    </Card>
  );
}
