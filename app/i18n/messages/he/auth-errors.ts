/** auth-errors in he; keys and placeholders as in ../auth-errors.ts. */
export const he = {
  "authErrors.invalidCredentials": "האימייל או הסיסמה שגויים.",
  "authErrors.emailNotVerified": "יש לאמת את כתובת האימייל לפני ההתחברות: יש לפתוח את הקישור ששלחנו.",
  "authErrors.tooManyAttempts": "יותר מדי ניסיונות. יש להמתין דקה ולנסות שוב.",
  "authErrors.accountThrottled":
    "יותר מדי ניסיונות לחשבון הזה. אפשר לנסות שוב בעוד {seconds, plural, one {שנייה אחת} two {שתי שניות} other {# שניות}} או להתחבר עם קישור.",
  "authErrors.accountLocked":
    "יותר מדי ניסיונות כושלים לחשבון הזה: ההתחברות עם סיסמה מושהית. אפשר להתחבר עם קישור או קוד, או לאפס את הסיסמה.",
  "authErrors.busy": "אנשים רבים מתחברים ממש עכשיו. יש לנסות שוב בעוד כמה שניות.",
  "authErrors.passkeyCancelled": "בקשת מפתח הגישה בוטלה או שתם הזמן שהוקצב לה. אפשר לנסות שוב או להתחבר בדרך אחרת.",
  "authErrors.passkeyFailed": "לא הצלחנו לאמת את מפתח הגישה. אפשר לנסות שוב או להתחבר בדרך אחרת.",
  "authErrors.networkError": "לא הצלחנו להתחבר לשירות ההתחברות. יש לבדוק את החיבור ולנסות שוב.",
};
