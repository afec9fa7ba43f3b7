/** common in fr; keys and placeholders as in ../common.ts. */
export const fr = {
  "common.email": "E-mail",
  "common.password": "Mot de passe",
  "common.continue": "Continuer",
  "common.cancel": "Annuler",
  "common.or": "ou",
  "common.poweredBy": "Fourni par {name}",
};
