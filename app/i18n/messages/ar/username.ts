/** username in ar; keys and placeholders as in ../username.ts. */
export const ar = {
  "username.label": "اسم المستخدم",
  "username.hint":
    "من {min} إلى {max, plural, one {حرف واحد} two {حرفين} few {# أحرف} many {# حرفًا} other {# حرف}}: أحرف لاتينية وأرقام و_ و. فقط.",
  "username.identifier": "البريد الإلكتروني أو اسم المستخدم",
  "username.error.required": "اختر اسم مستخدم.",
  "username.error.invalid": "استخدم الأحرف اللاتينية والأرقام والشرطات السفلية (_) والنقاط (.) فقط.",
  "username.error.taken": "اسم المستخدم هذا مستخدم بالفعل. اختر اسمًا آخر.",
  "username.error.invalidCredentials": "اسم المستخدم أو البريد الإلكتروني أو كلمة المرور غير صحيحة.",
  "username.error.identifierRequired": "أدخل عنوان بريدك الإلكتروني أو اسم المستخدم.",
};
