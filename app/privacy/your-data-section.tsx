import { Link } from "@remix-run/react";
import { useTranslate } from "~/i18n/use-translate";

/** The account page's "Your data": download it (a plain link, so no JavaScript is needed) or delete the account. */
export function YourDataSection({ basePath }: { basePath: string }) {
  const t = useTranslate();
  return (
    <section className="mt-8 border-t border-border pt-6" aria-labelledby="your-data-heading">
      <h2 id="your-data-heading" className="font-semibold">
        {t("privacy.title")}
      </h2>
      <p className="mt-1 text-sm text-muted">{t("privacy.intro")}</p>
      <div className="mt-3 flex flex-wrap gap-4 text-sm">
        <a
          href={`${basePath}/account/export`}
          download
          className="font-medium text-primary underline-offset-4 hover:underline"
        >
          {t("privacy.download")}
        </a>
        <Link to={`${basePath}/account/delete`} className="font-medium text-danger underline-offset-4 hover:underline">
          {t("privacy.delete")}
        </Link>
      </div>
    </section>
  );
}
