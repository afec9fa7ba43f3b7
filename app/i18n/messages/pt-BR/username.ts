/** username in pt-BR; keys and placeholders as in ../username.ts. */
export const ptBR = {
  "username.label": "Nome de usuário",
  "username.hint": "De {min} a {max, plural, one {# caractere} other {# caracteres}}: apenas letras, dígitos, _ e .",
  "username.identifier": "E-mail ou nome de usuário",
  "username.error.required": "Escolha um nome de usuário.",
  "username.error.invalid": "Use apenas letras, dígitos, sublinhados (_) e pontos (.).",
  "username.error.taken": "Este nome de usuário já está em uso. Escolha outro.",
  "username.error.invalidCredentials": "Nome de usuário, e-mail ou senha incorretos.",
  "username.error.identifierRequired": "Informe seu e-mail ou nome de usuário.",
};
