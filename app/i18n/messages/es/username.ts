/** username in es; keys and placeholders as in ../username.ts. */
export const es = {
  "username.label": "Nombre de usuario",
  "username.hint": "De {min} a {max, plural, one {# carácter} other {# caracteres}}: solo letras, dígitos, _ y .",
  "username.identifier": "Correo electrónico o nombre de usuario",
  "username.error.required": "Elige un nombre de usuario.",
  "username.error.invalid": "Usa solo letras, dígitos, guiones bajos (_) y puntos (.).",
  "username.error.taken": "Este nombre de usuario ya está en uso. Elige otro.",
  "username.error.invalidCredentials": "Nombre de usuario, correo electrónico o contraseña incorrectos.",
  "username.error.identifierRequired": "Introduce tu correo electrónico o tu nombre de usuario.",
};
