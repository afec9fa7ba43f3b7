/** social in es; keys and placeholders as in ../social.ts. */
export const es = {
  "social.continueWith": "Continuar con {provider}",
  "social.or": "o",
  "social.error.title": "No hemos podido iniciar tu sesión",
  "social.error.state":
    "No hemos podido confirmar que este inicio de sesión empezara aquí. Ocurre cuando tarda más de diez minutos, se completa en otro navegador o se ha modificado el enlace.",
  "social.error.stateNext": "Vuelve a empezar desde la página de inicio de sesión.",
  "social.error.denied": "El inicio de sesión se canceló en el proveedor, o el proveedor lo rechazó.",
  "social.error.deniedNext": "Inténtalo de nuevo o elige otra forma de iniciar sesión.",
  "social.error.notLinked":
    "Ya existe aquí una cuenta con este correo electrónico y no hemos podido confirmar que sea tuya: el proveedor o esta cuenta no han verificado el correo electrónico.",
  "social.error.notLinkedNext":
    "Inicia sesión como lo haces normalmente. Cuando tu correo electrónico esté verificado, el inicio de sesión con el proveedor se vinculará a tu cuenta.",
  "social.error.noEmail": "El proveedor no nos ha facilitado un correo electrónico verificado.",
  "social.error.noEmailNext":
    "Permite el acceso a tu correo electrónico en el proveedor o elige otra forma de iniciar sesión.",
  "social.error.signUpClosed":
    "No hay ninguna cuenta con este correo electrónico y aquí no se pueden crear cuentas nuevas.",
  "social.error.signUpClosedNext": "Inicia sesión con una cuenta existente o pide una invitación a un administrador.",
  "social.error.unavailable": "Esta forma de iniciar sesión no está disponible en este momento.",
  "social.error.unavailableNext": "Elige otra forma de iniciar sesión o vuelve a intentarlo más tarde.",
  "social.error.other": "Algo ha fallado al iniciar tu sesión con el proveedor.",
  "social.error.otherNext": "Vuelve a intentarlo en un momento o elige otra forma de iniciar sesión.",
  "social.error.code": "Código de error: {code}",
  "social.error.back": "Volver a iniciar sesión",
};
