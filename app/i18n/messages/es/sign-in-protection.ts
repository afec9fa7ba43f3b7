/** sign-in-protection in es; keys and placeholders as in ../sign-in-protection.ts. */
export const es = {
  "signInProtection.otherWays": "Otras formas de entrar:",
  "signInProtection.resetPassword": "Restablecer tu contraseña",
  "signInProtection.checkEmail": "Revisa tu correo",
  "signInProtection.checkEmailText":
    "Si {email} se puede usar para una cuenta nueva, le hemos enviado lo necesario para continuar. Sigue las indicaciones del correo.",
  "emails.accountThrottled.subject": "Intentos fallidos de inicio de sesión en tu cuenta de {product}",
  "emails.accountThrottled.preview":
    "Alguien ha intentado iniciar sesión en tu cuenta con una contraseña o un código incorrectos.",
  "emails.accountThrottled.heading": "Intentos fallidos de inicio de sesión",
  "emails.accountThrottled.body":
    "{failures, plural, one {Ha habido # intento fallido} other {Ha habido # intentos fallidos}} de iniciar sesión en tu cuenta de {product} ({email}) con una contraseña o un código incorrectos. A partir de ahora ralentizamos los siguientes intentos.",
  "emails.accountThrottled.notYou":
    "Si no has sido tú, tu contraseña sigue protegiendo tu cuenta. Por seguridad, elige una nueva; iniciar sesión con un enlace o un código siempre funciona.",
  "emails.accountThrottled.button": "Restablecer tu contraseña",
  "emails.signUpAttempt.subject": "Alguien ha intentado registrarse en {product} con tu dirección",
  "emails.signUpAttempt.preview": "Ya tienes una cuenta, así que no se ha creado ninguna nueva.",
  "emails.signUpAttempt.heading": "Ya tienes una cuenta",
  "emails.signUpAttempt.body":
    "Alguien acaba de intentar crear una cuenta de {product} con {email}. Ya tienes una, así que no se ha cambiado nada.",
  "emails.signUpAttempt.notYou":
    "Si has sido tú, inicia sesión. Si has olvidado tu contraseña, restablécela. Si no has sido tú, puedes ignorar este correo.",
  "emails.signUpAttempt.button": "Iniciar sesión",
};
