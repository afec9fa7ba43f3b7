/** social in he; keys and placeholders as in ../social.ts. */
export const he = {
  "social.continueWith": "המשך עם {provider}",
  "social.or": "או",
  "social.error.title": "לא הצלחנו לחבר אותך",
  "social.error.state":
    "לא הצלחנו לוודא שההתחברות הזו התחילה כאן. זה קורה כשהיא נמשכה יותר מעשר דקות, הושלמה בדפדפן אחר או שהקישור שונה.",
  "social.error.stateNext": "יש להתחיל מחדש מדף ההתחברות.",
  "social.error.denied": "ההתחברות בוטלה אצל הספק, או שהספק דחה אותה.",
  "social.error.deniedNext": "אפשר לנסות שוב או לבחור דרך התחברות אחרת.",
  "social.error.notLinked":
    "כבר קיים כאן חשבון עם כתובת האימייל הזו, ולא הצלחנו לוודא שהוא שלך: הספק או החשבון הזה לא אימתו את כתובת האימייל.",
  "social.error.notLinkedNext": "יש להתחבר בדרך הרגילה. לאחר שכתובת האימייל תאומת, ההתחברות דרך הספק תצורף לחשבון שלך.",
  "social.error.noEmail": "הספק לא שיתף איתנו כתובת אימייל מאומתת.",
  "social.error.noEmailNext": "יש לאפשר גישה לכתובת האימייל אצל הספק, או לבחור דרך התחברות אחרת.",
  "social.error.signUpClosed": "אין חשבון עבור כתובת האימייל הזו, ולא ניתן ליצור כאן חשבונות חדשים.",
  "social.error.signUpClosedNext": "יש להתחבר עם חשבון קיים, או לבקש הזמנה ממנהל.",
  "social.error.unavailable": "דרך ההתחברות הזו אינה זמינה כרגע.",
  "social.error.unavailableNext": "אפשר לבחור דרך התחברות אחרת או לנסות שוב מאוחר יותר.",
  "social.error.other": "משהו השתבש בזמן ההתחברות דרך הספק.",
  "social.error.otherNext": "אפשר לנסות שוב בעוד רגע או לבחור דרך התחברות אחרת.",
  "social.error.code": "קוד שגיאה: {code}",
  "social.error.back": "חזרה להתחברות",
};
