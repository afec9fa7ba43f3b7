/** sso in pt-BR; keys and placeholders as in ../sso.ts. */
export const ptBR = {
  "sso.link": "Entrar com login único (SSO)",
  "sso.title": "Entrar com login único",
  "sso.subtitle": "Digite seu e-mail de trabalho. Vamos levar você à página de login da sua organização.",
  "sso.email": "E-mail de trabalho",
  "sso.submit": "Continuar",
  "sso.invalidEmail": "Digite um endereço de e-mail como alice@example.com.",
  "sso.noConnection": "Nenhuma organização usa login único com o domínio deste e-mail. Entre de outra forma.",
  "sso.unavailable": "A página de login da sua organização não está acessível agora. Tente novamente em instantes.",
};
