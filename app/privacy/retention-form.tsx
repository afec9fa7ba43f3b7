import { SettingsForm, type SettingsFailure } from "~/admin/settings-form";
import { FormField } from "~/components/form-field";
import type { TenantConfig } from "~/tenancy/config";

/** The console's data retention card: how long history is kept before the hourly job deletes it. */
export function RetentionForm({
  canEdit,
  stored,
  failure,
}: {
  canEdit: boolean;
  stored: TenantConfig["retention"];
  failure: SettingsFailure;
}) {
  return (
    <SettingsForm
      intent="retention"
      title="Data retention"
      canEdit={canEdit}
      description="Older history is deleted every hour, and each deletion is counted in the audit log (retention.pruned)."
    >
      <FormField
        label="Audit log (days)"
        name="auditLogDays"
        inputMode="numeric"
        defaultValue={failure?.values?.auditLogDays ?? String(stored.auditLogDays)}
        error={failure?.errors.auditLogDays}
        hint="1 to 3650 days."
      />
      <FormField
        label="Sent emails, text messages and webhook deliveries (days)"
        name="deliveredMessagesDays"
        inputMode="numeric"
        defaultValue={failure?.values?.deliveredMessagesDays ?? String(stored.deliveredMessagesDays)}
        error={failure?.errors.deliveredMessagesDays}
        hint="Messages still waiting to be sent are kept. 1 to 3650 days."
      />
    </SettingsForm>
  );
}
