/** email-methods in es; keys and placeholders as in ../email-methods.ts. */
export const es = {
  "emailMethods.signIn.magicLink": "Enviarme un enlace de inicio de sesión",
  "emailMethods.signIn.emailCode": "Enviarme un código por correo",
  "emailMethods.signIn.resendVerification": "Enviar un nuevo enlace de confirmación",
  "emailMethods.verify.title": "Confirma tu correo electrónico",
  "emailMethods.verify.verifiedTitle": "Tu correo electrónico está confirmado",
  "emailMethods.verify.verifiedBody": "Gracias. Tu cuenta está lista.",
  "emailMethods.verify.continue": "Continuar",
  "emailMethods.verify.alreadyTitle": "Este enlace ya se usó",
  "emailMethods.verify.alreadyBody": "Tu correo electrónico ya está confirmado. Inicia sesión para continuar.",
  "emailMethods.verify.expiredTitle": "Este enlace ha caducado",
  "emailMethods.verify.expiredBody":
    "Los enlaces de confirmación funcionan durante 24 horas. Introduce tu correo electrónico y te enviaremos uno nuevo.",
  "emailMethods.verify.invalidTitle": "Este enlace no funciona",
  "emailMethods.verify.invalidBody":
    "El enlace está incompleto o se ha modificado. Introduce tu correo electrónico y te enviaremos uno nuevo.",
  "emailMethods.verify.pendingTitle": "Revisa tu bandeja de entrada",
  "emailMethods.verify.pendingBody":
    "Hemos enviado un enlace de confirmación a tu correo electrónico. Ábrelo para terminar de configurar tu cuenta. ¿No te ha llegado nada? Envía un enlace nuevo.",
  "emailMethods.verify.sentBody":
    "Si {email} tiene una cuenta pendiente de confirmar, hay un enlace nuevo en camino. Funciona durante 24 horas.",
  "emailMethods.verify.resend": "Enviar un enlace nuevo",
  "emailMethods.verify.signIn": "Iniciar sesión",
  "emailMethods.account.verified": "Confirmado",
  "emailMethods.account.unverified": "Sin confirmar",
  "emailMethods.account.resend": "Enviar correo de confirmación",
  "emailMethods.account.sent": "Hemos enviado un enlace de confirmación a {email}.",
  "emailMethods.magicLink.title": "Iniciar sesión con un enlace",
  "emailMethods.magicLink.subtitle": "Introduce tu correo electrónico y te enviaremos un enlace para iniciar sesión.",
  "emailMethods.magicLink.submit": "Enviarme un enlace",
  "emailMethods.magicLink.sentTitle": "Revisa tu bandeja de entrada",
  "emailMethods.magicLink.sentBody":
    "Hemos enviado un enlace de inicio de sesión a {email}. Funciona una sola vez y caduca en {minutes, plural, one {# minuto} other {# minutos}}. Puedes cerrar esta página.",
  "emailMethods.magicLink.failedTitle": "Este enlace de inicio de sesión ya no funciona",
  "emailMethods.magicLink.failedBody":
    "Los enlaces de inicio de sesión funcionan una sola vez y caducan a los pocos minutos. Introduce tu correo electrónico para recibir uno nuevo.",
  "emailMethods.magicLink.signUpClosed":
    "No hay ninguna cuenta con este correo electrónico y aquí no se pueden crear cuentas nuevas.",
  "emailMethods.backToSignIn": "Volver a iniciar sesión",
  "emailMethods.useAnotherEmail": "Usar otro correo electrónico",
  "emailMethods.code.title": "Iniciar sesión con un código",
  "emailMethods.code.subtitle": "Introduce tu correo electrónico y te enviaremos un código de un solo uso.",
  "emailMethods.code.submitEmail": "Enviarme un código",
  "emailMethods.code.enterTitle": "Introduce tu código",
  "emailMethods.code.enterBody":
    "Si {email} puede iniciar sesión aquí, hay un código de {length} dígitos en camino. Caduca en {minutes, plural, one {# minuto} other {# minutos}}.",
  "emailMethods.code.label": "Código de un solo uso",
  "emailMethods.code.submitCode": "Iniciar sesión",
  "emailMethods.code.wrong":
    "Ese código no es correcto. {remaining, plural, one {Queda # intento} other {Quedan # intentos}}.",
  "emailMethods.code.wrongLast": "Ese código no es correcto. Queda 1 intento.",
  "emailMethods.code.tooMany": "Demasiados códigos incorrectos. Este código ya no funciona: pide uno nuevo.",
  "emailMethods.code.expired": "Este código ha caducado. Pide uno nuevo.",
  "emailMethods.code.format": "Introduce el código de {length} dígitos del correo.",
  "emailMethods.code.startOver": "Obtener un código nuevo",
};
