/** common in pt-BR; keys and placeholders as in ../common.ts. */
export const ptBR = {
  "common.email": "E-mail",
  "common.password": "Senha",
  "common.continue": "Continuar",
  "common.cancel": "Cancelar",
  "common.or": "ou",
  "common.poweredBy": "Com tecnologia {name}",
};
