/** sessions in he; keys and placeholders as in ../sessions.ts. */
export const he = {
  "sessions.title": "חשבונות בדפדפן הזה",
  "sessions.subtitle": "מעבר בין החשבונות המחוברים כאן בלי להתחבר מחדש.",
  "sessions.listLabel": "חשבונות מחוברים",
  "sessions.current": "נוכחי",
  "sessions.switch": "החלפה",
  "sessions.switchTo": "מעבר אל {email}",
  "sessions.signOut": "התנתקות",
  "sessions.signOutOf": "התנתקות מ־{email}",
  "sessions.addAccount": "הוספת חשבון נוסף",
  "sessions.limitReached":
    "אפשר לחבר לכל היותר {maximum, plural, one {חשבון אחד} two {שני חשבונות} other {# חשבונות}} בדפדפן אחד.",
  "sessions.addingTitle": "הוספת חשבון נוסף",
  "sessions.addingText": "החשבון הנוכחי שלך נשאר מחובר; אפשר לעבור ביניהם בדף החשבון.",
  "sessions.backToAccount": "חזרה לחשבון שלך",
  "sessions.failed": "לא ניתן היה להחליף חשבון",
  "sessions.error.notSignedIn": "החשבון הזה כבר לא מחובר בדפדפן הזה.",
};
