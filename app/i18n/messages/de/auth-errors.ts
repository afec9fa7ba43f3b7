/** auth-errors in de; keys and placeholders as in ../auth-errors.ts. */
export const de = {
  "authErrors.invalidCredentials": "E-Mail-Adresse oder Passwort ist falsch.",
  "authErrors.emailNotVerified":
    "Bestätigen Sie Ihre E-Mail-Adresse, bevor Sie sich anmelden: Öffnen Sie den Link, den wir Ihnen gesendet haben.",
  "authErrors.tooManyAttempts": "Zu viele Versuche. Warten Sie eine Minute und versuchen Sie es dann erneut.",
  "authErrors.accountThrottled":
    "Zu viele Versuche für dieses Konto. Versuchen Sie es in {seconds, plural, one {# Sekunde} other {# Sekunden}} erneut oder melden Sie sich mit einem Link an.",
  "authErrors.accountLocked":
    "Zu viele fehlgeschlagene Versuche für dieses Konto: Die Anmeldung mit Passwort ist pausiert. Melden Sie sich mit einem Link oder einem Code an oder setzen Sie Ihr Passwort zurück.",
  "authErrors.busy": "Gerade melden sich sehr viele an. Versuchen Sie es in ein paar Sekunden erneut.",
  "authErrors.passkeyCancelled":
    "Die Passkey-Anfrage wurde abgebrochen oder ist abgelaufen. Versuchen Sie es erneut oder melden Sie sich anders an.",
  "authErrors.passkeyFailed":
    "Dieser Passkey konnte nicht geprüft werden. Versuchen Sie es erneut oder melden Sie sich anders an.",
  "authErrors.networkError":
    "Der Anmeldedienst ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.",
};
