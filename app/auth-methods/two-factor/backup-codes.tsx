import { Link } from "@remix-run/react";
import { useTranslate } from "~/i18n/use-translate";

/** Backup codes, shown once after set-up or regeneration, with a text file to keep them. */
export function BackupCodes({
  codes,
  tenantName,
  continueTo,
}: {
  codes: string[];
  tenantName: string;
  continueTo: string;
}) {
  const t = useTranslate();
  // A data: link downloads without JavaScript and without the codes touching the server again.
  const file = `${t("twoFactor.backupCodes.fileHeader", { tenant: tenantName })}\n\n${codes.join("\n")}\n`;
  const slug =
    tenantName
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "account";
  return (
    <>
      <h1 className="text-xl font-semibold">{t("twoFactor.backupCodes.title")}</h1>
      <p className="mt-2 text-sm text-muted">{t("twoFactor.backupCodes.intro")}</p>
      <ul
        className="mt-4 grid grid-cols-2 gap-x-4 gap-y-1 rounded-theme border border-border p-4 font-mono text-sm"
        aria-label={t("twoFactor.backupCodes.title")}
        data-testid="backup-codes"
      >
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      <a
        href={`data:text/plain;charset=utf-8,${encodeURIComponent(file)}`}
        download={`${slug}-backup-codes.txt`}
        className="mt-4 inline-block rounded-theme border border-border px-4 py-2 text-sm font-medium hover:bg-muted/10 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-primary"
      >
        {t("twoFactor.backupCodes.download")}
      </a>
      <Link
        to={continueTo}
        className="mt-6 block rounded-theme bg-primary px-4 py-2.5 text-center font-semibold text-primary-foreground hover:opacity-90 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-primary"
      >
        {t("twoFactor.backupCodes.continue")}
      </Link>
    </>
  );
}
