/** common in nl; keys and placeholders as in ../common.ts. */
export const nl = {
  "common.email": "E-mail",
  "common.password": "Wachtwoord",
  "common.continue": "Doorgaan",
  "common.cancel": "Annuleren",
  "common.or": "of",
  "common.poweredBy": "Mogelijk gemaakt door {name}",
};
