/** sign-in-protection in ar; keys and placeholders as in ../sign-in-protection.ts. */
export const ar = {
  "signInProtection.otherWays": "طرق أخرى للدخول:",
  "signInProtection.resetPassword": "إعادة تعيين كلمة المرور",
  "signInProtection.checkEmail": "تحقّق من بريدك الإلكتروني",
  "signInProtection.checkEmailText":
    "إذا كان من الممكن استخدام {email} لحساب جديد، فقد أرسلنا إليه ما يلزم للمتابعة. اتبع الرسالة للمتابعة.",
  "emails.accountThrottled.subject": "محاولات تسجيل دخول فاشلة إلى حسابك لدى {product}",
  "emails.accountThrottled.preview": "حاول أحدهم تسجيل الدخول إلى حسابك بكلمة مرور أو رمز خاطئ.",
  "emails.accountThrottled.heading": "محاولات تسجيل دخول فاشلة",
  "emails.accountThrottled.body":
    "{failures, plural, one {كانت هناك محاولة فاشلة واحدة} two {كانت هناك محاولتان فاشلتان} few {كانت هناك # محاولات فاشلة} many {كانت هناك # محاولة فاشلة} other {كانت هناك # محاولة فاشلة}} لتسجيل الدخول إلى حسابك لدى {product} ({email}) بكلمة مرور أو رمز خاطئ. سنبطّئ المحاولات التالية الآن.",
  "emails.accountThrottled.notYou":
    "إذا لم تكن أنت، فلا تزال كلمة المرور تحمي حسابك. لمزيد من الأمان، اختر كلمة مرور جديدة؛ يعمل تسجيل الدخول برابط أو رمز دائمًا.",
  "emails.accountThrottled.button": "إعادة تعيين كلمة المرور",
  "emails.signUpAttempt.subject": "حاول أحدهم التسجيل في {product} باستخدام عنوانك",
  "emails.signUpAttempt.preview": "لديك حساب بالفعل، لذا لم يُنشأ حساب جديد.",
  "emails.signUpAttempt.heading": "لديك حساب بالفعل",
  "emails.signUpAttempt.body":
    "حاول أحدهم للتو إنشاء حساب لدى {product} باستخدام {email}. لديك حساب بالفعل، لذا لم يتغير شيء.",
  "emails.signUpAttempt.notYou":
    "إذا كنت أنت، فسجّل الدخول بدلًا من ذلك. وإذا نسيت كلمة المرور، فأعد تعيينها. وإن لم تكن أنت، فيمكنك تجاهل هذه الرسالة.",
  "emails.signUpAttempt.button": "تسجيل الدخول",
};
