/** email-methods in ar; keys and placeholders as in ../email-methods.ts. */
export const ar = {
  "emailMethods.signIn.magicLink": "أرسل لي رابط تسجيل الدخول بالبريد الإلكتروني",
  "emailMethods.signIn.emailCode": "أرسل لي رمزًا بالبريد الإلكتروني",
  "emailMethods.signIn.resendVerification": "إرسال رابط تأكيد جديد",
  "emailMethods.verify.title": "أكّد بريدك الإلكتروني",
  "emailMethods.verify.verifiedTitle": "تم تأكيد عنوان بريدك الإلكتروني",
  "emailMethods.verify.verifiedBody": "شكرًا لك. حسابك جاهز.",
  "emailMethods.verify.continue": "متابعة",
  "emailMethods.verify.alreadyTitle": "سبق استخدام هذا الرابط",
  "emailMethods.verify.alreadyBody": "عنوان بريدك الإلكتروني مؤكَّد بالفعل. سجّل الدخول للمتابعة.",
  "emailMethods.verify.expiredTitle": "انتهت صلاحية هذا الرابط",
  "emailMethods.verify.expiredBody":
    "تعمل روابط التأكيد لمدة 24 ساعة. أدخل عنوان بريدك الإلكتروني وسنرسل إليك رابطًا جديدًا.",
  "emailMethods.verify.invalidTitle": "هذا الرابط لا يعمل",
  "emailMethods.verify.invalidBody":
    "الرابط غير مكتمل أو تم تغييره. أدخل عنوان بريدك الإلكتروني وسنرسل إليك رابطًا جديدًا.",
  "emailMethods.verify.pendingTitle": "تحقّق من بريدك الوارد",
  "emailMethods.verify.pendingBody":
    "أرسلنا رابط تأكيد إلى عنوان بريدك الإلكتروني. افتحه لإكمال إعداد حسابك. لم يصلك شيء؟ أرسل رابطًا جديدًا.",
  "emailMethods.verify.sentBody":
    "إذا كان لـ {email} حساب لا يزال بحاجة إلى تأكيد، فهناك رابط جديد في الطريق. يعمل لمدة 24 ساعة.",
  "emailMethods.verify.resend": "إرسال رابط جديد",
  "emailMethods.verify.signIn": "تسجيل الدخول",
  "emailMethods.account.verified": "مؤكَّد",
  "emailMethods.account.unverified": "غير مؤكَّد بعد",
  "emailMethods.account.resend": "إرسال رسالة التأكيد",
  "emailMethods.account.sent": "أرسلنا رابط تأكيد إلى {email}.",
  "emailMethods.magicLink.title": "تسجيل الدخول برابط",
  "emailMethods.magicLink.subtitle": "أدخل عنوان بريدك الإلكتروني وسنرسل إليك رابطًا يسجّل دخولك.",
  "emailMethods.magicLink.submit": "أرسل لي رابطًا بالبريد الإلكتروني",
  "emailMethods.magicLink.sentTitle": "تحقّق من بريدك الوارد",
  "emailMethods.magicLink.sentBody":
    "أرسلنا رابط تسجيل الدخول إلى {email}. يعمل مرة واحدة وتنتهي صلاحيته خلال {minutes, plural, one {دقيقة واحدة} two {دقيقتين} few {# دقائق} many {# دقيقة} other {# دقيقة}}. يمكنك إغلاق هذه الصفحة.",
  "emailMethods.magicLink.failedTitle": "لم يعد رابط تسجيل الدخول هذا يعمل",
  "emailMethods.magicLink.failedBody":
    "تعمل روابط تسجيل الدخول مرة واحدة وتنتهي صلاحيتها بعد بضع دقائق. أدخل عنوان بريدك الإلكتروني للحصول على رابط جديد.",
  "emailMethods.magicLink.signUpClosed": "لا يوجد حساب لعنوان البريد الإلكتروني هذا، ولا يمكن إنشاء حسابات جديدة هنا.",
  "emailMethods.backToSignIn": "العودة إلى تسجيل الدخول",
  "emailMethods.useAnotherEmail": "استخدم عنوان بريد إلكتروني آخر",
  "emailMethods.code.title": "تسجيل الدخول برمز",
  "emailMethods.code.subtitle": "أدخل عنوان بريدك الإلكتروني وسنرسل إليك رمزًا لمرة واحدة.",
  "emailMethods.code.submitEmail": "أرسل لي رمزًا بالبريد الإلكتروني",
  "emailMethods.code.enterTitle": "أدخل الرمز",
  "emailMethods.code.enterBody":
    "إذا كان بإمكان {email} تسجيل الدخول هنا، فهناك رمز مكوّن من {length} أرقام في الطريق. تنتهي صلاحيته خلال {minutes, plural, one {دقيقة واحدة} two {دقيقتين} few {# دقائق} many {# دقيقة} other {# دقيقة}}.",
  "emailMethods.code.label": "رمز لمرة واحدة",
  "emailMethods.code.submitCode": "تسجيل الدخول",
  "emailMethods.code.wrong":
    "هذا الرمز غير صحيح. {remaining, plural, one {تبقّت محاولة واحدة} two {تبقّت محاولتان} few {تبقّت # محاولات} many {تبقّت # محاولة} other {تبقّت # محاولة}}.",
  "emailMethods.code.wrongLast": "هذا الرمز غير صحيح. تبقّت محاولة واحدة.",
  "emailMethods.code.tooMany": "رموز خاطئة كثيرة جدًا. لم يعد هذا الرمز صالحًا: اطلب رمزًا جديدًا.",
  "emailMethods.code.expired": "انتهت صلاحية هذا الرمز. اطلب رمزًا جديدًا.",
  "emailMethods.code.format": "أدخل الرمز المكوّن من {length} أرقام من البريد الإلكتروني.",
  "emailMethods.code.startOver": "الحصول على رمز جديد",
};
