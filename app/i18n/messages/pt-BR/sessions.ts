/** sessions in pt-BR; keys and placeholders as in ../sessions.ts. */
export const ptBR = {
  "sessions.title": "Contas neste navegador",
  "sessions.subtitle": "Alterne entre as contas conectadas aqui sem entrar de novo.",
  "sessions.listLabel": "Contas conectadas",
  "sessions.current": "atual",
  "sessions.switch": "Trocar",
  "sessions.switchTo": "Trocar para {email}",
  "sessions.signOut": "Sair",
  "sessions.signOutOf": "Sair de {email}",
  "sessions.addAccount": "Adicionar outra conta",
  "sessions.limitReached":
    "No máximo {maximum, plural, one {# conta pode estar conectada} other {# contas podem estar conectadas}} em um mesmo navegador.",
  "sessions.addingTitle": "Adicionar outra conta",
  "sessions.addingText": "Você continua conectado à sua conta atual; alterne entre elas na página da sua conta.",
  "sessions.backToAccount": "Voltar para sua conta",
  "sessions.failed": "Não foi possível trocar de conta",
  "sessions.error.notSignedIn": "Essa conta não está mais conectada neste navegador.",
};
