/** sign-in-protection in he; keys and placeholders as in ../sign-in-protection.ts. */
export const he = {
  "signInProtection.otherWays": "דרכים אחרות להיכנס:",
  "signInProtection.resetPassword": "איפוס הסיסמה",
  "signInProtection.checkEmail": "כדאי לבדוק את האימייל",
  "signInProtection.checkEmailText":
    "אם אפשר להשתמש ב־{email} לחשבון חדש, שלחנו אליו את מה שנדרש כדי להמשיך. יש לפעול לפי האימייל כדי להמשיך.",
  "emails.accountThrottled.subject": "ניסיונות התחברות כושלים לחשבון שלך ב־{product}",
  "emails.accountThrottled.preview": "מישהו ניסה להתחבר לחשבון שלך עם סיסמה או קוד שגויים.",
  "emails.accountThrottled.heading": "ניסיונות התחברות כושלים",
  "emails.accountThrottled.body":
    "{failures, plural, one {היה ניסיון כושל אחד} two {היו שני ניסיונות כושלים} other {היו # ניסיונות כושלים}} להתחבר לחשבון שלך ב־{product} ({email}) עם סיסמה או קוד שגויים. מעכשיו אנחנו מאטים ניסיונות נוספים.",
  "emails.accountThrottled.notYou":
    "אם זה לא היה את/ה, הסיסמה עדיין מגינה על החשבון שלך. ליתר ביטחון, כדאי לבחור סיסמה חדשה; התחברות עם קישור או קוד תמיד עובדת.",
  "emails.accountThrottled.button": "איפוס הסיסמה",
  "emails.signUpAttempt.subject": "מישהו ניסה להירשם ל־{product} עם הכתובת שלך",
  "emails.signUpAttempt.preview": "כבר יש לך חשבון, ולכן לא נוצר חשבון חדש.",
  "emails.signUpAttempt.heading": "כבר יש לך חשבון",
  "emails.signUpAttempt.body": "מישהו ניסה הרגע ליצור חשבון ב־{product} עם {email}. כבר יש לך חשבון, ולכן דבר לא שונה.",
  "emails.signUpAttempt.notYou":
    "אם זה היה את/ה, יש להתחבר במקום זאת. אם שכחת את הסיסמה, אפשר לאפס אותה. אם זה לא היה את/ה, אפשר להתעלם מהאימייל הזה.",
  "emails.signUpAttempt.button": "התחברות",
};
