/** common in it; keys and placeholders as in ../common.ts. */
export const it = {
  "common.email": "Email",
  "common.password": "Password",
  "common.continue": "Continua",
  "common.cancel": "Annulla",
  "common.or": "oppure",
  "common.poweredBy": "Con tecnologia {name}",
};
