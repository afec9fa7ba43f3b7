/** social in pt-BR; keys and placeholders as in ../social.ts. */
export const ptBR = {
  "social.continueWith": "Continuar com {provider}",
  "social.or": "ou",
  "social.error.title": "Não conseguimos fazer seu login",
  "social.error.state":
    "Não conseguimos confirmar que este login começou aqui. Isso acontece quando ele levou mais de dez minutos, foi concluído em outro navegador ou o link foi alterado.",
  "social.error.stateNext": "Comece de novo pela página de login.",
  "social.error.denied": "O login foi cancelado no provedor, ou o provedor o recusou.",
  "social.error.deniedNext": "Tente novamente ou escolha outra forma de entrar.",
  "social.error.notLinked":
    "Já existe aqui uma conta com este e-mail, e não conseguimos confirmar que ela é sua: o provedor ou esta conta não verificou o e-mail.",
  "social.error.notLinkedNext":
    "Entre como você costuma entrar. Depois que seu e-mail for verificado, o login pelo provedor será vinculado à sua conta.",
  "social.error.noEmail": "O provedor não compartilhou conosco um e-mail verificado.",
  "social.error.noEmailNext": "Permita o acesso ao seu e-mail no provedor ou escolha outra forma de entrar.",
  "social.error.signUpClosed": "Não há conta para este e-mail, e não é possível criar novas contas aqui.",
  "social.error.signUpClosedNext": "Entre com uma conta existente ou peça um convite a um administrador.",
  "social.error.unavailable": "Esta forma de entrar não está disponível no momento.",
  "social.error.unavailableNext": "Escolha outra forma de entrar ou tente novamente mais tarde.",
  "social.error.other": "Algo deu errado ao fazer seu login pelo provedor.",
  "social.error.otherNext": "Tente novamente em instantes ou escolha outra forma de entrar.",
  "social.error.code": "Código do erro: {code}",
  "social.error.back": "Voltar para o login",
};
