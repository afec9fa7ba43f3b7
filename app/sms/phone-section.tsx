import { Link, useSearchParams } from "@remix-run/react";
import { useTranslate } from "~/i18n/use-translate";

/** The account page's phone number: the verified number (or none) and a link to add or change it. */
export function PhoneNumberSection({
  basePath,
  phone,
}: {
  basePath: string;
  /** Null when the tenant has phone numbers off. */
  phone: { phone: string | null; verified: boolean } | null;
}) {
  const t = useTranslate();
  const [searchParams] = useSearchParams();
  if (!phone) return null;
  return (
    <section className="mt-8 border-t border-border pt-6" aria-labelledby="phone-number-heading">
      <h2 id="phone-number-heading" className="font-semibold">
        {t("phone.account.title")}
      </h2>
      {searchParams.get("phone") === "verified" && phone.phone ? (
        <p role="status" className="mt-3 rounded-theme border border-border px-3 py-2 text-sm">
          {t("phone.account.saved", { phone: phone.phone })}
        </p>
      ) : null}
      <p className="mt-2 text-sm" data-testid="account-phone">
        {phone.phone ? (
          <>
            {phone.phone}
            {phone.verified ? <span className="ml-2 text-muted">({t("phone.account.verified")})</span> : null}
          </>
        ) : (
          <span className="text-muted">{t("phone.account.none")}</span>
        )}
      </p>
      <Link
        to={`${basePath}/account/phone`}
        className="mt-3 inline-block text-sm font-medium text-primary underline-offset-4 hover:underline"
      >
        {t(phone.phone ? "phone.account.change" : "phone.account.add")}
      </Link>
    </section>
  );
}
