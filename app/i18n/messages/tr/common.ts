/** common in tr; keys and placeholders as in ../common.ts. */
export const tr = {
  "common.email": "E-posta",
  "common.password": "Şifre",
  "common.continue": "Devam",
  "common.cancel": "İptal",
  "common.or": "veya",
  "common.poweredBy": "{name} tarafından desteklenmektedir",
};
