/** auth-errors in nl; keys and placeholders as in ../auth-errors.ts. */
export const nl = {
  "authErrors.invalidCredentials": "Onjuist e-mailadres of wachtwoord.",
  "authErrors.emailNotVerified": "Bevestig je e-mailadres voordat je inlogt: open de link die we je hebben gestuurd.",
  "authErrors.tooManyAttempts": "Te veel pogingen. Wacht een minuut en probeer het dan opnieuw.",
  "authErrors.accountThrottled":
    "Te veel pogingen voor dit account. Probeer het over {seconds, plural, one {# seconde} other {# seconden}} opnieuw of log in met een link.",
  "authErrors.accountLocked":
    "Te veel mislukte pogingen voor dit account: inloggen met wachtwoord is gepauzeerd. Log in met een link of een code, of reset je wachtwoord.",
  "authErrors.busy": "Er loggen nu veel mensen in. Probeer het over een paar seconden opnieuw.",
  "authErrors.passkeyCancelled":
    "Het passkeyverzoek is geannuleerd of verlopen. Probeer het opnieuw of log op een andere manier in.",
  "authErrors.passkeyFailed":
    "We konden deze passkey niet verifiëren. Probeer het opnieuw of log op een andere manier in.",
  "authErrors.networkError": "De inlogdienst is niet bereikbaar. Controleer je verbinding en probeer het dan opnieuw.",
};
