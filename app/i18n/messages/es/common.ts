/** common in es; keys and placeholders as in ../common.ts. */
export const es = {
  "common.email": "Correo electrónico",
  "common.password": "Contraseña",
  "common.continue": "Continuar",
  "common.cancel": "Cancelar",
  "common.or": "o",
  "common.poweredBy": "Con la tecnología de {name}",
};
