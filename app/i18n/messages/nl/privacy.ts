/** privacy in nl; keys and placeholders as in ../privacy.ts. */
export const nl = {
  "privacy.title": "Je gegevens",
  "privacy.intro":
    "Download alles wat we over je bewaren als JSON-bestand, of verwijder je account en de gegevens die erbij horen.",
  "privacy.download": "Mijn gegevens downloaden",
  "privacy.delete": "Mijn account verwijderen",
  "privacy.deleteTitle": "Je account verwijderen",
  "privacy.deleteWarning":
    "Dit verwijdert {email} met de inlogmethoden, passkeys, sessies en lidmaatschappen van organisaties. Dit kan niet ongedaan worden gemaakt.",
  "privacy.deletePassword": "Je wachtwoord",
  "privacy.deletePasswordHint": "Om te bevestigen dat jij het bent.",
  "privacy.deleteFresh": "Je bent kort geleden ingelogd, dus een wachtwoord is niet nodig.",
  "privacy.deleteConfirm": "Ik begrijp dat mijn account definitief wordt verwijderd",
  "privacy.deleteSubmit": "Mijn account verwijderen",
  "privacy.deleteCancel": "Mijn account behouden",
  "privacy.deleted": "Je account is verwijderd.",
  "privacy.deletedText": "Je account en de gegevens die erbij hoorden zijn verwijderd. Je kunt deze pagina sluiten.",
  "privacy.error.confirm": "Vink het vakje aan om te bevestigen.",
  "privacy.error.password": "Dat wachtwoord klopt niet.",
  "privacy.error.reauthenticate":
    "Log voor je veiligheid uit en opnieuw in, en verwijder daarna binnen een dag je account.",
};
