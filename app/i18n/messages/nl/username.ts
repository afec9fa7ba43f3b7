/** username in nl; keys and placeholders as in ../username.ts. */
export const nl = {
  "username.label": "Gebruikersnaam",
  "username.hint": "{min} tot {max, plural, one {# teken} other {# tekens}}: alleen letters, cijfers, _ en .",
  "username.identifier": "E-mailadres of gebruikersnaam",
  "username.error.required": "Kies een gebruikersnaam.",
  "username.error.invalid": "Gebruik alleen letters, cijfers, underscores (_) en punten (.).",
  "username.error.taken": "Deze gebruikersnaam is al in gebruik. Kies een andere.",
  "username.error.invalidCredentials": "Onjuiste gebruikersnaam, e-mailadres of wachtwoord.",
  "username.error.identifierRequired": "Vul je e-mailadres of gebruikersnaam in.",
};
