/** auth-errors in ar; keys and placeholders as in ../auth-errors.ts. */
export const ar = {
  "authErrors.invalidCredentials": "البريد الإلكتروني أو كلمة المرور غير صحيحة.",
  "authErrors.emailNotVerified": "أكّد عنوان بريدك الإلكتروني قبل تسجيل الدخول: افتح الرابط الذي أرسلناه إليك.",
  "authErrors.tooManyAttempts": "محاولات كثيرة جدًا. انتظر دقيقة، ثم حاول مرة أخرى.",
  "authErrors.accountThrottled":
    "محاولات كثيرة جدًا لهذا الحساب. حاول مرة أخرى بعد {seconds, plural, one {ثانية واحدة} two {ثانيتين} few {# ثوانٍ} many {# ثانية} other {# ثانية}} أو سجّل الدخول برابط.",
  "authErrors.accountLocked":
    "محاولات فاشلة كثيرة جدًا لهذا الحساب: تم إيقاف تسجيل الدخول بكلمة المرور مؤقتًا. سجّل الدخول برابط أو رمز، أو أعد تعيين كلمة المرور.",
  "authErrors.busy": "يسجّل كثيرون الدخول الآن. حاول مرة أخرى بعد بضع ثوانٍ.",
  "authErrors.passkeyCancelled": "أُلغي طلب مفتاح المرور أو انتهت مهلته. حاول مرة أخرى أو سجّل الدخول بطريقة أخرى.",
  "authErrors.passkeyFailed": "تعذّر علينا التحقق من مفتاح المرور هذا. حاول مرة أخرى أو سجّل الدخول بطريقة أخرى.",
  "authErrors.networkError": "تعذّر الوصول إلى خدمة تسجيل الدخول. تحقّق من اتصالك وحاول مرة أخرى.",
};
