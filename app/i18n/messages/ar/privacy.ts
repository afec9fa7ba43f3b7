/** privacy in ar; keys and placeholders as in ../privacy.ts. */
export const ar = {
  "privacy.title": "بياناتك",
  "privacy.intro": "نزّل كل ما نحتفظ به عنك كملف JSON، أو احذف حسابك والبيانات المرتبطة به.",
  "privacy.download": "تنزيل بياناتي",
  "privacy.delete": "حذف حسابي",
  "privacy.deleteTitle": "حذف حسابك",
  "privacy.deleteWarning":
    "يؤدي هذا إلى حذف {email} مع طرق تسجيل الدخول ومفاتيح المرور والجلسات وعضويات المؤسسات. لا يمكن التراجع عن ذلك.",
  "privacy.deletePassword": "كلمة المرور",
  "privacy.deletePasswordHint": "لتأكيد هويتك.",
  "privacy.deleteFresh": "سجّلت الدخول مؤخرًا، لذا لا حاجة إلى كلمة المرور.",
  "privacy.deleteConfirm": "أفهم أن حسابي سيُحذف نهائيًا",
  "privacy.deleteSubmit": "حذف حسابي",
  "privacy.deleteCancel": "الاحتفاظ بحسابي",
  "privacy.deleted": "تم حذف حسابك.",
  "privacy.deletedText": "حُذف حسابك والبيانات المرتبطة به. يمكنك إغلاق هذه الصفحة.",
  "privacy.error.confirm": "حدّد المربع للتأكيد.",
  "privacy.error.password": "كلمة المرور هذه غير صحيحة.",
  "privacy.error.reauthenticate": "حفاظًا على أمانك، سجّل الخروج ثم سجّل الدخول مرة أخرى، ثم احذف حسابك خلال يوم واحد.",
};
