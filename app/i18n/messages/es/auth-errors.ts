/** auth-errors in es; keys and placeholders as in ../auth-errors.ts. */
export const es = {
  "authErrors.invalidCredentials": "Correo electrónico o contraseña incorrectos.",
  "authErrors.emailNotVerified":
    "Confirma tu correo electrónico antes de iniciar sesión: abre el enlace que te hemos enviado.",
  "authErrors.tooManyAttempts": "Demasiados intentos. Espera un minuto y vuelve a intentarlo.",
  "authErrors.accountThrottled":
    "Demasiados intentos para esta cuenta. Vuelve a intentarlo dentro de {seconds, plural, one {# segundo} other {# segundos}} o inicia sesión con un enlace.",
  "authErrors.accountLocked":
    "Demasiados intentos fallidos para esta cuenta: el inicio de sesión con contraseña está en pausa. Inicia sesión con un enlace o un código, o restablece tu contraseña.",
  "authErrors.busy": "Mucha gente está iniciando sesión ahora mismo. Vuelve a intentarlo en unos segundos.",
  "authErrors.passkeyCancelled":
    "La solicitud de la llave de acceso se canceló o se agotó el tiempo. Inténtalo de nuevo o inicia sesión de otra forma.",
  "authErrors.passkeyFailed":
    "No hemos podido verificar esta llave de acceso. Inténtalo de nuevo o inicia sesión de otra forma.",
  "authErrors.networkError":
    "No pudimos conectar con el servicio de inicio de sesión. Comprueba tu conexión y vuelve a intentarlo.",
};
