/** oauth in ar; keys and placeholders as in ../oauth.ts. */
export const ar = {
  "oauth.consent.pageTitle": "السماح بالوصول",
  "oauth.consent.title": "هل تسمح لـ {client} باستخدام حسابك لدى {tenant}؟",
  "oauth.consent.signedInAs": "مسجّل الدخول باسم {email}",
  "oauth.consent.wants": "يطلب {client} ما يلي:",
  "oauth.consent.redirect": "بعد ردّك ستعود إلى {host}.",
  "oauth.consent.allow": "سماح",
  "oauth.consent.deny": "رفض",
  "oauth.consent.terms": "شروط الخدمة",
  "oauth.consent.privacy": "سياسة الخصوصية",
  "oauth.scope.openid": "تأكيد هويتك",
  "oauth.scope.profile": "عرض اسمك وصورة ملفك الشخصي",
  "oauth.scope.email": "عرض عنوان بريدك الإلكتروني",
  "oauth.scope.offline_access": "البقاء متصلًا عندما لا تستخدمه",
  "oauth.scope.organizations": "عرض مؤسساتك وأدوارك فيها",
  "oauth.scope.other": "استخدام الصلاحية “{scope}”",
};
