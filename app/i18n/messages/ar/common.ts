/** common in ar; keys and placeholders as in ../common.ts. */
export const ar = {
  "common.email": "البريد الإلكتروني",
  "common.password": "كلمة المرور",
  "common.continue": "متابعة",
  "common.cancel": "إلغاء",
  "common.or": "أو",
  "common.poweredBy": "مقدَّم من {name}",
};
