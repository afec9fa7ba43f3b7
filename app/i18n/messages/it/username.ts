/** username in it; keys and placeholders as in ../username.ts. */
export const it = {
  "username.label": "Nome utente",
  "username.hint": "Da {min} a {max, plural, one {# carattere} other {# caratteri}}: solo lettere, cifre, _ e .",
  "username.identifier": "Email o nome utente",
  "username.error.required": "Scegli un nome utente.",
  "username.error.invalid": "Usa solo lettere, cifre, trattini bassi (_) e punti (.).",
  "username.error.taken": "Questo nome utente è già in uso. Scegline un altro.",
  "username.error.invalidCredentials": "Nome utente, email o password non corretti.",
  "username.error.identifierRequired": "Inserisci il tuo indirizzo email o nome utente.",
};
