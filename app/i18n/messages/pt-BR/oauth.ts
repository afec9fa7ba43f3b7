/** oauth in pt-BR; keys and placeholders as in ../oauth.ts. */
export const ptBR = {
  "oauth.consent.pageTitle": "Permitir acesso",
  "oauth.consent.title": "Permitir que {client} use sua conta do {tenant}?",
  "oauth.consent.signedInAs": "Conectado como {email}",
  "oauth.consent.wants": "{client} pede para:",
  "oauth.consent.redirect": "Depois da sua resposta, você volta para {host}.",
  "oauth.consent.allow": "Permitir",
  "oauth.consent.deny": "Negar",
  "oauth.consent.terms": "Termos de serviço",
  "oauth.consent.privacy": "Política de privacidade",
  "oauth.scope.openid": "Confirmar quem você é",
  "oauth.scope.profile": "Ver seu nome e foto de perfil",
  "oauth.scope.email": "Ver seu e-mail",
  "oauth.scope.offline_access": "Continuar conectado quando você não estiver usando",
  "oauth.scope.organizations": "Ver suas organizações e suas funções nelas",
  "oauth.scope.other": "Usar a permissão “{scope}”",
};
