/** common in he; keys and placeholders as in ../common.ts. */
export const he = {
  "common.email": "אימייל",
  "common.password": "סיסמה",
  "common.continue": "המשך",
  "common.cancel": "ביטול",
  "common.or": "או",
  "common.poweredBy": "מופעל על ידי {name}",
};
