/** widgets in nl; keys and placeholders as in ../widgets.ts. */
export const nl = {
  "embed.title": "Inlogwidgets voor {name}",
  "embed.intro":
    "Voeg inloggen toe aan elke pagina van jezelf met twee regels HTML: laad de module en plaats een widget. Ze volgen het thema en de taal van deze tenant.",
  "embed.live": "Live",
  "embed.snippet": "Kopiëren en plakken",
  "embed.login.title": "Inlogformulier",
  "embed.login.text": "Elke inlogmethode die deze tenant aan heeft staan, registreren en wachtwoord resetten.",
  "embed.button.title": "Gebruikersknop",
  "embed.button.text":
    "Een avatar met een menu als je bent ingelogd; anders een knop die het inlogformulier in een dialoogvenster opent.",
  "embed.profile.title": "Profiel",
  "embed.profile.text":
    "Naam, e-mailadres, wachtwoord, passkeys, status van tweestapsverificatie en sessies van de ingelogde gebruiker.",
  "embed.api.title": "Vanuit je code",
  "embed.api.text": "Stuur de kortlevende JWT naar je backend, die hem controleert met de sleutels van deze tenant:",
  "embed.origins":
    "Voeg de origin van je site toe aan de vertrouwde origins van de tenant (Instellingen): dat zet ook de Bearer-tokens aan die de tokenmodus, de standaard, nodig heeft. Deze pagina toont de widgets in cookiemodus omdat het de eigen site van Portico is.",
  "embed.docs": "Elk attribuut, event, part en elke CSS-variabele: docs/widgets.md.",
};
