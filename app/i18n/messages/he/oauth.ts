/** oauth in he; keys and placeholders as in ../oauth.ts. */
export const he = {
  "oauth.consent.pageTitle": "מתן גישה",
  "oauth.consent.title": "לאפשר ל־{client} להשתמש בחשבון שלך ב־{tenant}?",
  "oauth.consent.signedInAs": "מחובר/ת בתור {email}",
  "oauth.consent.wants": "{client} מבקש:",
  "oauth.consent.redirect": "לאחר התשובה שלך, תוחזר/י אל {host}.",
  "oauth.consent.allow": "אישור",
  "oauth.consent.deny": "דחייה",
  "oauth.consent.terms": "תנאי השימוש",
  "oauth.consent.privacy": "מדיניות הפרטיות",
  "oauth.scope.openid": "לאשר מי את/ה",
  "oauth.scope.profile": "לראות את השם ואת תמונת הפרופיל שלך",
  "oauth.scope.email": "לראות את כתובת האימייל שלך",
  "oauth.scope.offline_access": "להישאר מחובר כשאינך משתמש/ת בו",
  "oauth.scope.organizations": "לראות את הארגונים שלך ואת התפקידים שלך בהם",
  "oauth.scope.other": "להשתמש בהרשאה ״{scope}״",
};
