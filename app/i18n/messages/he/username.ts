/** username in he; keys and placeholders as in ../username.ts. */
export const he = {
  "username.label": "שם משתמש",
  "username.hint":
    "{min} עד {max, plural, one {תו אחד} two {שני תווים} other {# תווים}}: אותיות לטיניות, ספרות, _ ו־. בלבד.",
  "username.identifier": "אימייל או שם משתמש",
  "username.error.required": "יש לבחור שם משתמש.",
  "username.error.invalid": "יש להשתמש רק באותיות לטיניות, ספרות, קווים תחתונים (_) ונקודות (.).",
  "username.error.taken": "שם המשתמש הזה כבר תפוס. יש לבחור שם אחר.",
  "username.error.invalidCredentials": "שם המשתמש, האימייל או הסיסמה שגויים.",
  "username.error.identifierRequired": "יש להזין את כתובת האימייל או את שם המשתמש.",
};
