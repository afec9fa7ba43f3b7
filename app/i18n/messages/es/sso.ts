/** sso in es; keys and placeholders as in ../sso.ts. */
export const es = {
  "sso.link": "Iniciar sesión con inicio de sesión único (SSO)",
  "sso.title": "Iniciar sesión con inicio de sesión único",
  "sso.subtitle":
    "Introduce tu correo electrónico del trabajo. Te llevaremos a la página de inicio de sesión de tu organización.",
  "sso.email": "Correo del trabajo",
  "sso.submit": "Continuar",
  "sso.invalidEmail": "Introduce una dirección de correo como alice@example.com.",
  "sso.noConnection":
    "Ninguna organización usa inicio de sesión único con el dominio de este correo. Inicia sesión de otra forma.",
  "sso.unavailable":
    "No se puede acceder ahora a la página de inicio de sesión de tu organización. Inténtalo de nuevo en un momento.",
};
