/** sessions in ar; keys and placeholders as in ../sessions.ts. */
export const ar = {
  "sessions.title": "الحسابات على هذا المتصفح",
  "sessions.subtitle": "بدّل بين الحسابات المسجّل دخولها هنا دون تسجيل الدخول مجددًا.",
  "sessions.listLabel": "الحسابات المسجّل دخولها",
  "sessions.current": "الحالي",
  "sessions.switch": "تبديل",
  "sessions.switchTo": "التبديل إلى {email}",
  "sessions.signOut": "تسجيل الخروج",
  "sessions.signOutOf": "تسجيل الخروج من {email}",
  "sessions.addAccount": "إضافة حساب آخر",
  "sessions.limitReached":
    "يمكن تسجيل الدخول إلى {maximum, plural, one {حساب واحد} two {حسابين} few {# حسابات} many {# حسابًا} other {# حساب}} على الأكثر في متصفح واحد.",
  "sessions.addingTitle": "إضافة حساب آخر",
  "sessions.addingText": "تبقى مسجّل الدخول إلى حسابك الحالي؛ بدّل بينهما من صفحة حسابك.",
  "sessions.backToAccount": "العودة إلى حسابك",
  "sessions.failed": "تعذّر تغيير الحساب",
  "sessions.error.notSignedIn": "لم يعد هذا الحساب مسجّل الدخول على هذا المتصفح.",
};
