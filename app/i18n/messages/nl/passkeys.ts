/** passkeys in nl; keys and placeholders as in ../passkeys.ts. */
export const nl = {
  "passkeys.signIn.button": "Inloggen met een passkey",
  "passkeys.signIn.pending": "Wachten op je passkey…",
  "passkeys.errors.cancelled":
    "Het passkeyverzoek is geannuleerd of verlopen. Probeer het opnieuw of log op een andere manier in.",
  "passkeys.errors.unknownPasskey":
    "Deze passkey hoort niet bij een account bij {tenant}. Gebruik een passkey die je hier hebt aangemaakt, of log op een andere manier in.",
  "passkeys.errors.failed":
    "We konden deze passkey niet verifiëren. Probeer het opnieuw of log op een andere manier in.",
  "passkeys.errors.expired": "Het passkeyverzoek is verlopen. Probeer het opnieuw.",
  "passkeys.errors.alreadyRegistered": "Dit apparaat heeft al een passkey voor je account.",
  "passkeys.errors.reauthenticate": "Log voor je veiligheid opnieuw in voordat je een passkey toevoegt.",
  "passkeys.errors.unsupported": "Deze browser kan geen passkeys gebruiken.",
  "passkeys.errors.nameRequired": "Geef de passkey een naam (maximaal 64 tekens).",
  "passkeys.errors.notFound": "Die passkey bestaat niet meer.",
  "passkeys.account.title": "Passkeys",
  "passkeys.account.intro": "Log in met je vingerafdruk, gezicht of schermvergrendeling in plaats van een wachtwoord.",
  "passkeys.account.none": "Je hebt nog geen passkeys.",
  "passkeys.account.add": "Passkey toevoegen",
  "passkeys.account.adding": "Volg de aanwijzingen van je browser…",
  "passkeys.account.added": "Passkey toegevoegd.",
  "passkeys.account.renamed": "Passkey hernoemd.",
  "passkeys.account.deleted": "Passkey verwijderd.",
  "passkeys.account.unnamed": "Passkey",
  "passkeys.account.created": "Toegevoegd op {date}",
  "passkeys.account.synced": "Gesynchroniseerde passkey",
  "passkeys.account.deviceBound": "Alleen dit apparaat",
  "passkeys.account.name": "Naam van {name}",
  "passkeys.account.rename": "Hernoemen",
  "passkeys.account.delete": "{name} verwijderen",
  "passkeys.account.needsJavaScript": "Voor het toevoegen van een passkey is JavaScript nodig in deze browser.",
};
