/** privacy in he; keys and placeholders as in ../privacy.ts. */
export const he = {
  "privacy.title": "המידע שלך",
  "privacy.intro": "אפשר להוריד את כל המידע שאנחנו מחזיקים עליך כקובץ JSON, או למחוק את החשבון ואת המידע השייך לו.",
  "privacy.download": "הורדת המידע שלי",
  "privacy.delete": "מחיקת החשבון שלי",
  "privacy.deleteTitle": "מחיקת החשבון שלך",
  "privacy.deleteWarning":
    "הפעולה מוחקת את {email} יחד עם שיטות ההתחברות, מפתחות הגישה, ההפעלות והחברויות בארגונים. אי אפשר לבטל אותה.",
  "privacy.deletePassword": "הסיסמה שלך",
  "privacy.deletePasswordHint": "כדי לאשר שזה אכן את/ה.",
  "privacy.deleteFresh": "התחברת לאחרונה, ולכן אין צורך בסיסמה.",
  "privacy.deleteConfirm": "ידוע לי שהחשבון שלי יימחק לצמיתות",
  "privacy.deleteSubmit": "מחיקת החשבון שלי",
  "privacy.deleteCancel": "השארת החשבון שלי",
  "privacy.deleted": "החשבון שלך נמחק.",
  "privacy.deletedText": "החשבון שלך והמידע ששייך לו נמחקו. אפשר לסגור את הדף הזה.",
  "privacy.error.confirm": "יש לסמן את התיבה לאישור.",
  "privacy.error.password": "הסיסמה שגויה.",
  "privacy.error.reauthenticate": "למען אבטחתך, יש להתנתק ולהתחבר שוב, ואז למחוק את החשבון בתוך יום.",
};
