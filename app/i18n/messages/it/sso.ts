/** sso in it; keys and placeholders as in ../sso.ts. */
export const it = {
  "sso.link": "Accedi con single sign-on (SSO)",
  "sso.title": "Accedi con single sign-on",
  "sso.subtitle": "Inserisci la tua email di lavoro. Ti porteremo alla pagina di accesso della tua organizzazione.",
  "sso.email": "Email di lavoro",
  "sso.submit": "Continua",
  "sso.invalidEmail": "Inserisci un indirizzo email come alice@example.com.",
  "sso.noConnection":
    "Nessuna organizzazione accede con single sign-on per il dominio di questa email. Accedi in un altro modo.",
  "sso.unavailable": "La pagina di accesso della tua organizzazione non è raggiungibile al momento. Riprova tra poco.",
};
