/** username in fr; keys and placeholders as in ../username.ts. */
export const fr = {
  "username.label": "Nom d’utilisateur",
  "username.hint":
    "De {min} à {max, plural, one {# caractère} other {# caractères}} : lettres, chiffres, _ et . uniquement.",
  "username.identifier": "E-mail ou nom d’utilisateur",
  "username.error.required": "Choisissez un nom d’utilisateur.",
  "username.error.invalid": "Utilisez uniquement des lettres, des chiffres, des tirets bas (_) et des points (.).",
  "username.error.taken": "Ce nom d’utilisateur est déjà pris. Choisissez-en un autre.",
  "username.error.invalidCredentials": "Nom d’utilisateur, e-mail ou mot de passe incorrect.",
  "username.error.identifierRequired": "Saisissez votre adresse e-mail ou votre nom d’utilisateur.",
};
