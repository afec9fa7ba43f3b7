/** sessions in nl; keys and placeholders as in ../sessions.ts. */
export const nl = {
  "sessions.title": "Accounts in deze browser",
  "sessions.subtitle": "Wissel tussen de accounts die hier zijn ingelogd zonder opnieuw in te loggen.",
  "sessions.listLabel": "Ingelogde accounts",
  "sessions.current": "huidig",
  "sessions.switch": "Wisselen",
  "sessions.switchTo": "Wisselen naar {email}",
  "sessions.signOut": "Uitloggen",
  "sessions.signOutOf": "Uitloggen bij {email}",
  "sessions.addAccount": "Nog een account toevoegen",
  "sessions.limitReached":
    "In één browser kunnen maximaal {maximum, plural, one {# account} other {# accounts}} ingelogd zijn.",
  "sessions.addingTitle": "Nog een account toevoegen",
  "sessions.addingText": "Je blijft ingelogd op je huidige account; wissel ertussen op je accountpagina.",
  "sessions.backToAccount": "Terug naar je account",
  "sessions.failed": "Kon niet van account wisselen",
  "sessions.error.notSignedIn": "Dat account is niet meer ingelogd in deze browser.",
};
