/** username in pl; keys and placeholders as in ../username.ts. */
export const pl = {
  "username.label": "Nazwa użytkownika",
  "username.hint":
    "Od {min} do {max, plural, one {# znaku} few {# znaków} many {# znaków} other {# znaku}}: tylko litery, cyfry, _ i .",
  "username.identifier": "E-mail lub nazwa użytkownika",
  "username.error.required": "Wybierz nazwę użytkownika.",
  "username.error.invalid": "Używaj tylko liter, cyfr, podkreśleń (_) i kropek (.).",
  "username.error.taken": "Ta nazwa użytkownika jest już zajęta. Wybierz inną.",
  "username.error.invalidCredentials": "Nieprawidłowa nazwa użytkownika, e-mail lub hasło.",
  "username.error.identifierRequired": "Podaj adres e-mail lub nazwę użytkownika.",
};
