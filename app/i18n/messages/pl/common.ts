/** common in pl; keys and placeholders as in ../common.ts. */
export const pl = {
  "common.email": "E-mail",
  "common.password": "Hasło",
  "common.continue": "Dalej",
  "common.cancel": "Anuluj",
  "common.or": "lub",
  "common.poweredBy": "Obsługiwane przez {name}",
};
