/** sessions in es; keys and placeholders as in ../sessions.ts. */
export const es = {
  "sessions.title": "Cuentas en este navegador",
  "sessions.subtitle": "Cambia entre las cuentas con sesión iniciada aquí sin volver a iniciar sesión.",
  "sessions.listLabel": "Cuentas con sesión iniciada",
  "sessions.current": "actual",
  "sessions.switch": "Cambiar",
  "sessions.switchTo": "Cambiar a {email}",
  "sessions.signOut": "Cerrar sesión",
  "sessions.signOutOf": "Cerrar la sesión de {email}",
  "sessions.addAccount": "Añadir otra cuenta",
  "sessions.limitReached":
    "Como máximo, {maximum, plural, one {# cuenta puede tener} other {# cuentas pueden tener}} la sesión iniciada en un mismo navegador.",
  "sessions.addingTitle": "Añadir otra cuenta",
  "sessions.addingText":
    "Sigues con la sesión iniciada en tu cuenta actual; cambia entre ellas desde la página de tu cuenta.",
  "sessions.backToAccount": "Volver a tu cuenta",
  "sessions.failed": "No se ha podido cambiar de cuenta",
  "sessions.error.notSignedIn": "Esa cuenta ya no tiene la sesión iniciada en este navegador.",
};
